"""Edit ▸ Preferences…: auto-lock and backup settings, and what the window does with them."""

from __future__ import annotations

from typing import Any

from peerdesk.ui.safety import preferences
from peerdesk.ui.shell.main_window import MainWindow


def test_auto_lock_defaults_to_ten_minutes_and_preferences_change_it(qtbot: Any, window: MainWindow) -> None:
    assert preferences.auto_lock_minutes() == 10
    assert window.safety.idle.timeout_ms == 10 * 60_000
    dialog = preferences.PreferencesDialog(window)
    qtbot.addWidget(dialog)
    dialog.spins[preferences.AUTO_LOCK.key].setValue(3)
    dialog.spins[preferences.BACKUPS_KEEP.key].setValue(12)
    dialog.hourly.setChecked(False)
    dialog.accept()
    window.safety.apply_preferences()
    assert preferences.auto_lock_minutes() == 3 and window.safety.idle.timeout_ms == 3 * 60_000
    assert preferences.backups_keep() == 12 and not preferences.hourly_backups()
    dialog.spins[preferences.AUTO_LOCK.key].setValue(0)
    dialog.accept()
    window.safety.apply_preferences()
    assert not window.safety.idle.timer.isActive()  # 0 means never
