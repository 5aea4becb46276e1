"""Files dropped on peerdesk's windows open as on a double-click: reviews and bundles only, local files only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk import OPENABLE_SUFFIXES
from peerdesk.ui.shell import app as shell
from peerdesk.ui.shell.drops import REVIEW_SUFFIX, openable_in
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.shell.start import StartScreen


def mime_of(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def local(path: Path) -> QUrl:
    return QUrl.fromLocalFile(str(path))


# Labelled vectors: what a drag may hold, and the files peerdesk takes from it.
DRAGGED = {
    "a review": (["eastmere.peerdesk"], ["eastmere.peerdesk"]),
    "a bundle named in capitals (Windows)": (["FROM-JO.PDBUNDLE"], ["FROM-JO.PDBUNDLE"]),
    "a review and a bundle, in their order": (["b.pdbundle", "a.peerdesk"], ["b.pdbundle", "a.peerdesk"]),
    "a document": (["notes.docx"], []),
    "a file with no suffix": (["peerdesk"], []),
    "a review among other files": (["x.txt", "a.peerdesk", "y.pdf"], ["a.peerdesk"]),
}


@pytest.mark.parametrize(("names", "taken"), DRAGGED.values(), ids=DRAGGED.keys())
def test_only_local_reviews_and_bundles_are_taken_from_a_drag(names: list[str], taken: list[str]) -> None:
    folder = Path("/reviews")
    found = openable_in(mime_of(*(local(folder / n) for n in names)))
    assert found == [folder / n for n in taken]


def test_a_link_or_text_is_not_a_file_to_open() -> None:
    assert openable_in(mime_of(QUrl("https://example.org/eastmere.peerdesk"))) == []
    text = QMimeData()
    text.setText("/reviews/eastmere.peerdesk")
    assert openable_in(text) == [] and openable_in(None) == []


def test_a_main_window_takes_review_files_as_peerdesk_opens_them() -> None:
    assert REVIEW_SUFFIX in OPENABLE_SUFFIXES


def drag_onto(widget: QWidget, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``widget`` as the desktop does: whether it was taken."""
    drag = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    try:  # Qt 6.12 adds a QPointF constructor and deprecates the QPoint one, the only one before 6.12
        enter = QDragEnterEvent(QPointF(20, 20), *drag)
    except TypeError:
        enter = QDragEnterEvent(QPoint(20, 20), *drag)
    QApplication.sendEvent(widget, enter)
    return enter.isAccepted()


def drop_onto(widget: QWidget, mime: QMimeData) -> bool:
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_a_review_or_bundle_dropped_on_the_start_screen_is_opened_after_the_drop(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[list[Path]] = []
    monkeypatch.setattr(shell.Controller, "open_files", lambda _self, paths: opened.append(paths))
    controller = shell.Controller(shell.make_app())
    screen = controller.start
    qtbot.addWidget(screen)
    review, bundle = tmp_path / "eastmere.peerdesk", tmp_path / "from-jo.pdbundle"
    assert not drag_onto(screen, mime_of(local(tmp_path / "notes.docx")))  # refused: the pointer says so
    mime = mime_of(local(review), local(bundle))
    assert drag_onto(screen, mime)
    assert drop_onto(screen, mime)
    assert opened == []  # not inside the drop: opening asks for a passphrase, which would hold the mail program
    qtbot.waitUntil(lambda: opened == [[review, bundle]])


def test_a_review_dropped_on_a_review_window_is_opened_and_a_document_is_refused(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "westfold.peerdesk"
    assert not drag_onto(main_window, mime_of(local(tmp_path / "minutes.docx")))
    assert drag_onto(main_window, mime_of(local(other)))
    with qtbot.waitSignal(main_window.request_open_path, timeout=5000) as asked:
        assert drop_onto(main_window, mime_of(local(other)))
    assert asked.args == [other]


def test_the_start_screen_says_it_takes_drops(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.acceptDrops()
