"""``peerdesk wall PATH OUT`` renders the wall with no screen at all, and refuses what it cannot write."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.cli.app import main
from peerdesk.services import wall_themes
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE
from tests.helpers.cli import run_peerdesk, without_display
from tests.helpers.wall_data import seed_postits


@pytest.fixture
def wall_file(store: Store, review_path: Path) -> Path:
    a, b, *_ = seed_postits(store)
    wall_themes.group_as_theme(store, [a, b], "Leaders are close to practice")
    store.close()
    return review_path


def test_the_command_writes_png_svg_and_csv_without_a_display(wall_file: Path, tmp_path: Path) -> None:
    for name in ("wall.png", "wall.svg", "wall.csv"):
        out = tmp_path / name
        result = run_peerdesk("wall", str(wall_file), str(out), env=without_display())
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 100
    assert (tmp_path / "wall.png").read_bytes()[:4] == b"\x89PNG"
    assert "Leaders are close to practice" in (tmp_path / "wall.svg").read_text(encoding="utf-8")
    csv_text = (tmp_path / "wall.csv").read_text(encoding="utf-8-sig")
    assert "Leaders are close to practice,Rose,Managers are visible and easy to reach,AR" in csv_text


def test_an_unknown_format_is_refused_in_one_line(
    wall_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["wall", str(wall_file), str(tmp_path / "wall.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "OUT.png" in err
    assert not (tmp_path / "wall.pdf").exists()


def test_the_evening_sheets_can_be_drawn_too(
    wall_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "evening.png"
    assert main(["wall", str(wall_file), str(out), "--mode", "evening"]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
