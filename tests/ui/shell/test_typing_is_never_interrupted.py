"""What the app has to say while someone types in the note taker never takes the keyboard: a bundle handed over by
the desktop, the retention offer on opening, a bug caught by the hook and a notice that only informs are said in
the window (its notice bar or status bar), and every keystroke lands in the notes. The window's notice waits
behind the lock screen."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.exchange import transfer
from peerdesk.services import records, retention
from peerdesk.services import review as review_service
from peerdesk.ui.kit import messages
from peerdesk.ui.shell.app import Controller
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.helpers.exchange import Team
from tests.helpers.modals import no_box_may_open
from tests.helpers.timetable import build_day


@pytest.fixture
def crew(duo: Team) -> Team:
    """Alex the lead and Sam, on real files."""
    return duo


def typing_in_notes(qtbot: QtBot, controller: Controller, crew: Team, member: int = 1) -> MainWindow:
    """A member's window (Sam's unless said) with their notes of the first interview open, typing in the editor."""
    day = build_day(crew.stores[member])
    window = controller.open_window(crew.stores[member])
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_interview(day.interviews[0])
    notes_panel = window.notes_panel
    assert notes_panel is not None
    qtbot.waitUntil(notes_panel.editor.hasFocus)
    return window


def typed(window: MainWindow) -> str:
    assert window.notes_panel is not None
    return window.notes_panel.editor.toPlainText()


def keys(qtbot: QtBot, window: MainWindow, text: str) -> None:
    assert window.notes_panel is not None
    qtbot.keyClicks(window.notes_panel.editor, text)


def assert_still_typing(window: MainWindow) -> None:
    assert window.notes_panel is not None
    assert QApplication.activeModalWidget() is None
    assert QApplication.focusWidget() is window.notes_panel.editor


def test_a_bundle_handed_over_while_typing_is_offered_inline_and_imported_from_the_bar(
    qtbot: QtBot, controller: Controller, crew: Team
) -> None:
    window = typing_in_notes(qtbot, controller, crew)
    records.create(crew.stores[0], "quotes", text="We feel listened to")
    bundle = crew.folder / "from-alex.pdbundle"
    bundle.write_bytes(transfer.export_bundle(crew.stores[0]).data)
    with no_box_may_open() as boxes:
        keys(qtbot, window, "Carers feel ")
        controller.open_files([bundle])  # the user double-clicked it in the mail client
        keys(qtbot, window, "valued.")
    assert boxes == [] and typed(window) == "Carers feel valued."
    assert_still_typing(window)
    assert "from-alex.pdbundle" in window.notices.text()
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.notices.button("Import").click()
    qtbot.waitUntil(window.exchange.changes_button.isVisible, timeout=5000)
    assert "We feel listened to" in [r["text"] for r in records.rows(crew.stores[1], "quotes", ["text"])]
    assert window.notices.isHidden()


def test_the_retention_offer_on_opening_waits_in_the_bar_while_the_user_types(
    qtbot: QtBot, controller: Controller, crew: Team
) -> None:
    window = typing_in_notes(qtbot, controller, crew, member=0)  # the lead's: only the lead sets the date
    review_service.update_review(crew.stores[0], retention_date="2026-01-01")
    with no_box_may_open() as boxes:
        keys(qtbot, window, "The front door ")
        window.safety.on_opened()
        keys(qtbot, window, "is confusing.")
    assert boxes == [] and typed(window) == "The front door is confusing."
    assert_still_typing(window)
    assert window.notices.kind == "warning" and "delete them now" in window.notices.text()
    assert not retention.status(crew.stores[0]).purged_on  # nothing happens until the user chooses


def test_a_bug_caught_while_typing_is_said_in_the_bar(
    qtbot: QtBot, controller: Controller, crew: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    messages.install_excepthook()
    window = typing_in_notes(qtbot, controller, crew)
    with no_box_may_open() as boxes:
        keys(qtbot, window, "Respite ")
        try:
            raise KeyError("a bug in a slot")
        except KeyError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        qtbot.waitUntil(window.notices.isVisible, timeout=5000)
        keys(qtbot, window, "is hard to find.")
    assert boxes == [] and typed(window) == "Respite is hard to find."
    assert_still_typing(window)
    assert "did not expect" in window.notices.text() and "a bug in a slot" not in window.notices.text()


def test_a_notice_that_only_informs_goes_to_the_status_bar(qtbot: QtBot, controller: Controller, crew: Team) -> None:
    window = typing_in_notes(qtbot, controller, crew)
    with no_box_may_open() as boxes:
        keys(qtbot, window, "Ideas ")
        messages.info(window.notes_panel, "My next interview", "You have no more interviews on the timetable.")
        keys(qtbot, window, "flow.")
    assert boxes == [] and typed(window) == "Ideas flow."
    assert_still_typing(window)
    assert window.statusBar().currentMessage() == "My next interview: You have no more interviews on the timetable."


def test_a_notice_waits_behind_the_lock_and_comes_back_with_the_review(main_window: MainWindow) -> None:
    window = main_window
    window.notices.show_notice("Import changes-from-alex.pdbundle into Westfold County Council?")
    window.lock()
    assert window.notices.isHidden()  # nothing of the review beside the lock screen
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert window.notices.isVisible() and "changes-from-alex" in window.notices.text()
    window.notices.dismiss()
    window.lock()
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert window.notices.isHidden()
