"""Per-user settings: the recent files list, newest first, without duplicates, at most ten."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.ui.kit import settings


@pytest.fixture(autouse=True)
def _no_recent_files() -> None:
    # QSettings keeps the file it first opened for the whole process: start each test from an empty list.
    settings.settings().remove("recent")


def test_a_recent_file_goes_first_and_only_once(tmp_path: Path) -> None:
    a, b = tmp_path / "a.peerdesk", tmp_path / "b.peerdesk"
    settings.add_recent(a)
    settings.add_recent(b)
    settings.add_recent(a)
    assert settings.recent_files() == [a.resolve(), b.resolve()]
    settings.remove_recent(a)
    assert settings.recent_files() == [b.resolve()]


def test_the_list_keeps_the_newest_ten(tmp_path: Path) -> None:
    for n in range(settings.MAX_RECENT + 2):
        settings.add_recent(tmp_path / f"{n}.peerdesk")
    recent = settings.recent_files()
    assert len(recent) == settings.MAX_RECENT and recent[0].name == f"{settings.MAX_RECENT + 1}.peerdesk"


def test_the_settings_file_and_its_folder_are_the_users_only(tmp_path: Path) -> None:
    """Its recent files name the reviews (after their authorities): under a 022 umask it was 0644 in a 0755 folder."""
    import os
    import subprocess
    import sys

    if sys.platform in ("win32", "darwin"):
        pytest.skip("settings live in the registry or the preferences service there, not in a file of ours")
    program = (
        "import os; os.umask(0o022)\n"
        "from pathlib import Path\n"
        "from peerdesk.ui.kit import settings\n"
        "settings.add_recent(Path('/reviews/eastmere-borough-council.peerdesk'))\n"
        "print(settings.settings().fileName())\n"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    written = Path(done.stdout.strip())
    assert "eastmere-borough-council" in written.read_text()
    assert written.stat().st_mode & 0o777 == 0o600
    assert written.parent.stat().st_mode & 0o777 == 0o700
    dialog_history = tmp_path / "config" / f"{settings.QT_FILE_DIALOG}.conf"  # Qt's file dialog writes it later
    assert dialog_history.stat().st_mode & 0o777 == 0o600


def test_a_settings_file_left_readable_by_others_is_made_the_users_only(tmp_path: Path) -> None:
    folder = tmp_path / "peerdesk"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    old = folder / "peerdesk.conf"
    old.write_text("[General]\nrecent=/reviews/eastmere.peerdesk\n")
    old.chmod(0o644)
    settings.keep_private(old)
    assert old.stat().st_mode & 0o777 == 0o600 and folder.stat().st_mode & 0o777 == 0o700
    assert "eastmere" in old.read_text()  # kept as it was


def test_a_folder_shared_with_other_programs_is_left_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "Preferences"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    settings.keep_private(shared / "peerdesk.conf")
    assert shared.stat().st_mode & 0o777 == 0o755
    assert (shared / "peerdesk.conf").stat().st_mode & 0o777 == 0o600
