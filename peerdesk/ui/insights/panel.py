"""The insight builder: themes become insights by answering "so what?", backed by quotes the observer can check.

Left, the insights in presentation order (drag or Alt+Up/Down to reorder), the count towards 4–6, and "Make
insight" from a theme; middle, the selected insight (``editor.py``); right, its evidence (``evidence.py``). Making an
insight from a theme is one action: it carries the theme's heading, its post-its and its first candidate quotes, and
the next theme without an insight comes up for the next one. Every edit is an undo step.
"""

from __future__ import annotations

import uuid
from types import MappingProxyType

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import insight_checks, insights
from peerdesk.services.changes import Changes
from peerdesk.ui.insights.editor import FIELD_LABELS, InsightEditor, key_hint
from peerdesk.ui.insights.evidence import EvidencePane
from peerdesk.ui.insights.models import ID_ROLE, InsightListModel
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.dialogs import list_view
from peerdesk.ui.kit.flow import FlowLayout
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import TAIL_ROLE, ElidingComboBox, EmptyState

MAKE_KEYS = "Ctrl+I"
THEME_LIST_MAX = 900  # pixels: the themes list opens at most this wide (a 1366-wide laptop leaves room around it)
# Below this height the editor shows a statement and little else: the dock asks for room when it is shown.
USABLE_HEIGHT = 430
COUNTER_COLOURS = MappingProxyType({"short": "#7a4b00", "on-target": "#2d6a4f", "over": "#7a4b00"})


