"""The workshop's step 1: the tables, each table's response to each insight, and the new insights they offer.

The responses are typed into a grid of insights × tables from the keyboard (A agree, D disagree, M amend, Delete
clears), and the cursor moves down the table's column: one table's sheet is read out top to bottom.
"""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import workshop, workshop_outcome
from peerdesk.services.workshop_outcome import Outcome
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.widgets import push_button
from peerdesk.ui.workshop.models import (
    ResponsesModel,
    TablesModel,
    TextListModel,
    new_insight_shown,
    new_insights_of,
)
from peerdesk.ui.workshop.step_kit import Recorder, fill_combo, hint, list_view, needs_choice, section

NEW_INSIGHT_PROMPT = "A new insight a table offers, then Enter"
NEW_INSIGHT_FIRST = "Add a table first (on the left)"
RESPONSE_KEYS = MappingProxyType(
    {Qt.Key.Key_A: "agree", Qt.Key.Key_D: "disagree", Qt.Key.Key_M: "amend", Qt.Key.Key_E: "amend"}
)
INSIGHT_COLUMN, TABLE_COLUMN, GRID_WIDTH = 200, 72, 480  # pixels: the response grid's readable minimum
WIDE_INSIGHT_COLUMN, WIDE_TABLE_COLUMN = 480, 150  # pixels: on a wide screen the tables' columns grow up to this


