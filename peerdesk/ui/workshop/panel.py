"""The workshop tab: one facilitator records the afternoon live, step by step, mostly from the keyboard.

Steps follow the afternoon: 1 the tables' responses to the insights, 2 the central list of goals and who claimed
which, 3 each goal's ideas, 4 each table's top three actions, 5 the host director's next steps and the room's
reflections. Every edit is one undo step; refusals (a goal already taken) are explained and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import survey as survey_service
from peerdesk.services import wall, workshop, workshop_goals, workshop_outcome
from peerdesk.services.changes import Changes
from peerdesk.services.workshop_outcome import NOTE_KINDS, NOTE_LABELS, Outcome
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.flow import FlowLayout
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.worker import run_task
from peerdesk.ui.wall.widget import WallWidget
from peerdesk.ui.workshop.models import (
    GoalsModel,
    ResponsesModel,
    TablesModel,
    TextListModel,
    new_insight_shown,
    new_insights_of,
    notes_of,
)
from peerdesk.ui.workshop.top3 import TopThreeStep

INSIGHT_COLUMN, TABLE_COLUMN, GRID_WIDTH = 200, 72, 480  # pixels: the response grid's readable minimum
STEPS = ("1 · Responses", "2 · Goals", "3 · Ideas", "4 · Top 3", "5 · Next steps")
RESPONSE_KEYS = MappingProxyType(
    {Qt.Key.Key_A: "agree", Qt.Key.Key_D: "disagree", Qt.Key.Key_M: "amend", Qt.Key.Key_E: "amend"}
)


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


class WorkshopPanel(Panel):
    watches = ("workshop_tables", "table_responses", "goals", "postits", "actions", "workshop_notes", "insights")
    projector_requested = Signal()

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("workshopPanel")
        self.outcome = Outcome()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        bar = FlowLayout()  # the heading, the counts and three buttons wrap on a laptop instead of widening the tab
        heading = QLabel("Workshop")
        heading.setObjectName("reviewHeading")
        bar.addWidget(heading)
        self.counts = QLabel("")
        self.counts.setObjectName("hintText")
        self.counts.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.counts)
        self.projector_button = QPushButton("Projector view")
        self.projector_button.setToolTip("Show the current step full screen, in large type (F5). Esc leaves.")
        self.projector_button.clicked.connect(self.projector_requested.emit)
        self.export_button = QPushButton("Export slides…")
        self.export_button.clicked.connect(self.choose_export)
        self.summary_button = QPushButton("One-page summary…")
        self.summary_button.clicked.connect(self.choose_summary)
        for button in (self.projector_button, self.export_button, self.summary_button):
            bar.addWidget(button)
        outer.addLayout(bar)
        self.steps = QTabWidget()
        self.steps.setObjectName("workshopSteps")
        outer.addWidget(self.steps, 1)
        self.steps.addTab(self._build_responses(), STEPS[0])
        self.steps.addTab(self._build_goals(), STEPS[1])
        self.steps.addTab(self._build_ideas(), STEPS[2])
        self.top3 = TopThreeStep(session, self.edit)
        self.steps.addTab(self.top3, STEPS[3])
        self.steps.addTab(self._build_close(), STEPS[4])
        for n in range(len(STEPS)):
            shortcut = QShortcut(QKeySequence(f"Alt+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.steps.setCurrentIndex(n))
        self.refresh(Changes.of("workshop_tables"))

    # --- edits: each one an undo step, refused ones explained -----------------------------------------------
    def edit(self, label: str, do: Callable[[Store], Changes], undo: Callable[[Store], Changes]) -> bool:
        """Run ``do`` now; if it is accepted, push it as an undo step whose undo is ``undo``."""
        return ops.run(self, self.session, label, do, undo)

    def add(
        self,
        label: str,
        create: Callable[[Store, str | None], tuple[str, Changes]],
        remove: Callable[[Store, str], Changes],
    ) -> str:
        """Create a record as one undo step; redo recreates it with the same id. "" if it was refused."""
        record_id = ops.run_create(
            self,
            self.session,
            label,
            None,
            lambda s: create(s, None),
            restore=lambda s, rid: create(s, rid)[1],
            remove=remove,
        )
        return record_id or ""

    # --- step 1: tables and their responses ---------------------------------------------------------------
    def _build_responses(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(_section("Tables"))
        self.tables_model = TablesModel(self.rename_table)
        self.tables_view = QListView()
        self.tables_view.setObjectName("workshopTables")
        self.tables_view.setModel(self.tables_model)
        self.tables_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        lay.addWidget(self.tables_view, 1)
        row = QHBoxLayout()
        add = QPushButton("Add table")
        add.clicked.connect(lambda: self.add_table())
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove_selected_table)
        row.addWidget(add)
        row.addWidget(remove)
        lay.addLayout(row)
        hint = QLabel("Double-click a table (or F2) to rename it.")
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        page.addWidget(left)

        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(_section("Each table's response to each insight"))
        hint = QLabel("Pick a cell, then press A (agree), D (disagree) or M (amend), Delete to clear.")
        hint.setObjectName("hintText")
        hint.setWordWrap(True)  # two lines on a laptop rather than a wider tab
        lay.addWidget(hint)
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
        lay.addWidget(_section("New insights from the tables"))
        add_row = QHBoxLayout()
        self.new_insight_table = QComboBox()
        self.new_insight_table.setAccessibleName("Table adding a new insight")
        self.new_insight_text = QLineEdit()
        self.new_insight_text.setPlaceholderText("A new insight a table offers, then Enter")
        self.new_insight_text.returnPressed.connect(self._add_new_insight_from_form)
        add_row.addWidget(self.new_insight_table)
        add_row.addWidget(self.new_insight_text, 1)
        lay.addLayout(add_row)
        self.new_insights_model = TextListModel(new_insights_of, self.edit_new_insight, new_insight_shown)
        self.new_insights_view = _list_view(self.new_insights_model, "newInsights")
        self.new_insights_view.setMaximumHeight(110)
        lay.addWidget(self.new_insights_view)
        remove = QPushButton("Remove new insight")
        remove.clicked.connect(self._remove_selected_new_insight)
        lay.addWidget(remove, alignment=Qt.AlignmentFlag.AlignLeft)
        page.addWidget(right)
        page.setStretchFactor(1, 4)
        page.setSizes([170, 900])
        return page

    def add_table(self, name: str = "") -> str:
        return self.add(
            "Add table",
            lambda s, rid: workshop.add_table(s, name, table_id=rid),
            workshop.remove_table,
        )

    def rename_table(self, table_id: str, name: str) -> None:
        old = next(t.name for t in self.outcome.tables if t.id == table_id)
        self.edit(
            "Rename table",
            lambda s: workshop.rename_table(s, table_id, name),
            lambda s: workshop.rename_table(s, table_id, old),
        )

    def remove_table(self, table_id: str) -> None:
        self.edit(
            "Remove table", lambda s: workshop.remove_table(s, table_id), lambda s: workshop.restore_table(s, table_id)
        )

    def _remove_selected_table(self) -> None:
        index = self.tables_view.currentIndex()
        if index.isValid():
            self.remove_table(self.tables_model.rows[index.row()].id)

    def record_response(self, table_id: str, insight_id: str, answer: str, text: str = "") -> bool:
        old_answer, old_text = workshop.response(self.session.store, table_id, insight_id)
        if (old_answer, old_text) == (answer, text.strip()):
            return False
        label = f"Response: {workshop_outcome.RESPONSE_LABELS[answer].lower()}" if answer else "Clear response"
        return self.edit(
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
            current, current_text = workshop.response(self.session.store, table_id, insight_id)
            statement = self.responses_model.outcome.insights[index.row()].statement
            text, ok = QInputDialog.getMultiLineText(
                self,
                "Amended insight",
                "How the table would put it:",
                current_text if current == "amend" else statement,
            )
            if not ok:
                return
        row, column = index.row(), index.column()
        if self.record_response(table_id, insight_id, answer, text):
            # On to the next insight for the same table: one table's sheet is read out top to bottom.
            target = self.responses_model.index(min(row + 1, self.responses_model.rowCount() - 1), column)
            self.grid.setCurrentIndex(target)

    def add_new_insight(self, table_id: str, text: str) -> str:
        return self.add(
            "Add new insight",
            lambda s, rid: workshop.add_new_insight(s, table_id, text, record_id=rid),
            workshop.remove_new_insight,
        )

    def edit_new_insight(self, record_id: str, text: str) -> None:
        old = next(r.text for r in self.outcome.new_insights if r.id == record_id)
        self.edit(
            "Edit new insight",
            lambda s: workshop.edit_new_insight(s, record_id, text),
            lambda s: workshop.edit_new_insight(s, record_id, old),
        )

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
        self.edit(
            "Remove new insight",
            lambda s: workshop.remove_new_insight(s, record_id),
            lambda s: workshop.add_new_insight(s, row.table_id, row.text, record_id=record_id)[1],
        )

    # --- step 2: goals and claims -----------------------------------------------------------------------------
    def _build_goals(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(_section("The central list of goals"))
        form = QHBoxLayout()
        self.goal_insight = QComboBox()
        self.goal_insight.setAccessibleName("Insight the goal answers")
        self.goal_insight.setMaximumWidth(280)
        self.goal_text = QLineEdit()
        self.goal_text.setPlaceholderText("A goal a table proposes, then Enter")
        self.goal_text.returnPressed.connect(self._add_goal_from_form)
        form.addWidget(self.goal_insight)
        form.addWidget(self.goal_text, 1)
        lay.addLayout(form)
        self.goals_model = GoalsModel(self.edit_goal)
        self.goals_view = QTableView()
        self.goals_view.setObjectName("goalsView")
        self.goals_view.setModel(self.goals_model)
        self.goals_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.goals_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.goals_view.verticalHeader().hide()
        self.goals_view.setWordWrap(True)
        header = self.goals_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.goals_view, 1)
        claim_row = QHBoxLayout()
        claim_row.addWidget(QLabel("Chosen by"))
        self.claim_table = QComboBox()
        self.claim_table.setAccessibleName("Table choosing the selected goal")
        claim_row.addWidget(self.claim_table)
        claim = QPushButton("Claim goal")
        claim.setObjectName("primaryButton")
        claim.clicked.connect(self._claim_selected)
        release = QPushButton("Release")
        release.clicked.connect(self._release_selected)
        remove = QPushButton("Remove goal")
        remove.clicked.connect(self._remove_selected_goal)
        for b in (claim, release, remove):
            claim_row.addWidget(b)
        claim_row.addStretch(1)
        lay.addLayout(claim_row)
        hint = QLabel("Each table works on one goal, and no two tables on the same one.")
        hint.setObjectName("hintText")
        lay.addWidget(hint)
        return page

    def add_goal(self, insight_id: str, text: str) -> str:
        return self.add(
            "Add goal",
            lambda s, rid: workshop_goals.add_goal(s, insight_id, text, goal_id=rid),
            workshop_goals.remove_goal,
        )

    def edit_goal(self, goal_id: str, text: str) -> None:
        old = next(g.text for g in self.outcome.goals if g.id == goal_id)
        self.edit(
            "Edit goal",
            lambda s: workshop_goals.edit_goal(s, goal_id, text),
            lambda s: workshop_goals.edit_goal(s, goal_id, old),
        )

    def remove_goal(self, goal_id: str) -> None:
        self.edit(
            "Remove goal",
            lambda s: workshop_goals.remove_goal(s, goal_id),
            lambda s: workshop_goals.restore_goal(s, goal_id),
        )

    def claim(self, goal_id: str, table_id: str) -> bool:
        before = workshop_goals.claims(self.session.store)
        return self.edit(
            "Claim goal",
            lambda s: workshop_goals.claim_goal(s, goal_id, table_id),
            lambda s: workshop_goals.set_claims(s, before),
        )

    def release(self, goal_id: str) -> bool:
        before = workshop_goals.claims(self.session.store)
        return self.edit(
            "Release goal",
            lambda s: workshop_goals.release_goal(s, goal_id),
            lambda s: workshop_goals.set_claims(s, before),
        )

    def _selected_goal(self) -> str:
        index = self.goals_view.currentIndex()
        return self.goals_model.goal_id(index.row()) if index.isValid() else ""

    def _add_goal_from_form(self) -> None:
        insight_id = self.goal_insight.currentData()
        if insight_id is not None and self.add_goal(insight_id, self.goal_text.text()):
            self.goal_text.clear()

    def _claim_selected(self) -> None:
        goal_id, table_id = self._selected_goal(), self.claim_table.currentData()
        if goal_id and table_id:
            self.claim(goal_id, table_id)

    def _release_selected(self) -> None:
        if goal_id := self._selected_goal():
            self.release(goal_id)

    def _remove_selected_goal(self) -> None:
        if goal_id := self._selected_goal():
            self.remove_goal(goal_id)

    # --- step 3: ideas per goal ---------------------------------------------------------------------------------
    def _build_ideas(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(QLabel("Goal"))
        self.idea_goal = QComboBox()
        self.idea_goal.setAccessibleName("Goal whose ideas are shown")
        self.idea_goal.currentIndexChanged.connect(lambda _i: self._show_ideas())
        top.addWidget(self.idea_goal, 1)
        lay.addLayout(top)
        self.idea_text = QLineEdit()
        self.idea_text.setPlaceholderText("An idea from the table, then Enter (one post-it each)")
        self.idea_text.returnPressed.connect(self._add_idea_from_form)
        lay.addWidget(self.idea_text)
        # The post-it wall itself, showing the chosen goal's ideas: drag, group into themes, undo, export.
        self.board = WallWidget(self.session, goal_id=None)
        lay.addWidget(self.board, 1)
        row = QHBoxLayout()
        to_action = QPushButton("Make it a top action")
        to_action.setToolTip("Copy the selected idea into the table's first free top-3 place")
        to_action.clicked.connect(self._selected_idea_to_action)
        remove = QPushButton("Remove idea")
        remove.setToolTip("Remove the selected ideas (Delete); Undo brings them back")
        remove.clicked.connect(self.board.delete_selected)
        row.addWidget(to_action)
        row.addWidget(remove)
        row.addStretch(1)
        lay.addLayout(row)
        return page

    def add_idea(self, goal_id: str, text: str) -> str:
        """A new idea on ``goal_id``'s wall (shown there first), one undo step; "" if it was refused."""
        self.idea_goal.setCurrentIndex(self.idea_goal.findData(goal_id))
        return self.board.add_postit(wall.IDEA, text) or ""

    def _add_idea_from_form(self) -> None:
        goal_id = self.idea_goal.currentData()
        if goal_id and self.add_idea(goal_id, self.idea_text.text()):
            self.idea_text.clear()

    def _selected_idea_to_action(self) -> None:
        selected = self.board.scene.selected_postits()
        idea_id, goal_id = (selected[0] if len(selected) == 1 else ""), self.idea_goal.currentData()
        goal = self.outcome.goal(goal_id) if goal_id else None
        if goal is None:
            return
        if not idea_id:
            messages.info(self, "Make it a top action", "Select one idea on the wall first.")
            return
        if not goal.claimed_by:
            messages.info(self, "Make it a top action", "No table has claimed this goal yet: claim it in step 2.")
            return
        text = next(i.text for i in self.outcome.ideas.get(goal_id, []) if i.id == idea_id)
        current = workshop_goals.top_actions(self.session.store, goal.claimed_by)
        free = next((rank for rank, t in current.items() if not t), None)
        if free is None:
            messages.info(self, "Make it a top action", "That table already has three actions: clear one first.")
            return
        self.top3.set_top_action(goal.claimed_by, free, text)

    def _show_ideas(self) -> None:
        self.board.show_wall(self.idea_goal.currentData() or None)

    # --- step 5: next steps, went well, even better if -------------------------------------------------------
    def _build_close(self) -> QWidget:
        page = QWidget()
        lay = QHBoxLayout(page)
        self.note_models: dict[str, TextListModel] = {}
        self.note_views: dict[str, QListView] = {}
        self.note_inputs: dict[str, QLineEdit] = {}
        # Short: the three columns share a laptop's work area, and the headings already say what goes where.
        prompts = {
            "next_step": "A next step, then Enter",
            "went_well": "What went well, then Enter",
            "even_better_if": "Even better if…, then Enter",
        }
        for kind in NOTE_KINDS:
            column = QVBoxLayout()
            column.addWidget(_section(NOTE_LABELS[kind]))
            entry = QLineEdit()
            entry.setPlaceholderText(prompts[kind])
            entry.setObjectName(f"note-{kind}")
            entry.returnPressed.connect(lambda kind=kind, entry=entry: self._add_note_from_form(kind, entry))
            column.addWidget(entry)
            model = TextListModel(notes_of(kind), self.edit_note)
            view = _list_view(model, f"notes-{kind}")
            column.addWidget(view, 1)
            remove = QPushButton("Remove")
            remove.clicked.connect(lambda _c=False, kind=kind: self._remove_selected_note(kind))
            column.addWidget(remove, alignment=Qt.AlignmentFlag.AlignLeft)
            self.note_models[kind], self.note_views[kind], self.note_inputs[kind] = model, view, entry
            lay.addLayout(column, 1)
        return page

    def add_note(self, kind: str, text: str) -> str:
        return self.add(
            f"Add {NOTE_LABELS[kind].lower()}",
            lambda s, rid: workshop.add_note(s, kind, text, note_id=rid),
            workshop.remove_note,
        )

    def edit_note(self, note_id: str, text: str) -> None:
        old = next(n.text for notes in self.outcome.notes.values() for n in notes if n.id == note_id)
        self.edit(
            "Edit note", lambda s: workshop.edit_note(s, note_id, text), lambda s: workshop.edit_note(s, note_id, old)
        )

    def _add_note_from_form(self, kind: str, entry: QLineEdit) -> None:
        if self.add_note(kind, entry.text()):
            entry.clear()

    def _remove_selected_note(self, kind: str) -> None:
        index = self.note_views[kind].currentIndex()
        if not index.isValid():
            return
        note_id = self.note_models[kind].record_id(index.row())
        text = self.note_models[kind].rows[index.row()][1]
        self.edit(
            "Remove note",
            lambda s: workshop.remove_note(s, note_id),
            lambda s: workshop.add_note(s, kind, text, note_id=note_id)[1],
        )

    def projector_start(self) -> str:
        """The projector step that matches what the facilitator is looking at (see ``projector.steps`` keys)."""
        step = self.steps.currentIndex()
        if step == 2 and (goal_id := self.idea_goal.currentData()):
            return f"ideas:{goal_id}"
        if step == 3 and self.outcome.tables:
            focused = next(
                (tid for tid, edits in self.top3.edits.items() if any(e.hasFocus() for e in edits)),
                self.outcome.tables[0].id,
            )
            return f"table:{focused}"
        return ("insights", "goals", "goals", "goals", "next")[step]

    # --- showing ---------------------------------------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        self.outcome = workshop_outcome.outcome(self.session.store)
        o = self.outcome
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
        goal_row = self.goals_view.currentIndex().row()
        self.goals_model.set_outcome(o)
        if 0 <= goal_row < self.goals_model.rowCount():
            self.goals_view.selectRow(goal_row)
        self.goals_view.resizeRowsToContents()
        for model in self.note_models.values():
            model.set_outcome(o)
        tables = [(t.name, t.id) for t in o.tables]
        _fill_combo(self.new_insight_table, tables)
        _fill_combo(self.claim_table, tables)
        _fill_combo(self.goal_insight, [(f"{i.number}. {i.statement}", i.id) for i in o.insights] + [("Other", "")])
        _fill_combo(self.idea_goal, [(_goal_label(o, g), g.id) for g in o.goals])
        self._show_ideas()
        self.top3.fill(o)
        counts = workshop_outcome.summary_counts(self.session.store)
        self.counts.setText(
            f"{counts['tables']} tables · {counts['responses']} responses · {counts['goals']} goals "
            f"({counts['claimed']} claimed) · {counts['ideas']} ideas · {counts['actions']} top actions"
        )

    def _size_grid(self) -> None:
        """Each table's column as wide as its name; the insights take the rest, never less than a readable
        column (past that, on a laptop with many tables, the grid scrolls sideways, as grids do)."""
        header = self.grid.horizontalHeader()
        if self.responses_model.columnCount():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tables = 0
        for c in range(1, self.responses_model.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            name = str(self.responses_model.headerData(c, Qt.Orientation.Horizontal))
            self.grid.setColumnWidth(c, max(TABLE_COLUMN, header.fontMetrics().horizontalAdvance(name) + 28))
            tables += self.grid.columnWidth(c)
        frame = self.grid.verticalHeader().sizeHint().width() + self.grid.verticalScrollBar().sizeHint().width() + 4
        self.grid.setMinimumWidth(min(INSIGHT_COLUMN + tables + frame, GRID_WIDTH))
        self.grid.resizeRowsToContents()

    # --- exports -----------------------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        from peerdesk.services import review
        from peerdesk.ui.workshop.export_dialog import ExportSlidesDialog, default_paths

        out, presentation = default_paths(self.session.call(review.summary).authority)
        dialog = ExportSlidesDialog(self, out, presentation)
        if dialog.exec() == ExportSlidesDialog.DialogCode.Accepted:
            self.export_slides(dialog.output_path, dialog.append_path, template=dialog.template_path)

    def export_slides(
        self,
        out: Path,
        append_to: Path | None = None,
        on_done: Callable[[int], None] | None = None,
        *,
        template: Path | None = None,
    ) -> None:
        from peerdesk.export import content, workshop_pptx
        from peerdesk.services import review
        from peerdesk.ui.workshop.survey_chart import chart_png

        outcome = workshop_outcome.outcome(self.session.store)
        results = survey_service.results(self.session.store)
        image = chart_png(results) if results.respondents else None  # drawn here: QPainter lives on the UI thread
        summary = review.summary(self.session.store)
        heading, date = summary.title, content.format_dates(summary.visit_end, "")

        def work(progress: Callable[[int, int, str], bool]) -> int:
            progress(0, 0, "Writing the slides…")
            return workshop_pptx.export(
                outcome,
                out,
                append_to=append_to,
                survey=results if results.respondents else None,
                survey_image=image,
                heading=heading,
                date=date,
                template=template,
            )

        def done(added: int) -> None:
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(f"{added} workshop slides written to {out.name}", 6000)
            if on_done:
                on_done(added)

        run_task(self, "Exporting the workshop", work, done, lambda exc: messages.error(self, "Export slides", exc))

    def choose_summary(self) -> None:
        from peerdesk.ui.workshop.export_dialog import SummaryDialog, default_paths

        dialog = SummaryDialog(self, default_paths("")[0].parent)
        if dialog.exec() == SummaryDialog.DialogCode.Accepted:
            self.save_summary(dialog.output_path, full=dialog.full)

    def save_summary(self, out: Path, *, full: bool = False) -> None:
        from peerdesk.export import workshop_summary
        from peerdesk.services import review

        summary = review.summary(self.session.store)
        outcome = workshop_outcome.outcome(self.session.store)
        render = workshop_summary.render_full if full else workshop_summary.render
        try:
            if out.suffix.lower() == ".pdf":
                from peerdesk.ui.kit.print_pdf import html_to_pdf

                html_to_pdf(render(outcome, summary.title, summary.visit_end), out)
            else:
                workshop_summary.write(outcome, out, summary.title, summary.visit_end, full=full)
        except PeerdeskError as exc:
            messages.error(self, "One-page summary", exc)


def _goal_label(o: Outcome, goal: workshop_outcome.GoalRow) -> str:
    who = f"  — {o.table_name(goal.claimed_by)}" if goal.claimed_by else ""
    return f"{goal.text}{who}"


def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a combo's items, keeping the chosen one when it is still there."""
    items = [(text if len(text) <= 90 else text[:89] + "…", data) for text, data in items]
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == items:
        return
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        at = combo.findData(chosen)
        combo.setCurrentIndex(at if at >= 0 else 0)
    combo.currentIndexChanged.emit(combo.currentIndex())


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _list_view(model: TextListModel, name: str) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    return view
