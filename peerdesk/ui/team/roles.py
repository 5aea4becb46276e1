"""Team ▸ Change role…: the lead gives a member another role, as one undo step (a card brings only the role chosen
when joining, and nothing else in the app changed it)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from peerdesk.exchange.display import clip
from peerdesk.services import team
from peerdesk.services.changes import Changes
from peerdesk.services.review import ROLE_LABELS, ROLES
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.session import ReviewSession


def choices(current: str) -> list[str]:
    """The roles offered for a member: all but the lead's, which stays the lead's (a member who joined with it
    keeps it on offer, so that leaving it as it is stays a choice)."""
    return [r for r in ROLES if r != "lead" or current == "lead"]


def change_role(parent: QWidget, session: ReviewSession, member: team.TeamMember) -> str:
    """Ask which role ``member`` takes and apply it as one undo step; the new role's label, or "" when nothing
    changed (cancelled, the same role, or refused: said in a box)."""
    roles = choices(member.role)
    labels = [ROLE_LABELS.get(r, r) for r in roles]
    at = roles.index(member.role) if member.role in roles else 0
    name = clip(member.name)
    # The name in the title, not the label: a dialog's label draws a name with markup in it as HTML (kit/plain.py).
    picked, ok = QInputDialog.getItem(parent, f"Change the role of {name}", "Role on this review:", labels, at, False)
    if not ok or picked not in labels:
        return ""
    role, previous = roles[labels.index(picked)], member.role
    if role == previous:
        return ""

    def do(store: Store) -> Changes:
        return team.set_role(store, member.id, role)

    def undo(store: Store) -> Changes:
        return team.set_role(store, member.id, previous)

    return picked if ops.run(parent, session, f"Change the role of {name}", do, undo) else ""
