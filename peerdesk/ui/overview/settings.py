"""Review settings on the Overview's planning form: the smallest stakeholder group a quote may come from untraced.

A quote from a group with fewer attendees than this is *traceable* (services/identifiability.py): the tagger marks
it and the presentation asks keep or leave out. The value is shared with the team like a planning answer and each
change is an undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QSpinBox, QWidget

from peerdesk.services import identifiability
from peerdesk.store import rules
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.session import ReviewSession

LABEL = "Quotes need a group of at least"


class TraceableSetting(QSpinBox):
    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("setting-traceable-below")
        self.setAccessibleName("Smallest stakeholder group a quote may come from without being flagged")
        rule = rules.SETTINGS[identifiability.SETTING_KEY]
        self.setRange(int(rule.low or 1), int(rule.high or 50))
        self.setSuffix(" people")
        self.setToolTip(
            "A quote from a stakeholder group with fewer attendees than this could point at who said it: the "
            "quote tagger marks it ⚠ traceable, and the presentation asks whether to keep it or leave it out."
        )
        self.setKeyboardTracking(False)  # one undo step per value settled on, not per digit typed
        self.refresh()
        self.valueChanged.connect(self._save)

    def refresh(self) -> None:
        with QSignalBlocker(self):
            self.setValue(identifiability.threshold(self.session.store))

    def _save(self, value: int) -> None:
        old = identifiability.threshold(self.session.store)
        if value == old:
            return
        ops.run(
            self,
            self.session,
            "Change the smallest group a quote may come from",
            lambda s: identifiability.set_threshold(s, value),
            lambda s: identifiability.set_threshold(s, old),
        )
