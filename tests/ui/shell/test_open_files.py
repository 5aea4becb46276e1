"""Files handed to the app by the desktop, and the app's face: its icon on every window and in the About box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.exchange import transfer
from peerdesk.services import records
from peerdesk.ui.kit.icons import ICON_SIZES, app_icon
from peerdesk.ui.kit.worker import Task
from peerdesk.ui.shell.about import about_box, versions
from peerdesk.ui.shell.app import Controller, make_app
from peerdesk.ui.shell.dialogs import PassphraseDialog
from tests.helpers.exchange import Team


def answer_passphrase(passphrase: str) -> None:
    """Types the passphrase into the dialog the app is about to show (it blocks in exec())."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.edit.setText(passphrase)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_a_review_given_on_the_command_line_asks_its_passphrase_then_opens(
    qtbot: QtBot, controller: Controller, demo_copy: Path, passphrase: str
) -> None:
    answer_passphrase(passphrase)
    controller.open_files([demo_copy])
    qtbot.waitUntil(lambda: bool(controller.windows), timeout=20000)
    window = controller.windows[0]
    assert "Eastmere" in window.windowTitle()
    assert window.session.store.path == demo_copy


def bundle_from_the_lead(trio: Team) -> Path:
    lead = trio.stores[0]
    for text in ("We feel listened to", "The front door is confusing"):
        records.create(lead, "quotes", text=text)
    path = trio.folder / "changes-from-alex.pdbundle"
    path.write_bytes(transfer.export_bundle(lead).data)
    return path


def import_offer(controller: Controller) -> str:
    """The offer's sentence, in the window's notice bar: no box takes the keyboard from what is being typed."""
    bar = controller.windows[-1].notices
    assert bar.isVisible() and bar.text().startswith("Import ") and QApplication.activeModalWidget() is None
    return bar.text()


def click(controller: Controller, label: str) -> None:
    controller.windows[-1].notices.button(label).click()


def test_a_bundle_before_any_review_is_open_shows_the_start_screen_then_offers_to_import(
    qtbot: QtBot, controller: Controller, trio: Team
) -> None:
    bundle = bundle_from_the_lead(trio)
    controller.open_files([bundle])
    assert controller.start.isVisible()
    notice = controller.notice
    assert isinstance(notice, QMessageBox) and notice.objectName() == "bundleNotice" and notice.isVisible()
    assert "changes-from-alex.pdbundle" in notice.text() and "offer to import" in notice.text()
    notice.close()

    window = controller.open_window(trio.stores[1])  # Sam opens his own copy of the review
    offer = import_offer(controller)
    assert "changes-from-alex.pdbundle" in offer and "Westfold County Council" in offer
    with qtbot.waitSignal(window.session.changed, timeout=10000) as blocker:
        click(controller, "Import")
    assert "quotes" in blocker.args[0]
    qtbot.waitUntil(window.exchange.changes_button.isVisible, timeout=5000)
    assert window.statusBar().currentMessage() == "Imported from Alex Lead: 2 new quotes"


def test_a_bundle_while_a_review_is_open_is_offered_to_that_review_and_not_now_changes_nothing(
    qtbot: QtBot, controller: Controller, trio: Team
) -> None:
    bundle = bundle_from_the_lead(trio)
    window = controller.open_window(trio.stores[1])
    before = records.rows(trio.stores[1], "quotes", ["text"])
    controller.open_files([bundle])
    assert import_offer(controller)
    # One way to say no: "Not now" beside a "Dismiss" that did the same left the user wondering which to press.
    assert [b.text().replace("&", "") for b in window.notices.buttons] == ["Import", "Not now"]
    click(controller, "Not now")
    # An import would run in the background as a Task the application owns until it ends: none was started.
    assert not [task for task in controller.app.children() if isinstance(task, Task)]
    assert records.rows(trio.stores[1], "quotes", ["text"]) == before
    assert controller.pending_bundle is None
    assert window.exchange.last_dialog is None


def test_a_file_opened_from_the_macos_finder_arrives_as_an_event_and_is_opened(qtbot: QtBot, tmp_path: Path) -> None:
    bundle = tmp_path / "from-finder.pdbundle"
    bundle.write_bytes(b"x")
    app = make_app()
    controller = Controller(app)
    qtbot.addWidget(controller.start)
    QApplication.sendEvent(app, QFileOpenEvent(str(bundle)))
    qtbot.waitUntil(lambda: controller.notice is not None and controller.notice.isVisible())
    assert controller.notice is not None and "from-finder.pdbundle" in controller.notice.text()
    assert controller.pending_bundle == bundle
    controller.notice.close()
    controller.start.close()


def test_the_app_icon_has_every_size_and_is_the_windows_icon(qtbot: QtBot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    app = make_app()
    assert app.windowIcon().availableSizes() == icon.availableSizes()


def test_the_about_box_shows_the_icon_and_the_versions_that_matter(qtbot: QtBot) -> None:
    box = about_box()
    qtbot.addWidget(box)
    assert not box.iconPixmap().isNull()
    assert box.iconPixmap().size().boundedTo(QSize(96, 96)) == box.iconPixmap().size()
    found = versions()
    for name in ("Qt", "SQLCipher", "cryptography", "peerdesk"):
        assert found[name], name
        assert f">{name}<" in box.text() and f">{found[name]}<" in box.text()
    assert "community" in found["SQLCipher"] or found["SQLCipher"][0].isdigit()
