"""A colleague's name reaches the Team and Conflicts dialogs and the import summary escaped, never raw."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.exchange import transfer
from peerdesk.store.models import Member
from peerdesk.store.uow import UnitOfWork
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.team.dialog import TeamDialog
from tests.helpers.exchange import Team

EVIL = "Alex\x1b[2J\u202eLead\x00\n" + "x" * 150


def test_a_hostile_name_is_shown_escaped_in_the_summary_and_the_team_dialog(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    with UnitOfWork(lead) as uow:  # the lead's own name, as the roster carries it to everyone
        uow.update(uow.get(Member, lead.member_id), name=EVIL)
        uow.commit()
    transfer.import_bundle(sam, transfer.export_bundle(lead).data)  # brings the new name
    from peerdesk.services import records

    records.create(lead, "quotes", text="Signed by a strange name")
    summary = transfer.import_bundle(sam, transfer.export_bundle(lead).data).summary
    assert summary.startswith("Alex\\x1b[2J\\u202eLead\\x00\\x0a") and "\x1b" not in summary and len(summary) < 200

    dialog = TeamDialog(ReviewSession(sam))
    qtbot.addWidget(dialog)
    names = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    shown = next(n for n in names if n.startswith("Alex"))
    assert "\x1b" not in shown and "\u202e" not in shown and "\n" not in shown and len(shown) < 100
