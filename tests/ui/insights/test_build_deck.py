"""Building the deck from the app: flagged quotes decided first, the pre-flight report shown before anything is
built, the build in the background, a safe file name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.export import presentation
from peerdesk.store.models import GuardedName, Quote
from peerdesk.store.uow import UnitOfWork
from peerdesk.ui.insights import build_deck as presentation_ui
from peerdesk.ui.insights.panel import InsightsPanel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.export.pptx_checks import slides
from tests.helpers import day2


def test_the_build_dialog_lists_the_preflight_findings_blocking_ones_first(
    qtbot: QtBot, session: ReviewSession, tmp_path: Path
) -> None:
    day2.seed(session.store)
    report = session.call(presentation.preflight)
    report.append(presentation.Finding("flagged", "1 quote flagged by the confidentiality check.", blocking=True))
    dialog = presentation_ui.BuildDialog(None, tmp_path / "deck.pptx", report)
    qtbot.addWidget(dialog)
    text = dialog.report.text()
    assert text.startswith("Before you build:\n• 1 quote flagged")
    assert "not yet checked by the observer" in text
    assert not dialog.report.isHidden()


def test_with_nothing_to_report_the_dialog_shows_no_report(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = presentation_ui.BuildDialog(None, tmp_path / "deck.pptx", [])
    qtbot.addWidget(dialog)
    assert dialog.report.isHidden()


def test_choosing_an_authority_template_shows_what_it_lacks_before_building(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.export import hostile_templates

    dialog = presentation_ui.BuildDialog(None, tmp_path / "deck.pptx", [])
    qtbot.addWidget(dialog)
    assert dialog.template_report.isHidden(), "peerdesk's own template needs nothing said"
    sparse = hostile_templates.make("no-subtitle-no-title-only", tmp_path)
    dialog.template.setText(str(sparse))
    dialog.theirs.setChecked(True)
    text = dialog.template_report.text()
    assert not dialog.template_report.isHidden()
    assert text.startswith("Your template:") and "no section header layout" in text
    dark = hostile_templates.make("dark", tmp_path)
    dialog.template.setText(str(dark))
    assert "hard to read" in dialog.template_report.text()
    fake = tmp_path / "fake.pptx"
    fake.write_text("not a presentation")
    dialog.template.setText(str(fake))
    assert dialog.template_report.text().startswith("⚠") and "not a PowerPoint" in dialog.template_report.text()
    marked = tmp_path / "<img src=x><b>branding.pptx"  # its name and its layouts' names are someone else's words
    marked.write_text("not a presentation")
    dialog.template.setText(str(marked))
    assert "<img src=x><b>branding.pptx cannot be used" in dialog.template_report.text()
    assert dialog.template_report.textFormat() == Qt.TextFormat.PlainText
    dialog.template.setText(str(tmp_path / ("x" * 300 + ".pptx")))  # typed, not a path any file can have
    assert dialog.template_report.isHidden()
    dialog.ours.setChecked(True)
    assert dialog.template_report.isHidden()


def test_flagged_quotes_are_decided_before_the_build_and_the_decision_is_undoable(
    qtbot: QtBot, session: ReviewSession, seeded: day2.Day2, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    flagged = seeded.quotes["workload"][0]
    with UnitOfWork(session.store) as uow:
        uow.update(uow.get(Quote, flagged), text="Ask Jordan Blake, she does every evening shift.")
        uow.add(GuardedName, name="Jordan Blake")
        uow.commit()

    def decide(dialog: presentation_ui.FlaggedQuotesDialog) -> int:
        assert list(dialog.choices) == [flagged] and not dialog.ok.isEnabled()
        combo = dialog.choices[flagged]
        combo.setCurrentIndex(combo.findData(presentation_ui.LEAVE_OUT))
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(presentation_ui.FlaggedQuotesDialog, "exec", decide)
    parent = InsightsPanel(session)
    qtbot.addWidget(parent)
    deck = presentation_ui.prepare_deck(parent, session)
    assert deck is not None and flagged not in deck.quote_ids
    with session.store.session() as s:
        quote = s.get(Quote, flagged)
        assert quote is not None and quote.guard_decision == "exclude"
    session.undo_stack.undo()
    with session.store.session() as s:
        quote = s.get(Quote, flagged)
        assert quote is not None and quote.guard_decision == ""


def test_build_presentation_runs_in_the_background_and_offers_the_folder(
    qtbot: QtBot, session: ReviewSession, seeded: day2.Day2, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.action_build_presentation in window.file_menu.actions()
    out = tmp_path / "built.pptx"

    def accept(dialog: presentation_ui.BuildDialog) -> int:
        dialog.out.setText(str(out))
        return QDialog.DialogCode.Accepted.value

    offered: list[Path] = []
    monkeypatch.setattr(presentation_ui.BuildDialog, "exec", accept)
    monkeypatch.setattr(presentation_ui, "offer_folder", lambda parent, path: offered.append(path))
    window.action_build_presentation.trigger()
    qtbot.waitUntil(lambda: offered == [out], timeout=30000)
    assert "Insight 1 of 3" in [s.title for s in slides(out)]


def test_the_suggested_file_name_is_safe() -> None:
    assert (
        presentation_ui.suggested_name("Westfold / County: Council") == "Westfold  County Council peer challenge.pptx"
    )
    assert presentation_ui.suggested_name("") == "Peer challenge peer challenge.pptx"
