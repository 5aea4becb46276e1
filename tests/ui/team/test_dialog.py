"""Team ▸ the team dialog: members with role, fingerprint and state; cards read before they are added."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import team
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.team.dialog import AddCardDialog, TeamDialog, TeamModel
from tests.helpers.exchange import Team


def test_the_model_lists_each_member_with_role_fingerprint_and_state(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    model = TeamModel(ReviewSession(lead))
    assert model.rowCount() == 2 and model.columnCount() == 4
    row = next(r for r in range(2) if model.rows[r].id == sam.member_id)
    assert model.data(model.index(row, 0)) == "Sam Okafor"
    assert model.data(model.index(row, 2)) == team.my_card(sam)[0].fingerprint
    assert model.data(model.index(row, 3)) == "verified"


def test_a_pasted_card_shows_its_fingerprint_and_only_a_card_can_be_added(qtbot: QtBot, duo: Team) -> None:
    _, sam = duo.stores
    dialog = AddCardDialog()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("not a card")
    assert dialog.card is None and not dialog.add_button.isEnabled() and dialog.verdict.text()
    card, text = team.my_card(sam)
    dialog.text.setPlainText(text)
    assert dialog.card == card and dialog.add_button.isEnabled() and card.fingerprint in dialog.verdict.text()


def test_removing_a_member_is_one_undo_step(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    row = next(r for r in range(2) if dialog.model.rows[r].id == sam.member_id)
    dialog.view.selectRow(row)
    assert dialog.remove_button.isEnabled() and not dialog.verify_button.isEnabled()
    dialog.remove_selected(confirmed=True)
    assert next(m for m in team.members(lead) if m.id == sam.member_id).removed
    session.undo_stack.undo()
    assert not next(m for m in team.members(lead) if m.id == sam.member_id).removed


def test_my_own_row_can_be_neither_verified_nor_removed(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    assert dialog.selected() is not None and dialog.selected().is_me  # type: ignore[union-attr]
    assert not dialog.remove_button.isEnabled() and not dialog.verify_button.isEnabled()


def test_verifying_a_member_is_one_undo_step(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    team.unverify(lead, sam.member_id)
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(next(r for r in range(2) if dialog.model.rows[r].id == sam.member_id))
    dialog.verify_selected(confirmed=True)
    assert next(m for m in team.members(lead) if m.id == sam.member_id).verified
    assert session.undo_stack.undoText() == "Verify Sam Okafor"
    session.undo_stack.undo()
    assert not next(m for m in team.members(lead) if m.id == sam.member_id).verified
