"""Team ▸ Change role…: the lead picks a member's new role in a list, one undo step; the lead's own stays Lead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QInputDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import team
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.team.dialog import TeamDialog
from peerdesk.ui.team.roles import choices
from tests.helpers.exchange import Team, send
from tests.helpers.walk import Walk


def _role(dialog: TeamDialog, name: str) -> str:
    return next(p.role for p in dialog.model.rows if p.name == name)


def _pick(dialog: TeamDialog, name: str) -> None:
    dialog.view.selectRow(next(i for i, p in enumerate(dialog.model.rows) if p.name == name))


def test_the_roles_offered_leave_out_the_leads_unless_the_member_has_it() -> None:
    assert choices("reviewer") == ["reviewer", "observer", "host-officer"]
    assert choices("lead")[0] == "lead"


def test_the_lead_changes_a_members_role_from_the_list_and_undoes_it(qtbot: QtBot, duo: Team) -> None:
    # Asked for after the team's walk: a role came only from the member's card, chosen when joining.
    lead, sam = duo.stores
    session = ReviewSession(lead)
    dialog = TeamDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    _pick(dialog, "Alex Lead")
    assert dialog.role_button.isVisible() and not dialog.role_button.isEnabled()  # the lead's stays Lead
    _pick(dialog, "Sam Okafor")
    assert dialog.role_button.isEnabled()
    offered: list[str] = []

    def answer(box: QInputDialog) -> None:
        combo = box.findChild(QComboBox)
        assert combo is not None
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        assert combo.currentText() == "Reviewer"  # it starts on the role the member has
        QTest.keyClick(combo, Qt.Key.Key_Down)
        QTest.keyClick(box, Qt.Key.Key_Return)

    walk = Walk(qtbot)
    walk.when_modal(QInputDialog, answer)
    walk.click(dialog.role_button, "Change role…")
    walk.check()
    assert offered == ["Reviewer", "Observer", "Host officer"]
    assert _role(dialog, "Sam Okafor") == "observer"
    assert dialog.status.text().startswith("Sam Okafor is now Observer here. Export a bundle")
    assert session.undo_stack.undoText() == "Change the role of Sam Okafor"
    session.undo_stack.undo()
    assert _role(dialog, "Sam Okafor") == "reviewer"
    session.undo_stack.redo()
    send(lead, sam)  # the lead's next bundle brings it to Sam's own file
    assert next(p.role for p in team.members(sam) if p.is_me) == "observer"


def test_a_member_is_not_offered_to_change_roles(qtbot: QtBot, duo: Team) -> None:
    dialog = TeamDialog(ReviewSession(duo.stores[1]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.role_button.isVisible()
