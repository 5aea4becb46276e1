"""``peerdesk print PATH WHAT OUT.pdf``: the visit's paperwork as a PDF with no screen, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.cli.app import main
from tests.conftest import PASSPHRASE
from tests.helpers.cli import run_peerdesk, without_display
from tests.helpers.pdf import pages_starting, pdf_info, pdf_text


def test_the_timetable_prints_without_a_display(demo_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "timetable.pdf"
    result = run_peerdesk("print", str(demo_copy), "timetable", str(out), "--by", "person", env=without_display())
    assert result.returncode == 0, result.stderr
    assert "Wrote timetable" in result.stdout
    assert pages_starting(out, "Day 1 for ") >= 5
    assert "Ruth Abernethy" in pdf_text(out)


@pytest.mark.parametrize(
    ("what", "expected"),
    [("interview-sheets", "Interview: Senior leaders"), ("rtb-sheets", "Thorns"), ("workshop-sheets", "Workshop:")],
)
def test_each_kind_of_sheet(
    qapp: object, demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str, expected: str
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / f"{what}.pdf"
    assert main(["print", str(demo_copy), what, str(out), "--paper", "Letter"]) == 0
    assert expected in pdf_text(out)
    assert pdf_info(out)["Page size"].startswith("612 x 792")


def test_refusals_are_one_line_and_write_nothing(
    qapp: object,
    store_path_closed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "t.pdf"
    assert main(["print", str(store_path_closed), "insight-sheets", str(out)]) == 2
    assert capsys.readouterr().err.strip() == "peerdesk: There are no insights yet: there is nothing to print."
    assert main(["print", str(store_path_closed), "timetable", str(tmp_path / "t.txt")]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert main(["print", str(store_path_closed), "timetable", str(tmp_path / "missing" / "t.pdf")]) == 2
    assert not out.exists()


@pytest.fixture
def store_path_closed(store: object, review_path: Path) -> Path:
    store.close()  # type: ignore[attr-defined]
    return review_path
