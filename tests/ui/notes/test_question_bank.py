"""The review's question sets, one per approach and wording, edited in a dialog: each change an undo step."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import questions
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.question_bank import QuestionBankDialog


def test_the_dialog_opens_on_the_approach_asked_for_and_the_staff_wording(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = QuestionBankDialog(session, "ethnographic")
    qtbot.addWidget(dialog)
    assert (dialog.current_approach(), dialog.current_audience()) == ("ethnographic", "staff")
    assert dialog.model is not None
    assert dialog.model.rowCount() == len(questions.bank(session.store, "staff")["ethnographic"])


def test_a_question_is_added_to_the_set_shown_and_undo_takes_it_away(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = QuestionBankDialog(session, "appreciative")
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount() if dialog.model else 0
    assert dialog.add("What are you proud of?")
    assert questions.bank(session.store, "staff")["appreciative"][-1].text == "What are you proud of?"
    assert dialog.model is not None and dialog.model.rowCount() == before + 1
    session.undo_stack.undo()
    assert dialog.model.rowCount() == before


def test_removing_the_selected_question(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = QuestionBankDialog(session, "appreciative")
    qtbot.addWidget(dialog)
    assert dialog.model is not None
    first = dialog.model.record_id(0)
    dialog.view.selectRow(0)
    dialog.remove_selected()
    assert first not in {q.id for q in questions.bank(session.store, "staff")["appreciative"]}


def test_the_team_edits_the_question_sets_with_undo(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = QuestionBankDialog(session, "appreciative")
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model is not None and model.rowCount() == len(questions.DEFAULT_SETS["appreciative"])
    dialog.add("What makes this a good place to work?")
    assert questions.bank(session.store, "staff")["appreciative"][-1].text == "What makes this a good place to work?"
    model = dialog.model
    assert model is not None
    model.setData(model.index(0, 0), "Tell us about the service at its best.")
    assert questions.bank(session.store, "staff")["appreciative"][0].text == "Tell us about the service at its best."
    session.undo_stack.undo()
    session.undo_stack.undo()
    sets = questions.bank(session.store, "staff")["appreciative"]
    assert [q.text for q in sets] == list(questions.DEFAULT_SETS["appreciative"])
