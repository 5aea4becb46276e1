"""Files handed to the app by the desktop, and the app's face: its icon on every window and in the About box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.ui.about import about_box, versions
from peerdesk.ui.app import Controller, make_app
from peerdesk.ui.dialogs import PassphraseDialog
from peerdesk.ui.icons import ICON_SIZES, app_icon


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


def close_all(qtbot: QtBot, controller: Controller) -> None:
    for window in list(controller.windows):
        window.close()
    qtbot.waitUntil(lambda: not controller.windows)
    controller.start.close()


def test_a_review_given_on_the_command_line_asks_its_passphrase_then_opens(
    qtbot: QtBot, demo_copy: Path, passphrase: str
) -> None:
    controller = Controller(make_app())
    qtbot.addWidget(controller.start)
    answer_passphrase(passphrase)
    controller.open_files([demo_copy])
    qtbot.waitUntil(lambda: bool(controller.windows), timeout=20000)
    window = controller.windows[0]
    assert "Eastmere" in window.windowTitle()
    assert window.session.store.path == demo_copy
    close_all(qtbot, controller)


def test_a_bundle_shows_the_start_screen_and_says_how_to_import_it(qtbot: QtBot, tmp_path: Path) -> None:
    bundle = tmp_path / "changes-from-sam.pdbundle"
    bundle.write_bytes(b"not opened here")
    controller = Controller(make_app())
    qtbot.addWidget(controller.start)
    controller.open_files([bundle])
    assert controller.start.isVisible()
    assert controller.notice is not None and controller.notice.isVisible()
    assert "changes-from-sam.pdbundle" in controller.notice.text()
    assert "import" in controller.notice.text()
    assert bundle.read_bytes() == b"not opened here"
    controller.notice.close()
    controller.start.close()


def test_a_file_opened_from_the_macos_finder_arrives_as_an_event_and_is_opened(qtbot: QtBot, tmp_path: Path) -> None:
    bundle = tmp_path / "from-finder.pdbundle"
    bundle.write_bytes(b"x")
    app = make_app()
    controller = Controller(app)
    qtbot.addWidget(controller.start)
    QApplication.sendEvent(app, QFileOpenEvent(str(bundle)))
    qtbot.waitUntil(lambda: controller.notice is not None and controller.notice.isVisible())
    assert controller.notice is not None and "from-finder.pdbundle" in controller.notice.text()
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
