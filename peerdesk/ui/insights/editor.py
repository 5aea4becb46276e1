"""The selected insight: its statement and illustrating quotes first (what the slide shows), then the short
description, the five "so what?" answers and the observer's tick. Every field saves itself as one undo step."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import insight_checks, insights
from peerdesk.ui.insights.models import ID_ROLE, QuoteListModel
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.autosave_text import AutoSaveText
from peerdesk.ui.kit.dialogs import list_view
from peerdesk.ui.kit.plain import plain_label
from peerdesk.ui.kit.session import ReviewSession

FIELD_LABELS = MappingProxyType(
    {"statement": "statement", "description": "description"}
    | {name: label.lower() for name, label, _ in insights.SO_WHAT}
)
HINT_STYLE = "color: #7a4b00;"


def field_label(title: str, hint: str) -> QLabel:
    label = QLabel(f"<b>{title}</b> <span style='color:#5b6570'>— {hint}</span>")
    label.setWordWrap(True)
    return label


def key_hint(label: str, keys: str) -> str:
    """A tooltip that names its keyboard shortcut, so every action can be found without the mouse."""
    return f"{label} ({keys})"


class InsightEditor(QScrollArea):
    """The editing page of the insight builder; ``save(field, value)`` writes one field of the current insight."""

    def __init__(self, session: ReviewSession, save: Callable[[str, object], None]) -> None:
        super().__init__()
        self.session = session
        self._save = save
        self.insight_id: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("insightEditor")
        self.setWidget(body)
        self.form = QVBoxLayout(body)
        self.form.setContentsMargins(8, 0, 8, 8)
        self.heading = plain_label()  # it names the insight's themes
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.form.addWidget(self.heading)
        self.texts: dict[str, AutoSaveText] = {}
        self._build_statement()
        self._build_quotes()
        self.form.addWidget(field_label("Short description", "Two or three sentences for someone who was not here."))
        self.texts["description"] = self._text("description", "What it is, and why it matters to this service", 3)
        self.form.addWidget(self.texts["description"])
        self._build_so_what()
        # A short tick and its meaning wrapped under it: one long check box would set the editor's width.
        self.checked = QCheckBox("Evidence &checked")
        self.checked.setObjectName("evidenceChecked")
        self.checked.setAccessibleName("Evidence checked by the observer: the quotes back this insight")
        self.checked.toggled.connect(lambda on: self._save("evidence_checked", on))
        self.form.addWidget(self.checked)
        meaning = QLabel("The observer ticks it once they have read the quotes and the quotes back this insight.")
        meaning.setWordWrap(True)
        meaning.setStyleSheet("color: #5b6570;")
        self.form.addWidget(meaning)
        self.form.addStretch(1)

    def _build_statement(self) -> None:
        self.form.addWidget(field_label("Insight statement", "What seems to be happening — a description, not a goal."))
        self.texts["statement"] = self._text("statement", "e.g. Managers feel they are firefighting, not planning", 2)
        self.texts["statement"].textChanged.connect(self.update_goal_hint)
        self.form.addWidget(self.texts["statement"])
        self.goal_hint = QLabel()
        self.goal_hint.setObjectName("goalHint")
        self.goal_hint.setWordWrap(True)
        self.goal_hint.setStyleSheet(HINT_STYLE)
        self.form.addWidget(self.goal_hint)

    def _build_quotes(self) -> None:
        box = QGroupBox()  # its heading wraps, as a group box title would not
        layout = QVBoxLayout(box)
        layout.addWidget(field_label("Illustrating quotes", "one or two, shown under the statement."))
        self.quote_model = QuoteListModel(self.session, accepts_drops=True)
        self.quote_view = list_view("insightQuotes", self.quote_model, spacing=2)
        self.quote_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.quote_view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.quote_view.setAcceptDrops(True)
        self.quote_view.setDropIndicatorShown(True)
        self.quote_view.setMinimumHeight(70)
        self.quote_view.setMaximumHeight(150)
        self.quote_view.setAccessibleName("Quotes illustrating this insight; Delete takes the current one off")
        layout.addWidget(self.quote_view)
        self.quote_warning = QLabel()
        self.quote_warning.setObjectName("quoteWarning")
        self.quote_warning.setWordWrap(True)
        self.quote_warning.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.quote_warning)
        row = QHBoxLayout()
        self.remove_quote_button = QPushButton("&Take quote off")
        self.remove_quote_button.setToolTip(
            key_hint("The quote stays in the review; only its link to this insight goes", "Delete in the list")
        )
        self.remove_quote_button.clicked.connect(self.remove_selected_quote)
        row.addWidget(self.remove_quote_button)
        row.addStretch(1)
        layout.addLayout(row)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.quote_view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.remove_selected_quote)
        self.form.addWidget(box)

    def _build_so_what(self) -> None:
        box = QGroupBox("So what?")
        layout = QVBoxLayout(box)
        for name, label, prompt in insights.SO_WHAT:
            layout.addWidget(field_label(label, prompt))
            self.texts[name] = self._text(name, "", 2)
            self.texts[name].setAccessibleName(f"{label}: {prompt}")
            layout.addWidget(self.texts[name])
        self.form.addWidget(box)

    def _text(self, field: str, placeholder: str, lines: int) -> AutoSaveText:
        edit = AutoSaveText(lambda text: self._save(field, text), placeholder, lines)
        edit.setObjectName(f"insight-{field}")
        edit.setAccessibleName(FIELD_LABELS.get(field, field))
        return edit

    # --- showing --------------------------------------------------------------------------------------------------
    def show_detail(self, detail: insights.InsightDetail, number: int) -> None:
        self.insight_id = detail.id
        themes = ", ".join(h for _, h in detail.themes)
        self.heading.setText(f"Insight {number}" + (f" — from “{themes}”" if themes else ""))
        for name, edit in self.texts.items():
            edit.set_value(str(detail.fields[name]))  # keeps the cursor where it was
        with QSignalBlocker(self.checked):
            self.checked.setChecked(bool(detail.fields["evidence_checked"]))
        self.quote_model.insight_id = detail.id
        row = self.quote_view.currentIndex().row()
        self.quote_model.set_rows(list(detail.quotes))
        if self.quote_view.hasFocus() and detail.quotes:  # after Delete, the keyboard stays on the next quote
            self.quote_view.setCurrentIndex(self.quote_model.index(max(0, min(row, len(detail.quotes) - 1))))
        warning = insight_checks.quote_warning(len(detail.quotes)) or ""
        self.quote_warning.setText(warning)
        self.quote_warning.setVisible(bool(warning))
        self.remove_quote_button.setEnabled(bool(detail.quotes))
        self.update_goal_hint()

    def clear(self) -> None:
        self.insight_id = None
        self.quote_model.insight_id = None

    def update_goal_hint(self) -> None:
        hint = insight_checks.goal_hint(self.texts["statement"].toPlainText())
        self.goal_hint.setText(hint or "")
        self.goal_hint.setVisible(bool(hint))

    def flush(self) -> None:
        for edit in self.texts.values():
            edit.flush()

    # --- editing --------------------------------------------------------------------------------------------------
    def remove_selected_quote(self) -> None:
        index = self.quote_view.currentIndex()
        if self.insight_id is None or not index.isValid():
            return
        insight_id, quote_id, position = self.insight_id, str(index.data(ID_ROLE)), index.row()
        ops.run(
            self,
            self.session,
            "Take quote off insight",
            lambda s: insights.remove_quote(s, insight_id, quote_id),
            lambda s: insights.add_quote(s, insight_id, quote_id, position),
        )
