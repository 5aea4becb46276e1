"""File ▸ Build presentation…: choose where and with which template, settle flagged quotes, build in the background."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from peerdesk import files
from peerdesk.errors import PeerdeskError
from peerdesk.export import confidentiality, presentation
from peerdesk.export.content import Deck, UndecidedQuotes
from peerdesk.services import review as review_service
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.file_fields import PathField, SaveFileDialog
from peerdesk.ui.kit.plain import plain_label, plain_tip
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import wrapped_label
from peerdesk.ui.kit.worker import Progress, run_task

KEEP, LEAVE_OUT = "keep", "exclude"


def suggested_name(authority: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", authority).strip() or "Peer challenge"
    return f"{stem} peer challenge.pptx"


class BuildDialog(SaveFileDialog):
    """Where to save, and which template: peerdesk's own or the authority's branded .pptx."""

    def __init__(
        self, parent: QWidget | None, suggested: Path, report: list[presentation.Finding] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Build presentation")
        self.setObjectName("buildPresentationDialog")
        form = QFormLayout(self)
        self.report = QLabel(preflight_text(report or []))
        self.report.setObjectName("preflightReport")
        self.report.setWordWrap(True)
        self.report.setVisible(bool(report))
        form.addRow(self.report)
        self.out_field = PathField(str(suggested), caption="Save the presentation as", saving=True)
        self.out = self.out_field.edit
        self.out.setObjectName("presentationPath")
        form.addRow("Save as", self.out_field)
        self.ours = QRadioButton("peerdesk's template (16:9, high contrast)")
        self.theirs = QRadioButton("Our own template:")
        self.ours.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.ours)
        group.addButton(self.theirs)
        self.template_field = PathField("", caption="Choose a template", saving=False)
        self.template = self.template_field.edit
        self.template.setPlaceholderText("a .pptx with your authority's branding")
        self.template.textEdited.connect(lambda _t: self.theirs.setChecked(True))
        row2 = QHBoxLayout()
        row2.addWidget(self.theirs)
        row2.addWidget(self.template_field, 1)
        form.addRow("Template", self.ours)
        form.addRow("", row2)
        self.template_report = plain_label()  # the template's own words (its layouts' names), as they are
        self.template_report.setObjectName("templateReport")
        self.template_report.setWordWrap(True)
        self.template_report.setVisible(False)
        form.addRow("", self.template_report)
        self._checked: tuple[Path, float] | None = None
        self.template.textChanged.connect(lambda _t: self.check_template())
        self.theirs.toggled.connect(lambda _on: self.check_template())
        self.handout = QCheckBox("Add the workshop handout (agree ✓ / disagree ✗ / amend)")
        self.handout.setChecked(True)
        form.addRow("", self.handout)
        self.finish_form(form, self.out_field, "Build")
        self.resize(640, self.sizeHint().height())

    def check_template(self) -> None:
        """The pre-flight for the chosen template: what it lacks and what will be derived or replaced."""
        path = self.template_path
        try:
            key = (path, path.stat().st_mtime) if path is not None and path.is_file() else None
        except (OSError, ValueError):  # a path being typed may be no path at all (too long, a folder closed)
            key = None
        if path is None or key is None:
            self._checked = None
            self.template_report.setVisible(False)
            return
        if key == self._checked:
            return
        self._checked = key
        self.template_report.setText(template_text(path))
        self.template_report.setVisible(True)

    def choice_problem(self) -> str:
        if self.theirs.isChecked() and not files.is_file_here(self.template_field.path):
            return "Choose your template file, or use peerdesk's."
        return ""

    @property
    def template_path(self) -> Path | None:
        return self.template_field.path if self.theirs.isChecked() else None


def preflight_text(report: list[presentation.Finding]) -> str:
    """The pre-flight report as the dialog shows it: one line per finding, the ones to decide first."""
    if not report:
        return ""
    ordered = sorted(report, key=lambda f: not f.blocking)
    return "Before you build:\n" + "\n".join(
        f"• {f.message}" + (" (asked next)" if f.blocking else "") for f in ordered
    )


def template_text(path: Path) -> str:
    """What building in the template at ``path`` will derive or replace, as the Build dialog shows it."""
    # python-pptx and lxml cost a third of a second to import: loaded only once a template is chosen.
    from peerdesk.export import pptx as pptx_export

    try:
        findings = pptx_export.template_findings(path)
    except PeerdeskError as exc:
        return f"⚠ {exc}"
    if not findings:
        return "Your template has every layout the deck needs, and its colours read well: used as it is."
    return "Your template:\n" + "\n".join(f"• {line}" for line in findings)


class FlaggedQuotesDialog(QDialog):
    """The confidentiality check's findings: each flagged quote needs keep or leave out before the build."""

    def __init__(self, parent: QWidget | None, quotes: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check these quotes first")
        self.setObjectName("flaggedQuotesDialog")
        layout = QVBoxLayout(self)
        intro = wrapped_label(
            "The confidentiality check flagged these quotes: they may identify someone. Decide for each whether "
            "it may go into the presentation. Your decision is saved with the quote (and can be undone)."
        )
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        rows = QFormLayout(body)
        self.choices: dict[str, QComboBox] = {}
        for qid, text in quotes:
            label = plain_label(f"“{text}”")
            label.setWordWrap(True)
            combo = QComboBox()
            combo.addItem("Decide…", "")
            combo.addItem("Keep it in", KEEP)
            combo.addItem("Leave it out", LEAVE_OUT)
            combo.currentIndexChanged.connect(self._update)
            combo.setAccessibleName(f"Decision for the quote {text[:40]}")
            self.choices[qid] = combo
            rows.addRow(label, combo)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton("Save decisions and build", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(680, 420)

    def _update(self) -> None:
        self.ok.setEnabled(all(c.currentData() for c in self.choices.values()))

    def decisions(self) -> dict[str, str]:
        return {qid: str(c.currentData()) for qid, c in self.choices.items()}


def record_decisions(session: ReviewSession, decisions: dict[str, str]) -> None:
    stack = session.undo_stack
    stack.beginMacro("Confidentiality decisions")
    for qid, decision in decisions.items():
        ops.set_fields(None, session, "quotes", qid, {"guard_decision": decision}, "Decide on a flagged quote")
    stack.endMacro()


def prepare_deck(parent: QWidget, session: ReviewSession) -> Deck | None:
    """The deck's content, after asking about flagged quotes; None if the user stopped."""
    try:
        return session.call(presentation.prepare)
    except UndecidedQuotes as exc:
        flagged = list(exc.quote_ids)
        pending = session.call(lambda s: confidentiality.undecided(s, flagged))
        dialog = FlaggedQuotesDialog(parent, pending)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        record_decisions(session, dialog.decisions())
        return session.call(presentation.prepare)


def build_presentation(window: QMainWindow, session: ReviewSession) -> None:
    flush = getattr(window, "flush_edits", None)
    if callable(flush):
        flush()
    authority = session.call(review_service.summary).authority
    folder = Path.home() / "Documents"
    suggested = (folder if folder.is_dir() else Path.home()) / suggested_name(authority)
    try:
        report = session.call(presentation.preflight)
    except Exception as exc:  # shown through the one message channel
        messages.error(window, "Build presentation", exc)
        return
    dialog = BuildDialog(window, suggested, report)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    out, template, handout = dialog.output_path, dialog.template_path, dialog.handout.isChecked()
    try:
        deck = prepare_deck(window, session)
    except Exception as exc:  # shown through the one message channel
        messages.error(window, "Build presentation", exc)
        return
    if deck is None:
        return

    # python-pptx and lxml cost a third of a second to import: loaded when a deck is built, not at start-up.
    from peerdesk.export import pptx as pptx_export

    def work(progress: Progress) -> Path:
        return pptx_export.build(deck, out, template=template, handout=handout, progress=progress)

    def done(result: Any) -> None:
        offer_folder(window, Path(result))

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, pptx_export.BuildCancelled):
            messages.error(window, "Build presentation", exc)

    run_task(window, "Building the presentation…", work, done, failed)


def offer_folder(parent: QWidget, path: Path) -> QPushButton | None:
    """Say where the presentation went, in the status bar, with an "Open folder" button beside it: no modal box
    takes the focus from what the user does next. Returns the button (None without a status bar)."""
    window = parent.window()
    if not isinstance(window, QMainWindow):
        return None
    bar = window.statusBar()
    for old in bar.findChildren(QPushButton, "openPresentationFolder"):
        bar.removeWidget(old)
        old.deleteLater()
    button = QPushButton("Open folder")
    button.setObjectName("openPresentationFolder")
    button.setToolTip(plain_tip(str(path.parent)))
    button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    bar.addWidget(button)
    bar.showMessage(f"Presentation saved as {path}")
    bar.messageChanged.connect(lambda text: _drop(bar, button) if not text else None)
    return button


def _drop(bar: QStatusBar, button: QPushButton) -> None:
    if button.parent() is not None:
        bar.removeWidget(button)
        button.deleteLater()
