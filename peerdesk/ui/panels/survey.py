"""The optional leadership-of-change survey: its items (typed or imported), the responses, the chart by team."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import survey
from peerdesk.services.changes import Changes
from peerdesk.ui import messages
from peerdesk.ui.panels.base import Panel
from peerdesk.ui.record_model import Column, RecordTableModel
from peerdesk.ui.session import ReviewSession
from peerdesk.ui.survey_chart import SurveyChart, chart_png
from peerdesk.ui.undo import DeleteRecord
from peerdesk.ui.worker import run_task
from peerdesk.ui.workshop_undo import AddCommand, DoneCommand


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
        hint = QLabel(
            f"Optional. Each item is a pair of opposite statements; respondents score from {survey.LOW:g} (the left "
            f"statement) to {survey.HIGH:g} (the right). Import the responses as CSV: a “team” column, then one "
            "column per item in this order."
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        split = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(split, 1)

        items = QWidget()
        lay = QVBoxLayout(items)
        lay.setContentsMargins(0, 0, 0, 0)
        self.items_model = RecordTableModel(
            session,
            "survey_items",
            [Column("left_text", "Left statement"), Column("right_text", "Right statement")],
            order_by="position",
            noun="survey item",
        )
        self.items_view = QTableView()
        self.items_view.setObjectName("surveyItems")
        self.items_view.setModel(self.items_model)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setWordWrap(True)
        self.items_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.items_view, 1)
        row = QHBoxLayout()
        buttons: list[tuple[str, Callable[[], None]]] = [
            ("Add item", self.add_item),
            ("Remove item", self._remove_selected),
            ("Import items…", self.choose_items),
            ("Import responses…", self.choose_responses),
            ("Save chart as image…", self.choose_image),
        ]
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        split.addWidget(items)

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

    def add_item(self) -> None:
        try:
            command = AddCommand.done(
                self.session,
                "Add survey item",
                lambda s, rid: survey.add_item(s, "Left statement", "Right statement", item_id=rid),
                lambda s, rid: survey.remove_item(s, rid),
            )
        except PeerdeskError as exc:
            messages.error(self, "Add survey item", exc)
            return
        self.session.undo_stack.push(command)

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.items_view.selectionModel().selectedRows()}, reverse=True)
        if not rows:
            return
        self.session.undo_stack.beginMacro("Remove survey item")
        for row in rows:
            self.session.undo_stack.push(
                DeleteRecord(self.session, "survey_items", self.items_model.record_id(row), "Remove survey item")
            )
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
        read = survey.import_items if table == "survey_items" else survey.import_responses
        label = "Import survey items" if table == "survey_items" else "Import survey responses"

        def work(progress: Callable[[int, int, str], bool]) -> survey.Imported:
            progress(0, 0, f"Reading {path.name}…")
            return read(store, path)

        def done(result: survey.Imported) -> None:
            added, replaced = result.added, result.replaced
            self.session.undo_stack.push(
                DoneCommand(
                    self.session,
                    label,
                    result.changes,
                    lambda s: survey.show_only(s, table, added, replaced),
                    lambda s: survey.show_only(s, table, replaced, added),
                )
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
            path.write_bytes(chart_png(survey.results(self.session.store)))
        except OSError as exc:
            messages.error(self, "Save chart", PeerdeskError(f"Could not write {path}: {exc.strerror or exc}."))

    def refresh(self, changes: Changes) -> None:
        results = survey.results(self.session.store)
        self.chart.set_results(results)
        self.items_view.resizeRowsToContents()
        if results.respondents:
            self.status.setText(
                f"{results.respondents} respondents in {len(results.teams)} teams · {len(results.items)} items"
            )
        else:
            self.status.setText(f"{len(results.items)} items · no responses imported yet")
