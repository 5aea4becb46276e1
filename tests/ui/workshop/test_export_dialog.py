"""Exporting the workshop slides asks once: where to save, and whether they follow the team's presentation."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pytestqt.qtbot import QtBot

from peerdesk.ui.workshop.export_dialog import ExportSlidesDialog, default_paths


def test_with_no_presentation_found_the_slides_default_to_one_of_their_own(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportSlidesDialog(None, tmp_path / "Workshop outcome.pptx")
    qtbot.addWidget(dialog)
    assert dialog.own.isChecked() and dialog.append_path is None
    dialog._validate()
    assert dialog.result() == ExportSlidesDialog.DialogCode.Accepted
    assert dialog.output_path == tmp_path / "Workshop outcome.pptx"


def test_a_presentation_found_is_offered_and_typing_a_path_chooses_to_add_after_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    deck = tmp_path / "Westfold peer challenge.pptx"
    Presentation().save(str(deck))
    dialog = ExportSlidesDialog(None, tmp_path / "out.pptx", deck)
    qtbot.addWidget(dialog)
    assert dialog.after.isChecked() and dialog.append_path == deck
    dialog.own.setChecked(True)
    dialog.append.clear()
    qtbot.keyClicks(dialog.append, str(deck))
    assert dialog.after.isChecked(), "typing a presentation's path means: add the slides after it"


@pytest.mark.parametrize(
    ("out", "append", "message"),
    [
        ("slides.txt", None, "as a .pptx file"),
        ("no such folder/slides.pptx", None, "does not exist"),
        ("slides.pptx", "missing.pptx", "Choose the presentation"),
    ],
)
def test_what_cannot_work_is_said_in_the_dialog_and_nothing_is_exported(
    qtbot: QtBot, tmp_path: Path, out: str, append: str | None, message: str
) -> None:
    dialog = ExportSlidesDialog(None, tmp_path / out)
    qtbot.addWidget(dialog)
    if append:
        dialog.after.setChecked(True)
        dialog.append.setText(str(tmp_path / append))
    dialog._validate()
    assert message in dialog.error.text()
    assert dialog.result() != ExportSlidesDialog.DialogCode.Accepted


def test_the_default_offers_the_presentation_build_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    (tmp_path / "Documents").mkdir()
    assert default_paths("Westfold Council") == (tmp_path / "Documents" / "Workshop outcome.pptx", None)
    built = tmp_path / "Documents" / "Westfold Council peer challenge.pptx"
    Presentation().save(str(built))
    assert default_paths("Westfold Council")[1] == built


def test_the_summary_dialog_offers_one_page_or_the_full_record_as_pdf_or_web_page(qtbot: QtBot, tmp_path: Path) -> None:
    from peerdesk.ui.workshop.export_dialog import SummaryDialog

    dialog = SummaryDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.one_page.isChecked() and not dialog.full
    assert dialog.output_path == tmp_path / "workshop-summary.pdf"
    dialog.full_record.setChecked(True)
    assert dialog.full and dialog.output_path == tmp_path / "workshop-record.pdf", "the suggested name follows"
    dialog.out.setText(str(tmp_path / "notes.docx"))
    dialog._validate()
    assert "as a .pdf file" in dialog.error.text()
    dialog.out.setText(str(tmp_path / "record.html"))
    dialog._validate()
    assert dialog.result() == SummaryDialog.DialogCode.Accepted


def test_slides_of_their_own_may_take_the_authority_template(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportSlidesDialog(None, tmp_path / "out.pptx")
    qtbot.addWidget(dialog)
    assert dialog.template_path is None, "empty: peerdesk's own template"
    dialog.template.setText(str(tmp_path / "missing.pptx"))
    dialog._validate()
    assert "no template at that path" in dialog.error.text()
    branded = tmp_path / "branded.pptx"
    Presentation().save(str(branded))
    dialog.template.setText(str(branded))
    dialog._validate()
    assert dialog.result() == ExportSlidesDialog.DialogCode.Accepted and dialog.template_path == branded
