"""Undo commands for the services that return an ``Edit`` (wall moves, grouping, tagging...).

The operation runs once, before the command is pushed, so a refusal (a ``PeerdeskError``) reaches the user as a
message and leaves nothing on the undo stack. Undo writes the recorded old values back; redo writes the new ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from peerdesk.services import edits
from peerdesk.services.changes import Changes
from peerdesk.services.edits import Edit
from peerdesk.store.engine import Store
from peerdesk.ui import messages
from peerdesk.ui.session import ReviewSession

log = logging.getLogger(__name__)


class EditCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, label: str, edit: Edit) -> None:
        super().__init__(label)
        self.session, self.edit = session, edit
        self._done = True  # the operation already ran; the first redo() (from push) must not run it again

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.session.apply(lambda s: edits.redo(s, self.edit))

    def undo(self) -> None:
        self.session.apply(lambda s: edits.undo(s, self.edit))


def run_edit(
    session: ReviewSession,
    label: str,
    operation: Callable[[Store], Edit],
    parent: QWidget | None = None,
) -> Edit | None:
    """Run ``operation`` now and push it on the undo stack; on refusal show why and return None."""
    done: list[Edit] = []

    def run(store: Store) -> Changes:
        done.append(operation(store))
        return done[0]

    try:
        session.apply(run)
    except Exception as exc:  # shown through the one message channel; a bug is logged there too
        messages.error(parent, label, exc)
        return None
    edit = done[0]
    if edit.tables:
        session.undo_stack.push(EditCommand(session, label, edit))
    return edit
