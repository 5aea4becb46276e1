"""The insight builder: themes become insights by answering "so what?", backed by quotes the observer can check.

Left, the insights in presentation order (drag to reorder) and the count towards 4–6; middle, the selected
insight's statement, description, the five "so what?" answers, its illustrating quotes and the observer's tick;
right, its evidence (the themes' post-its and their quotes), from which quotes are dragged or picked. Every edit is
an undo step; typing in one field merges into one step.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from types import MappingProxyType

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import insights as insight_service
from peerdesk.services.changes import Changes
from peerdesk.ui.insights.models import ID_ROLE, InsightListModel, PostItListModel, QuoteListModel, add_quotes
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.autosave_text import AutoSaveText
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import EmptyState

FIELD_LABELS = MappingProxyType(
    {"statement": "statement", "description": "description"}
    | {name: label.lower() for name, label, _ in insight_service.SO_WHAT}
)


def _list_view(name: str, model: object) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)  # type: ignore[arg-type]
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setSpacing(2)
    view.setAlternatingRowColors(False)
    return view


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
        self._build_list()
        self._build_editor()
        self._build_evidence()
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.refresh(Changes.of("insights", "themes"))

    # --- building -------------------------------------------------------------------------------------------------
    def _build_list(self) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counter = QLabel()
        self.counter.setObjectName("insightCounter")
        self.counter.setWordWrap(True)
        layout.addWidget(self.counter)
        self.model = InsightListModel(self.session)
        self.view = _list_view("insightList", self.model)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setAccessibleName("Insights, in presentation order")
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.up = QPushButton("Move up")
        self.up.setShortcut(QKeySequence("Alt+Up"))
        self.up.clicked.connect(lambda: self._move_current(-1))
        self.down = QPushButton("Move down")
        self.down.setShortcut(QKeySequence("Alt+Down"))
        self.down.clicked.connect(lambda: self._move_current(+1))
        self.delete = QPushButton("Delete")
        self.delete.clicked.connect(self.delete_current)
        for b in (self.up, self.down, self.delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        make = QGroupBox("Turn a theme into an insight")
        make_layout = QHBoxLayout(make)
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("themeCombo")
        self.theme_combo.setAccessibleName("Theme")
        self.theme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.theme_combo.setMinimumContentsLength(12)
        self.make_button = QPushButton("Make insight")
        self.make_button.setObjectName("primaryButton")
        self.make_button.clicked.connect(self.make_from_selected_theme)
        make_layout.addWidget(self.theme_combo, 1)
        make_layout.addWidget(self.make_button)
        layout.addWidget(make)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_current)
        self.splitter.addWidget(box)

    def _build_editor(self) -> None:
        self.pages = QStackedWidget()
        self.empty = EmptyState(
            "No insight selected",
            "Pick a theme below the list and press “Make insight”, then answer “so what?” until the statement "
            "says what seems to be happening.",
        )
        self.pages.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("insightEditor")
        scroll.setWidget(body)
        form = QVBoxLayout(body)
        form.setContentsMargins(8, 0, 8, 8)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        form.addWidget(self.heading)
        self.texts: dict[str, AutoSaveText] = {}

        form.addWidget(self._label("Insight statement", "What seems to be happening — a description, not a goal."))
        self.texts["statement"] = self._text("statement", "e.g. Managers feel they are firefighting, not planning", 2)
        self.texts["statement"].textChanged.connect(self._update_goal_hint)
        form.addWidget(self.texts["statement"])
        self.goal_hint = QLabel()
        self.goal_hint.setObjectName("goalHint")
        self.goal_hint.setWordWrap(True)
        self.goal_hint.setStyleSheet("color: #7a4b00;")
        form.addWidget(self.goal_hint)

        form.addWidget(self._label("Short description", "Two or three sentences for someone who was not here."))
        self.texts["description"] = self._text("description", "What it is, and why it matters to this service", 3)
        form.addWidget(self.texts["description"])

        so_what = QGroupBox("So what?")
        so_layout = QVBoxLayout(so_what)
        for name, label, prompt in insight_service.SO_WHAT:
            so_layout.addWidget(self._label(label, prompt))
            self.texts[name] = self._text(name, "", 2)
            self.texts[name].setAccessibleName(f"{label}: {prompt}")
            so_layout.addWidget(self.texts[name])
        form.addWidget(so_what)

        quotes_box = QGroupBox("Illustrating quotes (one or two)")
        quotes_layout = QVBoxLayout(quotes_box)
        self.quote_model = QuoteListModel(self.session, accepts_drops=True)
        self.quote_view = _list_view("insightQuotes", self.quote_model)
        self.quote_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.quote_view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.quote_view.setAcceptDrops(True)
        self.quote_view.setDropIndicatorShown(True)
        self.quote_view.setMinimumHeight(90)
        self.quote_view.setMaximumHeight(170)
        self.quote_view.setAccessibleName("Quotes illustrating this insight; drop quotes here")
        quotes_layout.addWidget(self.quote_view)
        self.quote_warning = QLabel()
        self.quote_warning.setObjectName("quoteWarning")
        self.quote_warning.setWordWrap(True)
        self.quote_warning.setStyleSheet("color: #7a4b00;")
        quotes_layout.addWidget(self.quote_warning)
        row = QHBoxLayout()
        self.remove_quote_button = QPushButton("Take quote off")
        self.remove_quote_button.setToolTip("The quote stays in the review; only its link to this insight goes")
        self.remove_quote_button.clicked.connect(self.remove_selected_quote)
        row.addWidget(self.remove_quote_button)
        row.addStretch(1)
        quotes_layout.addLayout(row)
        form.addWidget(quotes_box)

        self.checked = QCheckBox("Evidence checked by the observer: the quotes back this insight")
        self.checked.setObjectName("evidenceChecked")
        self.checked.toggled.connect(self._checked_toggled)
        form.addWidget(self.checked)
        form.addStretch(1)
        self.pages.addWidget(scroll)
        self.editor_page = scroll
        self.splitter.addWidget(self.pages)

    def _build_evidence(self) -> None:
        box = QWidget()
        box.setObjectName("evidencePane")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.evidence_title = QLabel("Evidence")
        self.evidence_title.setObjectName("sectionTitle")
        self.evidence_title.setWordWrap(True)
        layout.addWidget(self.evidence_title)
        layout.addWidget(QLabel("Post-its in the theme"))
        self.postit_model = PostItListModel(self)
        self.postit_view = _list_view("evidencePostits", self.postit_model)
        self.postit_view.setAccessibleName("Post-its behind this insight")
        layout.addWidget(self.postit_view, 1)
        layout.addWidget(QLabel("Their quotes — drag one onto the insight, or pick it"))
        self.evidence_model = QuoteListModel(self.session)
        self.evidence_view = _list_view("evidenceQuotes", self.evidence_model)
        self.evidence_view.setDragEnabled(True)
        self.evidence_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.evidence_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.evidence_view.setAccessibleName("Quotes behind this insight")
        self.evidence_view.doubleClicked.connect(lambda _i: self.use_selected_evidence())
        layout.addWidget(self.evidence_view, 3)
        row = QHBoxLayout()
        self.use_button = QPushButton("Use quote")
        self.use_button.setObjectName("useQuote")
        self.use_button.clicked.connect(self.use_selected_evidence)
        self.all_quotes = QCheckBox("Show every quote")
        self.all_quotes.setToolTip("Pick from all the review's quotes, not only this theme's")
        self.all_quotes.toggled.connect(lambda _on: self._load_evidence())
        row.addWidget(self.use_button)
        row.addWidget(self.all_quotes)
        row.addStretch(1)
        layout.addLayout(row)
        self.splitter.addWidget(box)
        self.evidence_pane = box

    def _label(self, title: str, hint: str) -> QLabel:
        label = QLabel(f"<b>{title}</b> <span style='color:#5b6570'>— {hint}</span>")
        label.setWordWrap(True)
        return label

    def _text(self, field: str, placeholder: str, lines: int) -> AutoSaveText:
        edit = AutoSaveText(self._saver(field), placeholder, lines)
        edit.setObjectName(f"insight-{field}")
        edit.setAccessibleName(FIELD_LABELS.get(field, field))
        return edit

    def _saver(self, field: str) -> Callable[[str], None]:
        return lambda text: self._save(field, text)

    # --- editing (each an undo step) ------------------------------------------------------------------------------
    def _save(self, field: str, value: object) -> None:
        if self.current_id is None:
            return
        label = f"Edit insight {FIELD_LABELS.get(field, field)}"
        ops.set_fields(
            self,
            self.session,
            "insights",
            self.current_id,
            {field: value},
            label,
            merge_key=f"insight:{field}" if isinstance(value, str) else None,
        )

    def _checked_toggled(self, on: bool) -> None:
        self._save("evidence_checked", on)

    def make_from_selected_theme(self) -> str | None:
        theme_id = self.theme_combo.currentData()
        if not theme_id:
            return None
        return self.make_insight(str(theme_id))

    def make_insight(self, theme_id: str | None) -> str:
        self.flush()
        insight_id = str(uuid.uuid4())
        if not ops.run(
            self,
            self.session,
            "Make insight from theme",
            lambda s: insight_service.create_insight(s, insight_id, theme_id=theme_id),
            lambda s: insight_service.delete_insight(s, insight_id),
        ):
            return ""
        self.select(insight_id)
        self.texts["statement"].setFocus()
        self.texts["statement"].selectAll()
        return insight_id

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
        if self.current_id is None:
            return
        ids = [str(i.data(ID_ROLE)) for i in self.evidence_view.selectionModel().selectedIndexes()]
        ids = [i for i in ids if i not in {q.id for q in self.quote_model.rows}]
        if ids:
            add_quotes(self.session, self.current_id, ids)

    def remove_selected_quote(self) -> None:
        if self.current_id is None:
            return
        index = self.quote_view.currentIndex()
        if not index.isValid():
            return
        insight_id, quote_id, position = self.current_id, str(index.data(ID_ROLE)), index.row()
        ops.run(
            self,
            self.session,
            "Take quote off insight",
            lambda s: insight_service.remove_quote(s, insight_id, quote_id),
            lambda s: insight_service.add_quote(s, insight_id, quote_id, position),
        )

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
            with QSignalBlocker(self.view.selectionModel()):
                self.model.reload()
                row = self.model.row_of(keep) if keep else -1
                if row >= 0:
                    self.view.selectionModel().setCurrentIndex(
                        self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
            if keep is not None and row < 0:
                self.current_id = None
            target = insight_service.target(len(self.model.rows))
            self.counter.setText(target.text)
            self.counter.setProperty("state", target.state)
            colour = {"short": "#7a4b00", "on-target": "#2d6a4f", "over": "#7a4b00"}[target.state]
            self.counter.setStyleSheet(f"font-weight: 600; color: {colour};")
            self._load_current()
        if changes.touches("themes", "postits", "insight_themes"):
            self._load_themes()

    def _load_themes(self) -> None:
        used = {h for s in self.model.rows for h in s.theme_headings}
        current = self.theme_combo.currentData()
        with QSignalBlocker(self.theme_combo):
            self.theme_combo.clear()
            for theme_id, heading, count in self.session.call(insight_service.themes):
                mark = " ✓" if heading in used else ""
                self.theme_combo.addItem(f"{heading or '(no heading)'} ({count}){mark}", theme_id)
            if current is not None:
                index = self.theme_combo.findData(current)
                if index >= 0:
                    self.theme_combo.setCurrentIndex(index)
        self.make_button.setEnabled(self.theme_combo.count() > 0)

    def _load_current(self) -> None:
        insight_id = self.current_id
        self.up.setEnabled(insight_id is not None)
        self.down.setEnabled(insight_id is not None)
        self.delete.setEnabled(insight_id is not None)
        if insight_id is None:
            self.pages.setCurrentWidget(self.empty)
            self.evidence_pane.setEnabled(False)
            self.postit_model.set_rows([])
            self.evidence_model.set_rows([])
            self.quote_model.insight_id = None
            return
        detail = self.session.call(lambda s: insight_service.detail(s, insight_id))
        self.pages.setCurrentWidget(self.editor_page)
        self.evidence_pane.setEnabled(True)
        number = self.model.row_of(insight_id) + 1
        themes = ", ".join(h for _, h in detail.themes)
        self.heading.setText(f"Insight {number}" + (f" — from “{themes}”" if themes else ""))
        for name, edit in self.texts.items():
            edit.set_value(str(detail.fields[name]))  # keeps the cursor where it was
        with QSignalBlocker(self.checked):
            self.checked.setChecked(bool(detail.fields["evidence_checked"]))
        self.quote_model.insight_id = insight_id
        self.quote_model.set_rows(list(detail.quotes))
        self.quote_warning.setText(insight_service.quote_warning(len(detail.quotes)) or "")
        self.quote_warning.setVisible(bool(self.quote_warning.text()))
        self._update_goal_hint()
        self._load_evidence()

    def _load_evidence(self) -> None:
        insight_id = self.current_id
        if insight_id is None:
            return
        evidence = self.session.call(lambda s: insight_service.evidence(s, insight_id))
        self.evidence_title.setText(
            "Evidence: " + ", ".join(f"“{h}”" for h in evidence.theme_headings)
            if evidence.theme_headings
            else "Evidence (this insight has no theme)"
        )
        self.postit_model.set_rows(list(evidence.postits))
        quotes = self.session.call(insight_service.all_quotes) if self.all_quotes.isChecked() else evidence.quotes
        self.evidence_model.set_rows(list(quotes), {q.id for q in self.quote_model.rows})

    def _update_goal_hint(self) -> None:
        hint = insight_service.goal_hint(self.texts["statement"].toPlainText())
        self.goal_hint.setText(hint or "")
        self.goal_hint.setVisible(bool(hint))

    def flush(self) -> None:
        """Save whatever is being typed now (before switching insight, locking or closing)."""
        for edit in self.texts.values():
            edit.flush()
