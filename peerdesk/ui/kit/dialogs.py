"""The frame every dialog of ours starts from, the table view the lists in them use, and their Close row.

Each dialog sets a title, an object name (for the stylesheet and tests), a size and an introductory sentence;
each table selects whole rows, hides the row numbers and sizes its columns. Written once here, they read alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListView,
    QProgressDialog,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.ui.kit.session import ReviewSession

STRETCH = QHeaderView.ResizeMode.Stretch
FIT = QHeaderView.ResizeMode.ResizeToContents
INTERACTIVE = QHeaderView.ResizeMode.Interactive
Row = TypeVar("Row")
CLOSED_BY_LOCK = "closedByLock"  # a dialog's property: the review locked while it was open (``close_over_lock``)


def dialog_layout(
    dialog: QDialog,
    title: str,
    name: str,
    *,
    size: tuple[int, int] | None = None,
    min_width: int = 0,
    intro: str = "",
    hint: bool = False,
) -> QVBoxLayout:
    """Title, object name and size the dialog; return its layout, holding ``intro`` first when there is one.

    ``hint`` shows the intro in the quieter hint style (a tip rather than an explanation).
    """
    dialog.setWindowTitle(title)
    dialog.setObjectName(name)
    if size is not None:
        dialog.resize(*size)
    if min_width:
        dialog.setMinimumWidth(min_width)
    layout = QVBoxLayout(dialog)
    if intro:
        label = QLabel(intro)
        label.setWordWrap(True)
        if hint:
            label.setObjectName("hintText")
        layout.addWidget(label)
    return layout


def table_view(
    name: str,
    model: QAbstractItemModel | None = None,
    *,
    default: QHeaderView.ResizeMode | None = None,
    columns: Mapping[int, QHeaderView.ResizeMode] | None = None,
    single: bool = False,
    wrap: bool = True,
    editable: bool = False,
    row_numbers: bool = False,
    left_headers: bool = False,
    tab_out: bool = False,
) -> QTableView:
    """A table of records: whole rows selected (``single``: one at a time), columns sized by ``default`` and then
    ``columns`` (column → mode); ``editable`` cells open with a double-click or F2.

    ``tab_out``: for a list whose rows are picked rather than typed into, Tab (and Shift+Tab) goes on to the next
    control and the arrows pick the row; walking the cells, twelve goals of three columns took 36 presses to reach
    the button after the table."""
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    view.setWordWrap(wrap)
    view.verticalHeader().setVisible(row_numbers)
    header = view.horizontalHeader()
    if default is not None:
        header.setSectionResizeMode(default)
    for column, mode in (columns or {}).items():
        header.setSectionResizeMode(column, mode)
    if left_headers:
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    view.setTabKeyNavigation(not tab_out)
    return view


class WrappedItems(QStyledItemDelegate):
    """Items as tall as their words wrapped to the list's width.

    Qt asks a list's item for its height at a width a few pixels wider than the one it paints it at (its viewport
    less one pixel, against the viewport less the list's spacing on both sides): an item whose words fit the one
    width and not the other lost its last line (seen at 1280×720: the first insight's "2 quotes" cut, its
    statement elided). Its height is worked out here at the width it is painted at."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        painted = self.view.viewport().width() - 2 * self.view.spacing()
        if 0 < painted < option.rect.width():
            option = QStyleOptionViewItem(option)
            option.rect.setWidth(painted)
        return super().sizeHint(option, index)


def wrapping(view: QListView) -> QListView:
    """``view``'s items wrap their words to its width, each as tall as its words, laid out again whenever the width
    changes (a dock resized, a scroll bar shown: with Qt's default, an item kept its height for its first width)."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(WrappedItems(view))
    return view


def list_view(
    name: str, model: QAbstractItemModel, *, spacing: int = 0, read_only: bool = False, single: bool = False
) -> QListView:
    """A list whose items wrap to its width, ``spacing`` pixels apart; ``read_only`` never opens an editor,
    ``single`` selects one item at a time."""
    view = wrapping(QListView())
    view.setObjectName(name)
    view.setModel(model)
    view.setSpacing(spacing)
    if read_only:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


class SessionDialog(QDialog):
    """A dialog over the open review: framed by ``dialog_layout`` (its layout is ``body``); edits go to ``session``."""

    def __init__(
        self,
        session: ReviewSession,
        title: str,
        name: str,
        *,
        size: tuple[int, int] | None = None,
        intro: str = "",
        hint: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.body = dialog_layout(self, title, name, size=size, intro=intro, hint=hint)


def close_over_lock(window: QWidget) -> None:
    """Close every window of ``window``'s own that would keep the review on screen beside its lock screen: the one
    way the lock closes windows (the main window hides its docks itself and brings them back on unlock).

    A dialog (an amended insight being typed, a confirmation quoting the review, the names to guard) is cancelled
    as Cancel would, marked ``CLOSED_BY_LOCK``: one run through ``run_through_lock`` (a post-it being written)
    comes back on unlock with its words. done(), not reject(): a dialog that asks before throwing typing away would
    put that question over the lock. Another window of its own (the projector view) is closed. Progress dialogs
    stay: they show only what is being done, and cancelling one would stop the work."""
    for widget in QApplication.topLevelWidgets():
        if widget is window or isinstance(widget, QProgressDialog):
            continue
        if not shiboken6.isValid(widget) or not widget.isVisible():  # closing one may have closed another
            continue
        owner = widget.parentWidget()
        while owner is not None and owner is not window:
            owner = owner.parentWidget()
        if owner is None:
            continue  # another review's window, or the start screen
        if isinstance(widget, QDialog):
            widget.setProperty(CLOSED_BY_LOCK, True)
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()


def run_through_lock(dialog: QDialog, session: ReviewSession, on_accept: Callable[[], object]) -> None:
    """Run ``dialog`` and call ``on_accept`` when it is accepted. When the review locks meanwhile (the lock closes
    every dialog so that nothing of the review stays on screen), the same dialog comes back, with what was typed in
    it, once the review is unlocked: the words wait in this dialog's memory, never on disk, while the lock shows."""
    dialog.setProperty(CLOSED_BY_LOCK, False)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        on_accept()
        return
    if not dialog.property(CLOSED_BY_LOCK):
        return

    def unlocked(locked: bool) -> None:
        if locked:
            return
        session.locked_changed.disconnect(unlocked)
        if shiboken6.isValid(dialog):  # its window may have closed the review meanwhile
            # after the unlock has put the window back: not inside the signal, which other slots still await
            QTimer.singleShot(0, dialog, lambda: run_through_lock(dialog, session, on_accept))

    session.locked_changed.connect(unlocked)


def selected_row(view: QAbstractItemView, rows: Sequence[Row]) -> Row | None:
    """The row of ``rows`` (what ``view``'s model shows) selected in ``view``; the first when several are."""
    picked = view.selectionModel().selectedRows()
    return rows[picked[0].row()] if picked else None


def close_buttons(dialog: QDialog, *actions: QAbstractButton) -> QDialogButtonBox:
    """Close (it rejects ``dialog``), after the dialog's own ``actions``: buttons already made and wired."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    for button in actions:
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.rejected.connect(dialog.reject)
    return buttons
