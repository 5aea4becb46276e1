"""What the workshop's steps share: the recorder that makes each edit one undo step, and a few small widgets.

Every step records through a ``Recorder``: an edit is run now and, if the service accepts it, pushed as one undo
step; a refused one (a goal already taken) is explained in a message and changes nothing. A new record keeps its
id through undo and redo, so a later step that names it still finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QListView, QWidget

from peerdesk.services.changes import Changes
from peerdesk.services.workshop_outcome import GoalRow, Outcome
from peerdesk.store.engine import Store
from peerdesk.ui.kit import dialogs, ops
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.models import TextListModel

# The panel's edit runner: (label, do, undo) -> whether it went through.
Edit = Callable[[str, Callable[[Store], Changes], Callable[[Store], Changes]], bool]
# A service call that sets one record's text: (store, record id, text) -> what changed.
SetText = Callable[[Store, str, str], Changes]
LONGEST_CHOICE = 90  # characters of an insight or goal shown in a chooser; the rest is "…"


class Recorder:
    """Runs the workshop's edits as undo steps on behalf of ``parent`` (where refusals are shown)."""

    def __init__(self, parent: QWidget, session: ReviewSession) -> None:
        self.parent, self.session = parent, session

    def edit(self, label: str, do: Callable[[Store], Changes], undo: Callable[[Store], Changes]) -> bool:
        """Run ``do`` now; if it is accepted, push it as an undo step whose undo is ``undo``."""
        return ops.run(self.parent, self.session, label, do, undo)

    def add(
        self,
        label: str,
        create: Callable[[Store, str | None], tuple[str, Changes]],
        remove: Callable[[Store, str], Changes],
    ) -> str:
        """Create a record as one undo step; redo recreates it with the same id. "" if it was refused."""
        record_id = ops.run_create(
            self.parent,
            self.session,
            label,
            None,
            lambda s: create(s, None),
            restore=lambda s, rid: create(s, rid)[1],
            remove=remove,
        )
        return record_id or ""

    def set_text(self, label: str, setter: SetText, record_id: str, new: str, rows: Iterable[Any]) -> bool:
        """Change the text of the record ``record_id`` among ``rows`` (shown now) to ``new``; undo puts it back."""
        old = next(_text(row) for row in rows if row.id == record_id)
        return self.edit(label, lambda s: setter(s, record_id, new), lambda s: setter(s, record_id, old))

    def remove(
        self, label: str, remove: Callable[[Store, str], Changes], restore: Callable[[Store, str], Changes], rid: str
    ) -> bool:
        """Remove one record; undo restores it (same id)."""
        return self.edit(label, lambda s: remove(s, rid), lambda s: restore(s, rid))


def _text(row: Any) -> str:
    """A shown record's text: a table's is its name."""
    return str(row.name if hasattr(row, "name") else row.text)


def goal_label(o: Outcome, goal: GoalRow) -> str:
    """A goal as its chooser shows it: the text, then the table that claimed it."""
    who = f"  — {o.table_name(goal.claimed_by)}" if goal.claimed_by else ""
    return f"{goal.text}{who}"


def fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a combo's items, keeping the chosen one when it is still there."""
    items = [(text if len(text) <= LONGEST_CHOICE else text[: LONGEST_CHOICE - 1] + "…", data) for text, data in items]
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == items:
        return
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        at = combo.findData(chosen)
        combo.setCurrentIndex(at if at >= 0 else 0)
    combo.currentIndexChanged.emit(combo.currentIndex())


def needs_choice(combo: QComboBox, entry: QLineEdit, prompt: str, first: str) -> None:
    """``entry``, whose words go to what ``combo`` chooses, is open only while there is something to choose: typed
    with nothing to choose, Enter did nothing. Its placeholder says what to do: ``prompt``, else ``first``."""
    ready = combo.count() > 0
    combo.setEnabled(ready)
    entry.setEnabled(ready)
    entry.setPlaceholderText(prompt if ready else first)


def section(text: str) -> QLabel:
    """A step's sub-heading."""
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def hint(text: str) -> QLabel:
    """A quiet line of help that wraps (two lines on a laptop rather than a wider tab)."""
    label = QLabel(text)
    label.setObjectName("hintText")
    label.setWordWrap(True)
    return label


def list_view(model: TextListModel, name: str) -> QListView:
    """A list of short texts, each edited in place with a double-click or F2."""
    view = dialogs.list_view(name, model)  # wrapped like every list of ours
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    return view