class ResponseGrid(QTableView):
    """Insights × tables. Keys: A agree, D disagree, M amend (asks for the wording), Delete clears; then down."""

    answered = Signal(QModelIndex, str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        index = self.currentIndex()
        if index.isValid() and index.column() > 0 and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if key in RESPONSE_KEYS:
                self.answered.emit(index, RESPONSE_KEYS[key])
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.answered.emit(index, "")
                return
        super().keyPressEvent(event)


class ResponsesStep(QSplitter):
    """The tables on the left; the response grid and the tables' new insights on the right."""

    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.recorder = recorder
        self.outcome = Outcome()
        self.addWidget(self._tables_side())
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(section("Each table's response to each insight"))
        lay.addWidget(hint("Pick a cell, then press A (agree), D (disagree) or M (amend), Delete to clear."))
        self.responses_model = ResponsesModel()
        self.grid = ResponseGrid()
        self.grid.setObjectName("responsesGrid")
        self.grid.setModel(self.responses_model)
        self.grid.setWordWrap(True)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setStretchLastSection(False)
        self.grid.answered.connect(self._answer_cell)
        self.grid.doubleClicked.connect(lambda index: self._answer_cell(index, "amend"))
        self.grid.setMinimumHeight(150)  # a few insights in view: the tab scrolls before the grid is squeezed
        lay.addWidget(self.grid, 3)
        self._new_insights(lay)
        self.addWidget(right)
        self.setStretchFactor(1, 4)
        self.setSizes([170, 900])

    def _tables_side(self) -> QWidget:
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(section("Tables"))
        self.tables_model = TablesModel(self.rename_table)
        self.tables_view = QListView()
        self.tables_view.setObjectName("workshopTables")
        self.tables_view.setModel(self.tables_model)
        self.tables_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # The buttons above the list, which stretches: on a laptop the step is short and "Add table", the first thing
        # to do on a new workshop, would otherwise sit below the fold of the scroll area.
        row = QHBoxLayout()
        row.addWidget(push_button("Add table", self._add_table_and_name_it))
        remove = push_button("Remove", self._remove_selected_table)
        row.addWidget(remove)
        lay.addLayout(row)
        ActsOnPicked([remove], [self.tables_view], "Pick the table to remove in the list first")
        lay.addWidget(self.tables_view, 1)
        lay.addWidget(hint("Double-click a table (or F2) to rename it."))
        return left

    def _new_insights(self, lay: QVBoxLayout) -> None:
        lay.addWidget(section("New insights from the tables"))
        add_row = QHBoxLayout()
        self.new_insight_table = QComboBox()
        self.new_insight_table.setAccessibleName("Table adding a new insight")
        # as wide as the longest table's name: it showed "Window" of "Window table"
        self.new_insight_table.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.new_insight_text = QLineEdit()
        self.new_insight_text.returnPressed.connect(self._add_new_insight_from_form)
        add_row.addWidget(self.new_insight_table)
        add_row.addWidget(self.new_insight_text, 1)
        lay.addLayout(add_row)
        self.new_insights_model = TextListModel(new_insights_of, self.edit_new_insight, new_insight_shown)
        self.new_insights_view = list_view(self.new_insights_model, "newInsights")
        self.new_insights_view.setMaximumHeight(110)
        lay.addWidget(self.new_insights_view)
        remove = push_button("Remove new insight", self._remove_selected_new_insight)
        lay.addWidget(remove, alignment=Qt.AlignmentFlag.AlignLeft)
        ActsOnPicked([remove], [self.new_insights_view], "Pick the new insight to remove in the list first")

    # --- tables --------------------------------------------------------------------------------------------------
    def add_table(self, name: str = "") -> str:
        return self.recorder.add(
            "Add table", lambda s, rid: workshop.add_table(s, name, table_id=rid), workshop.remove_table
        )

    def _add_table_and_name_it(self) -> None:
        """The button: the new table opens for its name, "Table N" selected, so the facilitator types it straight
        away (focus left on the button, a space typed in the name added another table)."""
        table_id = self.add_table()
        row = next((n for n, t in enumerate(self.tables_model.rows) if t.id == table_id), None)
        if row is not None:
            index = self.tables_model.index(row, 0)
            self.tables_view.setCurrentIndex(index)
            self.tables_view.setFocus()
            self.tables_view.edit(index)

    def rename_table(self, table_id: str, name: str) -> None:
        self.recorder.set_text("Rename table", workshop.rename_table, table_id, name, self.outcome.tables)

    def remove_table(self, table_id: str) -> None:
        self.recorder.remove("Remove table", workshop.remove_table, workshop.restore_table, table_id)

    def _remove_selected_table(self) -> None:
        index = self.tables_view.currentIndex()
        if index.isValid():
            self.remove_table(self.tables_model.rows[index.row()].id)

    # --- responses -------------------------------------------------------------------------------------------------
    def record_response(self, table_id: str, insight_id: str, answer: str, text: str = "") -> bool:
        store = self.recorder.session.store
        old_answer, old_text = workshop.response(store, table_id, insight_id)
        if (old_answer, old_text) == (answer, text.strip()):
            return False
        label = f"Response: {workshop_outcome.RESPONSE_LABELS[answer].lower()}" if answer else "Clear response"
        return self.recorder.edit(
            label,
            lambda s: workshop.set_response(s, table_id, insight_id, answer, text),
            lambda s: workshop.set_response(s, table_id, insight_id, old_answer, old_text),
        )

    def _answer_cell(self, index: QModelIndex, answer: str) -> None:
        cell = self.responses_model.cell(index)
        if cell is None:
            return
        table_id, insight_id = cell
        text = ""
        if answer == "amend":
            current, current_text = workshop.response(self.recorder.session.store, table_id, insight_id)
            statement = self.responses_model.outcome.insights[index.row()].statement
            answer_text = self._ask_amended(current_text if current == "amend" else statement)
            if answer_text is None:
                return
            text = answer_text
        row, column = index.row(), index.column()
        if self.record_response(table_id, insight_id, answer, text):
            # On to the next insight for the same table: one table's sheet is read out top to bottom.
            target = self.responses_model.index(min(row + 1, self.responses_model.rowCount() - 1), column)
            self.grid.setCurrentIndex(target)

    def _ask_amended(self, start: str) -> str | None:
        """The table's wording, or None if cancelled. Qt's own multi-line dialog was 280 pixels wide and did not
        wrap: the insight stood on one line behind a sideways scroll bar."""
        dialog = QInputDialog(self)
        dialog.setObjectName("amendedInsight")
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setWindowTitle("Amended insight")
        dialog.setLabelText("How the table would put it:")
        dialog.setTextValue(start)
        editor = dialog.findChild(QPlainTextEdit)
        if editor is not None:
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        dialog.resize(560, 260)
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # --- new insights ----------------------------------------------------------------------------------------------
    def add_new_insight(self, table_id: str, text: str) -> str:
        return self.recorder.add(
            "Add new insight",
            lambda s, rid: workshop.add_new_insight(s, table_id, text, record_id=rid),
            workshop.remove_new_insight,
        )

    def edit_new_insight(self, record_id: str, text: str) -> None:
        rows = self.outcome.new_insights
        self.recorder.set_text("Edit new insight", workshop.edit_new_insight, record_id, text, rows)

    def _add_new_insight_from_form(self) -> None:
        table_id = self.new_insight_table.currentData()
        if table_id and self.add_new_insight(table_id, self.new_insight_text.text()):
            self.new_insight_text.clear()

    def _remove_selected_new_insight(self) -> None:
        index = self.new_insights_view.currentIndex()
        if not index.isValid():
            return
        record_id = self.new_insights_model.record_id(index.row())
        row = next(r for r in self.outcome.new_insights if r.id == record_id)
        self.recorder.edit(
            "Remove new insight",
            lambda s: workshop.remove_new_insight(s, record_id),
            lambda s: workshop.add_new_insight(s, row.table_id, row.text, record_id=record_id)[1],
        )

    # --- showing ---------------------------------------------------------------------------------------------------
    def fill(self, o: Outcome) -> None:
        """Show ``o``, the grid's cursor staying on the cell it was on."""
        self.outcome = o
        current = self.grid.currentIndex()
        row, column = current.row(), current.column()
        self.tables_model.set_outcome(o)
        self.responses_model.set_outcome(o)
        if 0 <= row < self.responses_model.rowCount() and 0 <= column < self.responses_model.columnCount():
            self.grid.selectionModel().setCurrentIndex(
                self.responses_model.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._size_grid()
        self.new_insights_model.set_outcome(o)
        fill_combo(self.new_insight_table, [(t.name, t.id) for t in o.tables])
        needs_choice(self.new_insight_table, self.new_insight_text, NEW_INSIGHT_PROMPT, NEW_INSIGHT_FIRST)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_grid()

    def _size_grid(self) -> None:
        """Each table's column as wide as its name, wider when the screen has room (an amended wording reads on
        two lines, not six); the insights take the rest, never less than a readable column (past that, on a laptop
        with many tables, the grid scrolls sideways, as grids do)."""
        header = self.grid.horizontalHeader()
        if self.responses_model.columnCount():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        count = self.responses_model.columnCount() - 1
        roomy = (self.grid.viewport().width() - WIDE_INSIGHT_COLUMN) // max(1, count)
        tables = 0
        for c in range(1, count + 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            name = str(self.responses_model.headerData(c, Qt.Orientation.Horizontal))
            fit = max(TABLE_COLUMN, header.fontMetrics().horizontalAdvance(name) + 28)
            self.grid.setColumnWidth(c, max(fit, min(roomy, WIDE_TABLE_COLUMN)))
            tables += self.grid.columnWidth(c)
        frame = self.grid.verticalHeader().sizeHint().width() + self.grid.verticalScrollBar().sizeHint().width() + 4
        self.grid.setMinimumWidth(min(INSIGHT_COLUMN + tables + frame, GRID_WIDTH))
        self.grid.resizeRowsToContents()