class InsightsPanel(Panel):
    watches = ("insights", "insight_quotes", "insight_themes", "themes", "postits", "quotes", "stakeholder_groups")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("insightsPanel")
        self.current_id: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter)
        self.splitter.addWidget(self._build_list())
        self.pages = QStackedWidget()
        self.empty = EmptyState(
            "No insight selected",
            f"Pick a theme below the list and press “Make insight” ({MAKE_KEYS}): the theme's heading, post-its and "
            "best quotes come along; then answer “so what?” until the statement says what seems to be happening.",
        )
        self.empty.title.setWordWrap(True)  # on two lines in a narrow dock rather than cut
        self.pages.addWidget(self.empty)
        self.editor = InsightEditor(session, self._save)
        self.pages.addWidget(self.editor)
        self.editor_page = self.editor
        self.splitter.addWidget(self.pages)
        self.evidence = EvidencePane(session)
        self.splitter.addWidget(self.evidence)
        # The editor is where the typing happens: it gets the most room; none of the three can be squeezed shut.
        for index, stretch in enumerate((2, 5, 3)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([280, 560, 380])
        self._alias_parts()
        self.refresh(Changes.of("insights", "themes"))

    def _alias_parts(self) -> None:
        """The parts the rest of the app (and the tests) reach for, under their long-standing names."""
        e, v = self.editor, self.evidence
        self.texts, self.heading, self.goal_hint, self.checked = e.texts, e.heading, e.goal_hint, e.checked
        self.quote_model, self.quote_view, self.quote_warning = e.quote_model, e.quote_view, e.quote_warning
        self.remove_quote_button = e.remove_quote_button
        self.evidence_pane, self.evidence_title = v, v.title
        self.evidence_model, self.evidence_view, self.use_button = v.quote_model, v.quote_view, v.use_button
        self.postit_model, self.postit_view, self.all_quotes = v.postit_model, v.postit_view, v.all_quotes

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counter = QLabel()
        self.counter.setObjectName("insightCounter")
        self.counter.setWordWrap(True)
        layout.addWidget(self.counter)
        layout.addWidget(self._build_maker())
        self.model = InsightListModel(self.session)
        self.view = list_view("insightList", self.model, spacing=2)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setAccessibleName("Insights, in presentation order")
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        layout.addWidget(self.view, 1)
        buttons = FlowLayout()  # wraps under the list when the dock is narrow (a laptop), instead of cutting
        self.up = QPushButton("Move up")
        self.up.setShortcut(QKeySequence("Alt+Up"))
        self.up.setToolTip(key_hint("Move the insight earlier in the presentation", "Alt+Up"))
        self.up.clicked.connect(lambda: self._move_current(-1))
        self.down = QPushButton("Move down")
        self.down.setShortcut(QKeySequence("Alt+Down"))
        self.down.setToolTip(key_hint("Move the insight later in the presentation", "Alt+Down"))
        self.down.clicked.connect(lambda: self._move_current(+1))
        self.delete = QPushButton("Delete")
        self.delete.setToolTip(key_hint("Delete the insight (Undo brings it back)", "Delete in the list"))
        self.delete.clicked.connect(self.delete_current)
        buttons.addWidgets(self.up, self.down, self.delete)
        layout.addLayout(buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_current)
        return box

    def _build_maker(self) -> QGroupBox:
        make = QGroupBox("From a theme")  # short: a group box title does not wrap in a narrow dock
        make_layout = FlowLayout(make)  # the button goes under the theme when the list is narrow
        self.theme_combo = ElidingComboBox()  # a long heading ends in "…" before its count, its tooltip whole
        self.theme_combo.setObjectName("themeCombo")
        self.theme_combo.setAccessibleName("Theme to make into an insight")
        self.theme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.theme_combo.setMinimumContentsLength(12)
        self.theme_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.make_button = QPushButton("Make insight")
        self.make_button.setObjectName("primaryButton")
        self.make_button.setToolTip(
            key_hint("An insight from this theme: its heading, post-its and best quotes come along", MAKE_KEYS)
        )
        self.make_button.clicked.connect(self.make_from_selected_theme)
        make_layout.addWidgets(self.theme_combo, self.make_button)
        make_key = QShortcut(QKeySequence(MAKE_KEYS), self)
        make_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        make_key.activated.connect(self.make_from_selected_theme)
        return make

    # --- editing (each an undo step) ------------------------------------------------------------------------------
    def _save(self, field: str, value: object) -> None:
        if self.current_id is None:
            return
        label = f"Edit insight {FIELD_LABELS.get(field, field)}"
        merge_key = f"insight:{field}" if isinstance(value, str) else None
        ops.set_fields(self, self.session, "insights", self.current_id, {field: value}, label, merge_key=merge_key)

    def make_from_selected_theme(self) -> str | None:
        theme_id = self.theme_combo.currentData()
        if not theme_id:
            return None
        return self.make_insight(str(theme_id))

    def make_insight(self, theme_id: str | None) -> str:
        """One action: a new insight from the theme (its heading, post-its and first quotes), ready to be reworded."""
        self.flush()
        insight_id = str(uuid.uuid4())
        quotes = insight_checks.QUOTES_ADVISED if theme_id else 0
        if not ops.run(
            self,
            self.session,
            "Make insight from theme",
            lambda s: insights.create_insight(s, insight_id, theme_id=theme_id, quotes=quotes),
            lambda s: insights.delete_insight(s, insight_id),
        ):
            return ""
        self.select(insight_id)
        self._next_theme()
        statement = self.texts["statement"]
        statement.setFocus()
        statement.selectAll()
        return insight_id

    def _next_theme(self) -> None:
        """Bring up the first theme that has no insight yet, so the next "Make insight" needs no choosing."""
        for index in range(self.theme_combo.count()):
            if not self.theme_combo.itemText(index).endswith("✓"):
                self.theme_combo.setCurrentIndex(index)
                return

    def delete_current(self) -> None:
        if self.current_id is None:
            return
        self.flush()
        ops.delete_record(self, self.session, "insights", self.current_id, "Delete insight")

    def _move_current(self, step: int) -> None:
        if self.current_id is None:
            return
        row = self.model.row_of(self.current_id)
        target = row + step
        if 0 <= target < self.model.rowCount():
            self.model.move(self.current_id, target + (1 if step > 0 else 0))
            self.select(self.current_id)

    def use_selected_evidence(self) -> None:
        self.evidence.use_selected()

    def remove_selected_quote(self) -> None:
        self.editor.remove_selected_quote()

    # --- showing --------------------------------------------------------------------------------------------------
    def select(self, insight_id: str) -> None:
        row = self.model.row_of(insight_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        self.current_id = str(current.data(ID_ROLE)) if current.isValid() else None
        self._load_current()

    def refresh(self, changes: Changes) -> None:
        if changes.touches("insights", "insight_quotes", "insight_themes", "themes", "quotes", "postits"):
            keep = self.current_id
            before = set(self.model.ids())
            with QSignalBlocker(self.view.selectionModel()):
                self.model.reload()
                keep = self._to_show(keep, before, changes)
                self.current_id = keep
                row = self.model.row_of(keep) if keep else -1
                if row >= 0:
                    self.view.selectionModel().setCurrentIndex(
                        self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
            target = insight_checks.target(len(self.model.rows))
            self.counter.setText(target.text)
            self.counter.setProperty("state", target.state)
            self.counter.setStyleSheet(f"font-weight: 600; color: {COUNTER_COLOURS[target.state]};")
            self._load_current()
        if changes.touches("themes", "postits", "insight_themes", "insights"):
            self._load_themes()

    def _to_show(self, keep: str | None, before: set[str], changes: Changes) -> str | None:
        """The insight open after a change: the same one, or, when none is open, the one that has just come back
        (Ctrl+Z of a delete) rather than "No insight selected" and the user left to find it in the list."""
        if keep is not None and self.model.row_of(keep) >= 0:
            return keep
        back = [i for i in changes.ids if i not in before and self.model.row_of(i) >= 0]
        return back[0] if len(back) == 1 else None

    def _load_themes(self) -> None:
        used = {h for s in self.model.rows for h in s.theme_headings}
        current = self.theme_combo.currentData()
        with QSignalBlocker(self.theme_combo):
            self.theme_combo.clear()
            for theme_id, heading, count in self.session.call(insights.themes):
                mark = " ✓" if heading in used else ""
                self.theme_combo.addItem(f"{heading or '(no heading)'} ({count}){mark}", theme_id)
                self.theme_combo.setItemData(self.theme_combo.count() - 1, f" ({count}){mark}", TAIL_ROLE)
            index = self.theme_combo.findData(current) if current is not None else -1
            if index >= 0:
                self.theme_combo.setCurrentIndex(index)
            else:
                self._next_theme()
        self.make_button.setEnabled(self.theme_combo.count() > 0)
        # The box is as narrow as the list column and cuts a heading: its list opens wide enough to read each whole
        # (up to most of a laptop's width), and the chosen one is its tooltip.
        metrics, combo = self.theme_combo.fontMetrics(), self.theme_combo
        widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
        combo.view().setMinimumWidth(min(widest + 40, THEME_LIST_MAX))  # 40: the list's frame, margins, scroll bar
        self.theme_combo.setToolTip(plain_tip(self.theme_combo.currentText()))

    def _load_current(self) -> None:
        insight_id = self.current_id
        for button in (self.up, self.down, self.delete):
            button.setEnabled(insight_id is not None)
        if insight_id is None:
            self.pages.setCurrentWidget(self.empty)
            self.editor.clear()
            self.evidence.load(None, set())
            return
        detail = self.session.call(lambda s: insights.detail(s, insight_id))
        self.pages.setCurrentWidget(self.editor)
        self.editor.show_detail(detail, self.model.row_of(insight_id) + 1)
        self.evidence.load(insight_id, {q.id for q in detail.quotes})

    def flush(self) -> None:
        """Save whatever is being typed now (before switching insight, locking or closing)."""
        self.editor.flush()

    # --- room to work -----------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ask_for_room()

    def ask_for_room(self) -> None:
        """When the dock is too low to edit in, grow it (once per showing) instead of leaving a splitter to drag.

        The main window decides; this only asks for up to 60 % of its height, never less than the dock has."""
        dock, window = _dock_of(self), self.window()
        if dock is None or not isinstance(window, QMainWindow) or dock.isFloating():
            return
        wanted = min(USABLE_HEIGHT, int(window.height() * 0.6))
        if dock.height() < wanted:
            window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)


def _dock_of(widget: QWidget) -> QDockWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent
