"""Buttons that act on what is picked in a list or table: greyed out while nothing is.

"Remove", "Up", "Claim goal"… pressed with nothing picked did nothing at all, which reads as a broken button. Greyed
out, each says in its tooltip what to do first (Qt shows a greyed-out button's tooltip too).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView

PICK_FIRST = "Pick one in the list first"


class ActsOnPicked(QObject):
    """Keeps ``buttons`` enabled only while something is picked in any of ``views``."""

    def __init__(
        self, buttons: Sequence[QAbstractButton], views: Sequence[QAbstractItemView], hint: str = PICK_FIRST
    ) -> None:
        super().__init__(buttons[0])  # lives as long as the buttons do
        self.buttons = list(buttons)
        self.views = list(views)
        self.hint = hint
        self.tips = [button.toolTip() for button in self.buttons]  # their own, shown again once enabled
        for view in self.views:
            self.follow(view)

    def follow(self, view: QAbstractItemView) -> None:
        """Watch what is picked in ``view``: again after the view is given another model (and so another
        selection model)."""
        selection = view.selectionModel()
        if selection is not None:
            selection.selectionChanged.connect(self.update)
            model = selection.model()
            if model is not None:
                # A reset or a removal drops what was picked without always saying so through the selection.
                model.modelReset.connect(self.update)
                model.rowsRemoved.connect(self.update)
        self.update()

    def picked(self) -> bool:
        return any(view.selectionModel() is not None and view.selectionModel().hasSelection() for view in self.views)

    def update(self) -> None:
        picked = self.picked()
        for button, tip in zip(self.buttons, self.tips, strict=True):
            button.setEnabled(picked)
            button.setToolTip(tip if picked else "\n".join(t for t in (tip, self.hint) if t))
