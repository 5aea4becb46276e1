"""Safety preferences (auto-lock, backups) in QSettings, and the small dialog that edits them.

Each preference is declared once, with its type, default and description; the dialog is built from them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.widgets import ok_cancel


@dataclass(frozen=True)
class Preference:
    key: str
    label: str
    default: int
    minimum: int
    maximum: int
    suffix: str
    description: str


AUTO_LOCK = Preference(
    "safety/auto_lock_minutes", "Lock after", 10, 0, 240, " min idle",
    "Hide the review after this long without a key press or mouse movement (0: never).",
)  # fmt: skip
BACKUPS_KEEP = Preference(
    "safety/backups_keep", "Backups to keep", 24, 1, 500, "",
    "How many routine backups of each review to keep beside it; older ones are removed.",
)  # fmt: skip
HOURLY_BACKUPS = "safety/hourly_backups"


def get_int(pref: Preference) -> int:
    raw: object = ui_settings.settings().value(pref.key, pref.default)
    try:
        value = int(str(raw))
    except (TypeError, ValueError):
        return pref.default
    return min(max(value, pref.minimum), pref.maximum)


def set_int(pref: Preference, value: int) -> None:
    ui_settings.settings().setValue(pref.key, int(value))


def auto_lock_minutes() -> int:
    return get_int(AUTO_LOCK)


def backups_keep() -> int:
    return get_int(BACKUPS_KEEP)


def hourly_backups() -> bool:
    raw = ui_settings.settings().value(HOURLY_BACKUPS, True)
    return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for pref in (AUTO_LOCK, BACKUPS_KEEP):
            spin = QSpinBox()
            spin.setRange(pref.minimum, pref.maximum)
            spin.setSuffix(pref.suffix)
            spin.setValue(get_int(pref))
            spin.setToolTip(pref.description)
            spin.setAccessibleName(pref.label)
            spin.setObjectName(pref.key.replace("/", "-"))
            self.spins[pref.key] = spin
            form.addRow(pref.label, spin)
        self.spins[AUTO_LOCK.key].setSpecialValueText("Never")
        self.hourly = QCheckBox("Back up every hour on visit days")
        self.hourly.setChecked(hourly_backups())
        form.addRow("", self.hourly)
        layout.addLayout(form)
        hint = QLabel("Locking hides the review until its passphrase is entered; nothing being typed is lost.")
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(ok_cancel(self))
        self.setMinimumWidth(420)

    def accept(self) -> None:
        for pref in (AUTO_LOCK, BACKUPS_KEEP):
            set_int(pref, self.spins[pref.key].value())
        ui_settings.settings().setValue(HOURLY_BACKUPS, self.hourly.isChecked())
        super().accept()
