"""The projector view: the workshop's current step, full screen, in type large enough for the back of the room.

Steps: the insights with the tables' responses, the central list of goals, each goal's ideas (by theme), each
table's top three, the next steps, and the room's reflections. Arrow keys (or Page Up/Down, Space) move between
steps; Esc leaves. It follows the facilitator's edits live, so on a second screen it can stay up while they type.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.services import workshop_outcome
from peerdesk.services.changes import Changes
from peerdesk.services.workshop_outcome import NOTE_LABELS, RESPONSE_MARKS, Outcome
from peerdesk.ui.kit.session import ReviewSession

BODY_SIZES = (30, 27, 24, 21, 18, 16, 14)
WATCHES = ("workshop_tables", "table_responses", "goals", "postits", "actions", "workshop_notes", "insights")
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
TOP_WORD = "three"
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)


@dataclass(frozen=True)
class Step:
    key: str  # stable across refreshes, so the view stays on its step while the facilitator edits
    title: str
    html: str


def steps(o: Outcome) -> list[Step]:
    e = escape
    out: list[Step] = []
    rows = []
    for insight in o.insights:
        tally = o.tally(insight.id)
        marks = "".join(
            f"<span style='color:{colour}'>&nbsp;&nbsp;{RESPONSE_MARKS[kind]}&nbsp;{len(tally[kind])}</span>"
            for kind, colour in (("agree", "#2d6a4f"), ("disagree", "#a4161a"), ("amend", "#8a5a00"))
            if o.tables
        )
        rows.append(f"<p><b>{insight.number}.</b> {e(insight.statement)}<span style='font-size:80%'>{marks}</span></p>")
    out.append(Step("insights", "The insights", "".join(rows) or "<p>No insights yet.</p>"))
    if o.goals:
        parts = []
        for goal in o.goals:
            of = next((i for i in o.insights if i.id == goal.insight_id), None)
            number = f"{of.number}" if of else "·"
            who = (
                f" <span style='color:#1d6fb8'>✔&nbsp;{e(o.table_name(goal.claimed_by))}</span>"
                if goal.claimed_by
                else ""
            )
            parts.append(f"<p><span style='color:#5b6570'>{number}</span>&nbsp;&nbsp;{e(goal.text)}{who}</p>")
        out.append(Step("goals", "Goals", "".join(parts)))
    out += _brainstorm_steps(o)
    for goal in o.goals:
        ideas = o.ideas.get(goal.id, [])
        if not ideas:
            continue
        who = f" ({o.table_name(goal.claimed_by)})" if goal.claimed_by else ""
        body = f"<p style='color:#5b6570'>{e(goal.text)}{e(who)}</p>"
        theme = None
        for idea in ideas:
            if idea.theme != theme:
                theme = idea.theme
                body += f"<p><b>{e(theme or 'Other ideas')}</b></p>"
            body += f"<p>&nbsp;&nbsp;• {e(idea.text)}</p>"
        out.append(Step(f"ideas:{goal.id}", "Ideas", body))
    for table in o.tables:
        chosen = o.claimed_goal(table.id)
        actions = o.actions.get(table.id, [])
        if not chosen and not actions:
            continue
        body = f"<p style='color:#5b6570'>Goal: {e(chosen.text)}</p>" if chosen else ""
        body += "".join(f"<p><b>{a.rank}.</b> {e(a.text)}</p>" for a in actions) or "<p>Actions to come.</p>"
        out.append(Step(f"table:{table.id}", f"{table.name}: top {TOP_WORD}", body))
    if o.notes.get("next_step"):
        items = "".join(f"<p>• {e(n.text)}</p>" for n in o.notes["next_step"])
        out.append(Step("next", NOTE_LABELS["next_step"], items))
    well, better = o.notes.get("went_well", []), o.notes.get("even_better_if", [])
    if well or better:
        cols = "".join(
            f"<td width='50%' valign='top'><p><b>{NOTE_LABELS[kind]}</b></p>"
            + "".join(f"<p>• {e(n.text)}</p>" for n in notes)
            + "</td>"
            for kind, notes in (("went_well", well), ("even_better_if", better))
        )
        out.append(Step("reflect", "How the day went", f"<table width='100%' cellspacing='12'><tr>{cols}</tr></table>"))
    return out


def _brainstorm_steps(o: Outcome) -> list[Step]:
    """Before the tables brainstorm (#20): the team's solution ideas from the buds, and the rules."""
    from peerdesk.services.solution_ideas import KIND, brainstorming_rules

    out = []
    ideas = o.notes.get(KIND, [])
    if ideas:
        body = "".join(f"<p>• {escape(n.text)}</p>" for n in ideas)
        out.append(Step("solutions", "Solution ideas from the team", body))
    rules = brainstorming_rules()
    out.append(
        Step("rules", rules.title, "".join(f"<p><b>{n}.</b> {escape(r)}</p>" for n, r in enumerate(rules.rules, 1)))
    )
    return out


class ProjectorView(QWidget):
    """A window of its own (full screen, on the projector's screen when there is one). Given the main window as
    ``parent``, it is that window's: it closes with it, and with its lock (``close_over_lock``)."""

    def __init__(self, session: ReviewSession, start: str = "insights", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setObjectName("projectorView")
        self.setWindowTitle("Workshop — projector view")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setStyleSheet(
            "QWidget#projectorView { background: #ffffff; }"
            "QLabel#projectorTitle { color: #1d3557; font-size: 44pt; font-weight: 600; }"
            "QLabel#projectorBody { color: #1b1f24; }"
            "QLabel#projectorFooter { color: #5b6570; font-size: 14pt; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(72, 48, 72, 32)
        self.title = _label("projectorTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a workshop table's name is in some titles, as typed
        layout.addWidget(self.title)
        layout.addSpacing(18)
        self.body = _label("projectorBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.body, 1)
        self.footer = _label("projectorFooter", wrap=False)
        layout.addWidget(self.footer)
        self.steps: list[Step] = []
        self.index = 0
        self._start = start
        session.changed.connect(self._changed)
        self.reload()

    # --- content -------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        key = self.steps[self.index].key if self.steps else self._start
        self.steps = steps(workshop_outcome.outcome(self.session.store))
        self.index = next((n for n, s in enumerate(self.steps) if s.key == key), min(self.index, len(self.steps) - 1))
        self.show_step()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHES):
            self.reload()

    def show_step(self) -> None:
        step = self.steps[self.index]
        self.title.setText(step.title)
        self.footer.setText(f"{self.index + 1} / {len(self.steps)}     ← → to move · Esc to leave")
        self.body.setText(step.html)
        self._fit_body()

    def _fit_body(self) -> None:
        """The largest type in which the step's text fits the screen."""
        width = max(200, self.width() - 144)
        height = max(100, self.height() - 48 - 32 - self.title.sizeHint().height() - 18 - 40)
        html = self.steps[self.index].html
        chosen = BODY_SIZES[-1]
        for size in BODY_SIZES:
            doc = QTextDocument()
            doc.setDefaultFont(self._font(size))
            doc.setHtml(html)
            doc.setTextWidth(width)
            if doc.size().height() <= height:
                chosen = size
                break
        # The app's style sheet sets every widget's size, and a style sheet beats setFont: set it the same way.
        self.body.setStyleSheet(f"QLabel#projectorBody {{ font-size: {chosen}pt; }}")
        self.body_size = chosen

    def _font(self, size: int) -> QFont:
        font = QFont(self.font())
        font.setPointSize(size)
        return font

    # --- showing and keys ----------------------------------------------------------------------------------------
    def present(self) -> None:
        """Full screen, on the second screen when there is one (the projector), else on this one."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setScreen(screens[-1])
            self.move(screens[-1].geometry().topLeft())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        self.show_step()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in NEXT_KEYS:
            self.go(self.index + 1)
        elif key in PREVIOUS_KEYS:
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.steps) - 1)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.steps:
            self._fit_body()


def _label(name: str, *, wrap: bool = True) -> QLabel:
    """One of the view's three texts, styled by its object name (the style sheet above)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label
