"""The optional leadership-of-change survey: its items (typed or imported), the responses, the chart by team."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import UserError
from peerdesk.files import write_private
from peerdesk.services import survey, survey_csv
from peerdesk.services.changes import Changes
from peerdesk.services.plural import count
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.dialogs import FIT, STRETCH, table_view
from peerdesk.ui.kit.flow import FlowLayout
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.record_model import Column, RecordTableModel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button
from peerdesk.ui.kit.worker import run_task
from peerdesk.ui.workshop.survey_chart import SurveyChart, chart_png

SCALE_FIELDS = ("scale_low", "scale_high")


class SurveyItemsModel(RecordTableModel):
    """The items with their statements and each one's scale; a scale edit goes through the survey service.

    The generic field edit would store any pair of numbers; the service refuses a scale that is no scale (or that
    imported scores fall outside), and the refusal is shown before anything reaches the undo stack.
    """

    def __init__(self, session: ReviewSession, parent_widget: QWidget) -> None:
        columns = [
            Column("left_text", "Left statement"),
            Column("right_text", "Right statement"),
            Column("scale_low", "From"),
            Column("scale_high", "To"),
        ]
        super().__init__(session, "survey_items", columns, order_by="position", noun="survey item")
        self.parent_widget = parent_widget

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or self.columns[index.column()].field not in SCALE_FIELDS:
            return super().setData(index, value, role)
        if role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        old: survey.Scale = (row["scale_low"], row["scale_high"])
        new = (value, old[1]) if self.columns[index.column()].field == "scale_low" else (old[0], value)
        if new == old:
            return False
        item_id = str(row["id"])
        return ops.run(
            self.parent_widget,
            self.session,
            "Edit survey item scale",
            lambda s: survey.set_scales(s, {item_id: new}),
            lambda s: survey.set_scales(s, {item_id: old}),
        )


class SurveyPanel(Panel):
    watches = ("survey_items", "survey_responses")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("surveyPanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        heading = QLabel("Leadership of change survey")
        heading.setObjectName("reviewHeading")
        outer.addWidget(heading)
        self.hint = QLabel("")
        self.hint.setObjectName("hintText")
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        outer.addLayout(self._scale_row())
        split = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(split, 1)

        items = QWidget()
        lay = QVBoxLayout(items)
        lay.setContentsMargins(0, 0, 0, 0)
        self.items_model = SurveyItemsModel(session, self)
        columns = {2: FIT, 3: FIT}
        self.items_view = table_view(
            "surveyItems", self.items_model, default=STRETCH, columns=columns, row_numbers=True
        )
        lay.addWidget(self.items_view, 1)
        row = FlowLayout()  # two lines on a laptop rather than buttons cut at the work area's edge
        buttons: list[tuple[str, Callable[[], None]]] = [
            ("Add item", self.add_item),
            ("Remove item", self._remove_selected),
            ("Add the starter items", self.add_starter_items),
            ("Import items…", self.choose_items),
            ("Import responses…", self.choose_responses),
            ("Save chart as image…", self.choose_image),
        ]
        made = [push_button(text, slot) for text, slot in buttons]
        row.addWidgets(*made)
        lay.addLayout(row)
        split.addWidget(items)
        self.remove_item_button, self.save_chart_button = made[1], made[5]
        ActsOnPicked([self.remove_item_button], [self.items_view], "Pick the items to remove in the list first")

        chart_area = QWidget()
        lay = QVBoxLayout(chart_area)
        lay.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel("")
        self.status.setObjectName("hintText")
        lay.addWidget(self.status)
        self.chart = SurveyChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        lay.addWidget(scroll, 1)
        split.addWidget(chart_area)
        split.setSizes([260, 460])
        self.refresh(Changes.of("survey_items"))

    def _scale_row(self) -> FlowLayout:
        """Scale: from [low] to [high] [Apply to all items], and a word when the items differ.

        The scale itself stays on one line; the button and the word go under it when the work area is narrow."""
        scale = QWidget()
        row = QHBoxLayout(scale)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("&Scale: from")
        row.addWidget(caption)
        self.scale_low = QSpinBox()
        caption.setBuddy(self.scale_low)
        self.scale_low.setObjectName("surveyScaleLow")
        self.scale_low.setAccessibleName("Score meaning wholly the left statement")
        self.scale_low.setToolTip("The score that means wholly the left statement")
        self.scale_high = QSpinBox()
        self.scale_high.setObjectName("surveyScaleHigh")
        self.scale_high.setAccessibleName("Score meaning wholly the right statement")
        self.scale_high.setToolTip("The score that means wholly the right statement")
        # Wide enough for any scale the service accepts; it, not the spin boxes, says what a scale may be.
        for spin in (self.scale_low, self.scale_high):
            spin.setRange(-survey.SCORE_LIMIT, survey.SCORE_LIMIT)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("−1000") + 44)
        row.addWidget(self.scale_low)
        row.addWidget(QLabel("(left) to"))  # the hint above says it in full
        row.addWidget(self.scale_high)
        row.addWidget(QLabel("(right)"))
        self.apply_scale = QPushButton("Apply to all items")
        self.apply_scale.setObjectName("surveyApplyScale")
        self.apply_scale.clicked.connect(self.set_scale)
        self.scale_note = QLabel("")
        self.scale_note.setObjectName("hintText")
        flow = FlowLayout()
        flow.addWidgets(scale, self.apply_scale, self.scale_note)
        return flow

    def set_scale(self) -> None:
        """Score every item on the spin boxes' scale: one undo step that puts each item's old scale back."""
        low, high = self.scale_low.value(), self.scale_high.value()
        store = self.session.store
        old = survey.scales(store)
        if old and all(scale == (low, high) for scale in old.values()):
            return  # every item already uses it: no empty undo step
        if not ops.run(
            self,
            self.session,
            f"Set survey scale to {low}–{high}",
            lambda s: survey.set_scale(s, low, high),
            lambda s: survey.set_scales(s, old),
        ):
            self._show_scale(survey.items(store))  # the spin boxes go back to what the survey really uses

    def _show_scale(self, known: list[survey.Item]) -> None:
        common = survey.common_scale(known)
        if common is None and known:
            # Offer the scale most items use, so applying it is the likely fix.
            counts: dict[survey.Scale, int] = {}
            for item in known:
                counts[item.scale] = counts.get(item.scale, 0) + 1
            low, high = max(counts, key=lambda scale: counts[scale])
        else:
            low, high = common or survey.DEFAULT_SCALE
        self.scale_low.setValue(low)
        self.scale_high.setValue(high)
        self.apply_scale.setEnabled(bool(known))
        self.apply_scale.setToolTip("" if known else "Add or import the items first")
        self.scale_note.setText("Items use different scales (From and To below)" if common is None and known else "")
        for column in (2, 3):
            self.items_view.setColumnHidden(column, common is not None or not known)
        self.hint.setText(
            f"Optional. Each item is a pair of opposite statements; respondents score from {low} (wholly the left "
            f"statement) to {high} (wholly the right). Import the responses as CSV: a “team” column, then one "
            "column per item in this order."
            if common is not None or not known
            else "Optional. Each item is a pair of opposite statements, each scored on its own scale (From: wholly "
            "the left statement, To: wholly the right). Import the responses as CSV: a “team” column, then one "
            "column per item in this order."
        )

    def add_item(self) -> None:
        """A new pair at the end of the list, open for its left statement: it was added out of sight, with
        placeholder words, and nothing on screen changed but the count."""
        item_id = ops.run_create(
            self,
            self.session,
            "Add survey item",
            None,
            lambda s: survey.add_item(s, "Left statement", "Right statement"),
            restore=lambda s, rid: survey.add_item(s, "Left statement", "Right statement", item_id=rid)[1],
            remove=survey.remove_item,
        )
        row = self.items_model.row_of(item_id) if item_id else -1
        if row >= 0:
            index = self.items_model.index(row, 0)
            self.items_view.scrollTo(index)
            self.items_view.setCurrentIndex(index)
            self.items_view.setFocus()
            self.items_view.edit(index)

    def add_starter_items(self) -> None:
        """Our starter set of statement pairs (#20), as one undo step; pairs already in the survey are skipped."""
        from peerdesk.services import survey_starter
        from peerdesk.ui.kit import ops

        added: list[str] = []

        def do(store: Store) -> Changes:
            if added:  # redo brings back the very items the first run made
                return survey.show_only(store, "survey_items", added, [])
            result = survey_starter.add_starter_items(store)
            added.extend(result.added)
            return result.changes

        ops.run(
            self, self.session, "Add the starter items", do, lambda s: survey.show_only(s, "survey_items", [], added)
        )

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.items_view.selectionModel().selectedRows()}, reverse=True)
        if not rows:
            return
        self.session.undo_stack.beginMacro("Remove survey item")
        for row in rows:
            ops.delete_record(self, self.session, "survey_items", self.items_model.record_id(row), "Remove survey item")
        self.session.undo_stack.endMacro()

    # --- imports (off the UI thread, then one undo step) -------------------------------------------------------
    def choose_items(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import survey items", "", "CSV (*.csv *.txt)")
        if path:
            self.import_file("survey_items", Path(path))

    def choose_responses(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import survey responses", "", "CSV (*.csv *.txt)")
        if path:
            self.import_file("survey_responses", Path(path))

    def import_file(self, table: str, path: Path, on_done: Callable[[survey.Imported], None] | None = None) -> None:
        store = self.session.store
        read = survey_csv.import_items if table == "survey_items" else survey_csv.import_responses
        label = "Import survey items" if table == "survey_items" else "Import survey responses"

        def work(progress: Callable[[int, int, str], bool]) -> survey.Imported:
            progress(0, 0, f"Reading {path.name}…")
            return read(store, path)

        def done(result: survey.Imported) -> None:
            added, replaced = result.added, result.replaced
            ops.record_done(
                self.session,
                label,
                result.changes,
                lambda s: survey.show_only(s, table, added, replaced),
                lambda s: survey.show_only(s, table, replaced, added),
            )
            if on_done:
                on_done(result)

        run_task(self, label, work, done, lambda exc: messages.error(self, label, exc))

    def choose_image(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the chart", "survey-by-team.png", "PNG image (*.png)")
        if path:
            self.save_image(Path(path))

    def save_image(self, path: Path) -> None:
        try:
            write_private(path, chart_png(survey.results(self.session.store)))
        except UserError as exc:
            messages.error(self, "Save chart", exc)
            return
        messages.info(self, "Save chart", f"saved to {path}")  # said: written without a word, it seemed not done

    def refresh(self, changes: Changes) -> None:
        results = survey.results(self.session.store)
        self._show_scale(results.items)
        self.chart.set_results(results)
        self.items_view.resizeRowsToContents()
        self.save_chart_button.setEnabled(bool(results.respondents))  # greyed out, saying why: it did nothing
        self.save_chart_button.setToolTip(
            "" if results.respondents else "Import the responses first: the chart shows them"
        )
        if results.respondents:
            self.status.setText(
                f"{count(results.respondents, 'respondent')} in {count(len(results.teams), 'team')} · "
                f"{count(len(results.items), 'item')}"
            )
        else:
            self.status.setText(f"{count(len(results.items), 'item')} · no responses imported yet")
