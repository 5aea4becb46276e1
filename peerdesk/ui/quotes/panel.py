"""The quote tagger: every quote in a filterable, sortable table; tag, star, colour, reword, make post-its.

Each quote shows its stakeholder group and interview, never a person. Every change is an undo step. "Show in
notes" emits ``jump_to_quote(quote_id)``; the notes panel listens and opens the interview at the quote.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import identifiability, plural, quotes
from peerdesk.services.changes import Changes
from peerdesk.services.edits import Edit
from peerdesk.services.quotes import QuoteRow, TagRow
from peerdesk.services.wall import KIND_LABELS
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.columns import ColumnChooser
from peerdesk.ui.kit.dialogs import run_through_lock, table_view
from peerdesk.ui.kit.fitting import fit_placeholder, stretch_with_minimum
from peerdesk.ui.kit.flow import FlowLayout
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.plain import plain_menu_text
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import EmptyState
from peerdesk.ui.quotes.model import (
    CHECK,
    COLUMNS,
    GROUP,
    INTERVIEW,
    KIND,
    ROW_ROLE,
    STAR,
    TAGS,
    TEXT,
    USED,
    QuoteFilter,
    QuotesModel,
)
from peerdesk.ui.quotes.tags_dialog import TagsDialog


class QuotesPanel(Panel):
    watches = (
        "guarded_names",
        "quotes",
        "quote_tags",
        "tags",
        "postits",
        "themes",
        "insights",
        "insight_quotes",
        "stakeholder_groups",
        "interviews",
        "planning_answers",  # the identifiability threshold is kept with them
    )
    jump_to_quote = Signal(str)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.tags: list[TagRow] = []
        self.model = QuotesModel(self.edit_text, self)
        self.proxy = QuoteFilter(self)
        self.proxy.setSourceModel(self.model)
        filters = self._build_filters()
        self._build_table()
        actions = self._build_actions()
        self._build_stack(filters, actions)
        self._connect_signals()
        self.reload()

    def _build_filters(self) -> QHBoxLayout:
        """The search box and the group, tag, kind and star filters above the table."""
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search quotes and tags")
        self.search.setAccessibleName("Search quotes")
        self.search.setClearButtonEnabled(True)
        fit_placeholder(self.search)
        self.group = QComboBox()
        self.group.setAccessibleName("Filter by stakeholder group")
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        for combo in (self.group, self.tag_filter):  # long group and tag names must not widen the row past a laptop's
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Filter by rose, thorn or bud")
        for label, value in (("Any kind", None), ("Roses", "rose"), ("Thorns", "thorn"), ("Buds", "bud")):
            self.kind.addItem(label, value)
        self.kind.addItem("Not marked", "")
        self.starred = QCheckBox("Starred only")
        filters = QHBoxLayout()
        wrapping = FlowLayout()  # in a laptop's dock the filters take two lines rather than being cut
        wrapping.addWidgets(self.search, self.group, self.tag_filter, self.kind)
        filters.addLayout(wrapping, 1)
        filters.addWidget(self.starred)
        return filters

    def _build_table(self) -> None:
        # Rows are chosen with the arrows; Tab goes on to the tag box.
        self.table = table_view("quotesTable", self.proxy, editable=True, tab_out=True)
        self.table.setAccessibleName("Quotes")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.ensurePolished()  # the style sheet's bold heading font, to measure "Names check" in
        stretch_with_minimum(self.table, TEXT, 200)  # the quote never squeezed to a few pixels
        for col, width in (  # narrow enough that the quote keeps its room in the 720 px of a laptop's dock
            (STAR, 28),
            (KIND, 64),
            (GROUP, 110),
            (INTERVIEW, 120),
            (TAGS, 110),
            (USED, 120),
            (CHECK, header.fontMetrics().horizontalAdvance("Names check") + 30),  # its bold heading whole
        ):
            self.table.setColumnWidth(col, width)
        self.columns = ColumnChooser(self.table, "quotes", kept=(TEXT,), labels={STAR: "Starred"})

    def _build_actions(self) -> QHBoxLayout:
        """The row under the table: tag, star, make post-it, and More (untag, mark, manage tags, show in notes);
        the count at its end. One line in a laptop's Day 1 dock: two lines of buttons and a line for the count
        left the table two rows there."""
        self.tag_edit = QLineEdit()
        self.tag_edit.setPlaceholderText("Tag the selected quotes…")
        self.tag_edit.setAccessibleName("Tag to add")
        fit_placeholder(self.tag_edit)
        self.tag_names = QStringListModel(self)
        self.completer = QCompleter(self.tag_names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_edit.setCompleter(self.completer)
        self.add_tag = QPushButton("Add tag")
        self.star = QPushButton("★ Star")
        self.star.setToolTip("Mark as a candidate for the presentation (Ctrl+D)")
        self.make_postit_button = QPushButton("Make post-it")
        self.make_postit_button.setToolTip("One post-it from the selected quotes")
        self.more = QPushButton("More")  # Qt draws the menu's arrow beside it
        self.more.setToolTip(
            "Remove a tag, mark as rose, thorn or bud, rename or merge tags, show in notes, choose the columns"
        )
        more = QMenu(self.more)
        self.more.setMenu(more)
        self.remove_menu = more.addMenu("&Remove tag")  # the selection's tags, listed when it opens
        self.remove_tag = self.remove_menu.menuAction()
        self.mark_menu = more.addMenu("&Mark as")
        self.mark_as = self.mark_menu.menuAction()
        for value, label in (("rose", "&Rose"), ("thorn", "&Thorn"), ("bud", "&Bud"), ("", "&No mark")):
            self.mark_menu.addAction(label).triggered.connect(lambda _c=False, k=value: self.mark_selected(k))
        more.addSeparator()
        self.manage_tags = more.addAction("Rename or merge &tags…")
        self.jump = more.addAction("&Show in notes")
        more.addSeparator()
        self.columns_menu = more.addMenu("&Columns")  # as a right-click on the headings offers, for the keyboard
        self.columns_menu.aboutToShow.connect(lambda: self.columns.fill(self.columns_menu))
        self.count = QLabel("")
        self.count.setObjectName("hintText")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count.setContentsMargins(0, 0, 6, 0)  # its words off the window's edge, where the dock ends
        self.count.ensurePolished()  # room for its two lines from the start: the table does not jump on selecting
        self.count.setText("0\n0")
        self.count.setMinimumHeight(self.count.sizeHint().height())
        actions = QHBoxLayout()
        wrapping = FlowLayout()  # still two lines rather than buttons cut off, in a dock narrower than a laptop's
        wrapping.addWidgets(self.tag_edit, self.add_tag, self.star, self.make_postit_button, self.more)
        actions.addLayout(wrapping, 1)
        actions.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return actions

    def _build_stack(self, filters: QHBoxLayout, actions: QHBoxLayout) -> None:
        """The quotes page, or the empty state while there is no quote yet."""
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(filters)
        inner.addWidget(self.table, 1)
        inner.addLayout(actions)
        self.empty = EmptyState(
            "No quotes yet", "Select words in an interview's notes and press Ctrl+Q to capture a quote."
        )
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda t: self._filter(text=t.strip()))
        self.group.currentIndexChanged.connect(lambda _i: self._filter(group_id=self.group.currentData()))
        self.tag_filter.currentIndexChanged.connect(lambda _i: self._filter(tag_id=self.tag_filter.currentData()))
        self.kind.currentIndexChanged.connect(lambda _i: self._filter(kind=self.kind.currentData()))
        self.starred.toggled.connect(lambda on: self._filter(starred_only=on))
        self.add_tag.clicked.connect(lambda: self.tag_selected(self.tag_edit.text()))
        self.tag_edit.returnPressed.connect(lambda: self.tag_selected(self.tag_edit.text()))
        self.remove_menu.aboutToShow.connect(self._fill_remove_menu)
        self.manage_tags.triggered.connect(lambda: TagsDialog(self, self).exec())
        self.star.clicked.connect(self.toggle_star)
        self.make_postit_button.clicked.connect(self.make_postit_dialog)
        self.jump.triggered.connect(self.jump_to_selected)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        star_action = QAction("Star", self, shortcut=QKeySequence("Ctrl+D"))
        star_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        star_action.triggered.connect(self.toggle_star)
        self.addAction(star_action)

    # --- loading ------------------------------------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        keep = set(self.selected_ids())
        store = self.session.store
        self.tags = quotes.list_tags(store)
        self.model.set_rows(quotes.list_quotes(store), identifiability.traceable_quote_ids(store))
        self._fill_combo(self.group, "All groups", quotes.list_groups(store))
        self._fill_combo(self.tag_filter, "All tags", [(t.id, t.name) for t in self.tags])
        self.tag_names.setStringList([t.name for t in self.tags])
        self.stack.setCurrentIndex(1 if self.model.rows else 0)
        self.select_ids(keep)
        self._update_buttons()

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label or "(no name)", value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        if index < 0 and current is not None:
            combo.currentIndexChanged.emit(0)

    def _filter(self, **values: Any) -> None:
        self.proxy.set_filters(**values)
        self._update_buttons()

    # --- selection ----------------------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(ROW_ROLE).id for r in rows]

    def select_ids(self, ids: set[str] | list[str]) -> None:
        wanted = set(ids)
        selection = QItemSelection()
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ROW_ROLE).id in wanted:
                selection.select(self.proxy.index(r, 0), self.proxy.index(r, len(COLUMNS) - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ROW_ROLE).id for r in range(self.proxy.rowCount())]

    def _rows(self, ids: list[str]) -> list[QuoteRow]:
        by_id = {r.id: r for r in self.model.rows}
        return [by_id[i] for i in ids if i in by_id]

    def _update_buttons(self) -> None:
        n = len(self.selected_ids())
        for w in (self.add_tag, self.remove_tag, self.star, self.mark_as, self.make_postit_button):
            w.setEnabled(n > 0)
        self.jump.setEnabled(n == 1)
        self.manage_tags.setEnabled(bool(self.tags))
        shown, total = self.proxy.rowCount(), len(self.model.rows)
        counted = plural.count(total, "quote")  # "1 quote", never "1 quotes"
        text = counted if shown == total else f"{shown} of {counted}"
        self.count.setText(f"{text}\n{n} selected" if n else text)  # two short lines: the row keeps its one line

    # --- edits --------------------------------------------------------------------------------------------------
    def _run(self, label: str, operation: Callable[[Store], Edit]) -> Edit | None:
        return ops.run_edit(self, self.session, label, operation)

    def edit_text(self, quote_id: str, text: str) -> None:
        self._run("Edit quote", lambda s: quotes.edit_text(s, quote_id, text))

    def tag_selected(self, name: str) -> None:
        ids = self.selected_ids()
        if not ids or not name.strip():
            return
        if self._run(f"Tag “{name.strip()}”", lambda s: quotes.tag_quotes(s, ids, name)) is not None:
            self.tag_edit.clear()

    def untag_selected(self, tag_id: str) -> None:
        ids = self.selected_ids()
        if ids:
            self._run("Remove tag", lambda s: quotes.untag_quotes(s, ids, tag_id))

    def _fill_remove_menu(self) -> None:
        self.remove_menu.clear()
        on = set().union(*(r.tag_ids for r in self._rows(self.selected_ids())))
        for tag in self.tags:
            if tag.id in on:
                action = self.remove_menu.addAction(plain_menu_text(tag.name))
                action.triggered.connect(lambda _c=False, t=tag.id: self.untag_selected(t))
        if not on:
            self.remove_menu.addAction("No tags on the selected quotes").setEnabled(False)

    def rename_tag(self, tag_id: str, name: str) -> None:
        self._run("Rename tag", lambda s: quotes.rename_tag(s, tag_id, name))

    def merge_tags(self, source_ids: list[str], into_id: str) -> None:
        self._run("Merge tags", lambda s: quotes.merge_tags(s, source_ids, into_id))

    def toggle_star(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        starred = not all(r.starred for r in self._rows(ids))
        self._run("Star" if starred else "Unstar", lambda s: quotes.set_starred(s, ids, starred))

    def mark_selected(self, kind: str) -> None:
        ids = self.selected_ids()
        if ids:
            label = f"Mark as {KIND_LABELS[kind].lower()}" if kind else "Clear mark"
            self._run(label, lambda s: quotes.set_kind(s, ids, kind))

    def make_postit_dialog(self) -> None:
        from peerdesk.ui.wall.dialogs import PostItDialog

        ids = self.selected_ids()
        if not ids:
            return
        store = self.session.store
        dialog = PostItDialog(
            self, "Post-it from quotes", quotes.postit_kind(store, ids), quotes.postit_text(store, ids)
        )
        run_through_lock(dialog, self.session, lambda: self.make_postit(*dialog.values()))

    def make_postit(self, kind: str | None = None, text: str | None = None) -> str | None:
        ids = self.selected_ids()
        edit = self._run("Make post-it", lambda s: quotes.make_postit(s, ids, kind=kind, text=text))
        return edit.created_id if edit is not None and edit.created else None

    def jump_to_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.jump_to_quote.emit(ids[0])

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != TEXT:
            self.jump_to_quote.emit(index.data(ROW_ROLE).id)
