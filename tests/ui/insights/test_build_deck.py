"""The Build dialog shows the pre-flight report before anything is built."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from peerdesk.export import presentation
from peerdesk.ui.insights import build_deck as presentation_ui
from peerdesk.ui.kit.session import ReviewSession
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
    dialog.ours.setChecked(True)
    assert dialog.template_report.isHidden()
