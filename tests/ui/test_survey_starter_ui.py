"""The Survey tab's "Add the starter items": one undo step, redo brings back the same items."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.cli.app import main
from peerdesk.services import survey, survey_starter
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.survey import SurveyPanel


def button(panel: SurveyPanel, text: str) -> QPushButton:
    return next(b for b in panel.findChildren(QPushButton) if b.text() == text)


def test_the_button_adds_the_set_as_one_undo_step(qtbot: QtBot, session: ReviewSession, shown: list[str]) -> None:
    panel = SurveyPanel(session)
    qtbot.addWidget(panel)
    button(panel, "Add the starter items").click()
    count = len(survey_starter.starter_pairs())
    assert panel.items_model.rowCount() == count
    ids = [i.id for i in survey.items(session.store)]
    session.undo_stack.undo()
    assert panel.items_model.rowCount() == 0
    session.undo_stack.redo()
    assert [i.id for i in survey.items(session.store)] == ids
    button(panel, "Add the starter items").click()
    assert shown == ["Add the starter items: The survey already holds every starter item."]
    assert session.undo_stack.count() == 1


def test_the_command_line_adds_them_too(
    store: Store, passphrase: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    monkeypatch.setenv("PEERDESK_PASSPHRASE", passphrase)
    assert main(["survey", "starter", str(store.path)]) == 0
    assert capsys.readouterr().out.strip() == f"Added {len(survey_starter.starter_pairs())} starter survey items"
    assert main(["survey", "starter", str(store.path)]) == 2
