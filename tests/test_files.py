"""Files written where the user asked are whole or not there, and readable by their owner only, whatever the umask:
each export the app and the command line offer is checked on the demo review."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.files import (
    file_stem,
    is_file_here,
    is_folder_here,
    narrow,
    new_private_file,
    private_folder,
    private_target,
    read_at_most,
    reason,
    unusable_name,
    write_private,
    write_private_text,
)
from peerdesk.store.engine import Store
from tests.helpers.exchange import Team

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that lets anyone read a new file (0644), as on most desktops."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_private_folder_is_made_closed_to_others_and_an_open_one_is_closed(tmp_path: Path, open_umask: None) -> None:
    made = private_folder(tmp_path / "data" / "peerdesk", parents=True)
    assert mode(made) == 0o700
    assert mode(made.parent) == 0o755  # made on the way: perhaps a folder other apps share, left as the umask made it
    made.chmod(0o755)  # as an older peerdesk left it
    assert private_folder(made) == made and mode(made) == 0o700


def test_a_new_private_file_is_the_owners_only_and_never_takes_over_one_already_there(
    tmp_path: Path, open_umask: None
) -> None:
    key = tmp_path / "one-app.key"
    new_private_file(key)
    assert mode(key) == 0o600 and key.read_bytes() == b""
    key.write_text("theirs")
    with pytest.raises(FileExistsError):
        new_private_file(key)
    assert key.read_text() == "theirs"


@pytest.mark.parametrize(("before", "after"), [(0o644, 0o600), (0o444, 0o400), (0o755, 0o700), (0o600, 0o600)])
def test_narrowing_takes_off_others_access_and_keeps_the_owners_own(tmp_path: Path, before: int, after: int) -> None:
    path = tmp_path / "review.peerdesk"
    path.touch()
    path.chmod(before)
    narrow(path)
    assert mode(path) == after


def test_a_file_written_is_its_owners_only_and_replaces_a_readable_one(tmp_path: Path, open_umask: None) -> None:
    out = tmp_path / "wall.csv"
    out.write_text("old")
    assert mode(out) == 0o644
    write_private_text(out, "Kind,Text\r\nRose,Hubs are warm\r\n", encoding="utf-8-sig")
    assert mode(out) == 0o600
    assert out.read_bytes() == b"\xef\xbb\xbfKind,Text\r\nRose,Hubs are warm\r\n"  # line ends as given
    assert [p.name for p in tmp_path.iterdir()] == ["wall.csv"]  # nothing left beside it


def test_a_write_that_fails_leaves_the_old_file_and_nothing_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"the deck from this morning")

    with pytest.raises(RuntimeError), private_target(out) as staging:
        staging.write_bytes(b"half a deck")
        raise RuntimeError("the writer failed half way")
    assert out.read_bytes() == b"the deck from this morning"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_a_missing_folder_or_one_that_cannot_be_written_is_said_in_words(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        write_private(tmp_path / "gone" / "summary.html", b"x")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # running as root: permissions do not stop it
        pytest.skip("this user may write anywhere")
    with pytest.raises(UserError, match="Could not write"):
        write_private(locked / "summary.html", b"x")


def run(*args: str) -> None:
    from peerdesk.cli.app import main

    assert main(list(args)) == 0, args


def test_every_export_the_command_line_offers_is_its_owners_only(
    demo_copy: Path,
    tmp_path: Path,
    open_umask: None,
    monkeypatch: pytest.MonkeyPatch,
    passphrase: str,
    qapp: object,  # the app's own application first: the picture and print commands would make a plain one, which
    # every UI test after this one in the same run would then be handed
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", passphrase)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    review, out = str(demo_copy), tmp_path / "out"
    out.mkdir()
    run("timetable", "export", review, str(out / "timetable.csv"))
    run("checklist", review, "--ics", str(out / "checklist.ics"))
    run("card", review, str(out / "me.card"))
    run("invite", review, str(out / "join.invite"))
    run("export-pptx", "--flagged", "keep", review, str(out / "findings.pptx"))
    for name in ("wall.png", "wall.svg", "wall.csv"):
        run("wall", review, str(out / name))
    run("print", review, "timetable", str(out / "timetable.pdf"))
    written = sorted(out.iterdir())
    assert len(written) == 9
    assert {p.name: oct(mode(p)) for p in written} == {p.name: oct(0o600) for p in written}


def test_a_bundle_for_colleagues_is_its_owners_only(duo: Team, tmp_path: Path, open_umask: None) -> None:
    from peerdesk.services import sharing

    out = tmp_path / "out"
    out.mkdir()
    report = sharing.export_to(duo.stores[0], out / "to-sam.pdbundle")
    assert mode(report.path) == 0o600 and [p.name for p in out.iterdir()] == ["to-sam.pdbundle"]


def test_the_workshop_summary_is_its_owners_only(demo_store: Store, tmp_path: Path, open_umask: None) -> None:
    from peerdesk.export import workshop_summary
    from peerdesk.services.workshop_outcome import outcome

    workshop_summary.write(outcome(demo_store), tmp_path / "summary.html", "Eastmere")
    assert mode(tmp_path / "summary.html") == 0o600


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        ("Sam Okafor", "sam-okafor"),
        ("Alex  O'Lead", "alex-o-lead"),  # each run of anything else is one hyphen
        ("  Eastmere: early help!  ", "eastmere-early-help"),
        ("Zoë Ørsted", "zoë-ørsted"),  # letters of every language stay letters
        ("<>/\\:*?", "fallback"),  # nothing left: the default
    ],
)
def test_words_make_a_file_stem_of_letters_digits_and_single_hyphens(words: str, stem: str) -> None:
    assert file_stem(words, "fallback") == stem


def test_a_path_that_cannot_be_looked_at_is_no_file_here_rather_than_an_error(tmp_path: Path) -> None:
    (tmp_path / "review.peerdesk").write_bytes(b"x")
    assert is_file_here(tmp_path / "review.peerdesk")
    assert not is_file_here(tmp_path)  # a folder
    assert not is_file_here(tmp_path / "absent.peerdesk")
    assert not is_file_here(tmp_path / ("x" * 300 + ".peerdesk"))  # Path.is_file raises for this one
    assert not is_file_here(tmp_path / "nul\0byte.peerdesk")


def test_reading_at_most_reads_no_further_than_the_limit_and_no_folder_or_pipe(tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    small.write_bytes(b"day,starts\n")
    assert read_at_most(small, 11) == b"day,starts\n"
    assert read_at_most(small, 10) is None
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(1024**3)  # a gigabyte that takes no room: only eleven bytes of it are read
    assert read_at_most(huge, 10) is None
    with pytest.raises(IsADirectoryError):
        read_at_most(tmp_path, 10)
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a file"):  # opened, it would wait for a writer for ever
        read_at_most(pipe, 10)


def test_a_name_that_cannot_be_used_says_why_and_one_that_can_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("")
    assert unusable_name(tmp_path / "a file") == "" and unusable_name(tmp_path / "new.peerdesk") == ""
    assert unusable_name(tmp_path / ("x" * 300 + ".peerdesk")) == "file name too long"
    assert "is a file, not a folder" in unusable_name(tmp_path / "a file" / "review.peerdesk")
    assert unusable_name(tmp_path / "nul\0byte") == "it is not a file name"
    assert is_folder_here(tmp_path) and not is_folder_here(tmp_path / "a file")
    assert not is_folder_here(tmp_path / ("x" * 300))


def test_why_a_path_could_not_be_read_is_said_in_the_systems_words() -> None:
    assert reason(PermissionError(13, "Permission denied")) == "Permission denied"
    assert reason(ValueError("embedded null byte")) == "it is not a file name"
