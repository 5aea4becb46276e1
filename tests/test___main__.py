"""``peerdesk`` decides between the app and the CLI from its arguments."""

from __future__ import annotations

from pathlib import Path

import pytest

import peerdesk.ui.shell.app
from peerdesk.__main__ import main, openable


@pytest.fixture
def app_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[Path] | None]:
    """Records the files the app would have been started with, instead of starting it."""
    calls: list[list[Path] | None] = []

    def fake_run(argv: list[str] | None = None, files: list[Path] | None = None) -> int:
        calls.append(files)
        return 0

    monkeypatch.setattr(peerdesk.ui.shell.app, "run", fake_run)
    return calls


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("review.peerdesk", True),
        ("Team Changes.PDBUNDLE", True),
        ("/home/ana/eastmere.peerdesk", True),
        ("info", False),
        ("--version", False),
        ("notes.txt", False),
        ("-x.peerdesk", False),
    ],
)
def test_only_review_and_bundle_paths_are_for_the_app(arg: str, expected: bool) -> None:
    assert openable(arg) is expected


def test_no_arguments_start_the_app(app_runs: list[list[Path] | None]) -> None:
    assert main([]) == 0
    assert app_runs == [[]]


def test_an_existing_review_path_goes_to_the_app_not_the_cli(app_runs: list[list[Path] | None], tmp_path: Path) -> None:
    review = tmp_path / "eastmere.peerdesk"
    bundle = tmp_path / "from-sam.pdbundle"
    review.write_bytes(b"\0" * 4096)
    bundle.write_bytes(b"\0" * 64)
    assert main([str(review)]) == 0
    assert main([str(bundle)]) == 0
    assert app_runs == [[review.resolve()], [bundle.resolve()]]


def test_a_missing_review_path_is_refused_in_one_line(
    app_runs: list[list[Path] | None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "gone.peerdesk")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("peerdesk: no such file:") and err.count("\n") == 1
    assert main([str(tmp_path / ("x" * 300 + ".peerdesk"))]) == 2  # a name no file can have: no traceback
    assert capsys.readouterr().err.startswith("peerdesk: no such file:")
    assert app_runs == []


def test_subcommands_still_go_to_the_cli(app_runs: list[list[Path] | None], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("peerdesk ")
    assert app_runs == []
