"""File ▸ Export bundle…, Import bundle…, Team…, Conflicts…, and dropping a .pdbundle onto the window."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk import BUNDLE_SUFFIX
from peerdesk.services import guard, plural, team
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.dates import show_iso_date
from peerdesk.ui.kit.plain import plain_menu_text
from peerdesk.ui.kit.worker import Progress, run_task
from peerdesk.ui.shell.window import ShellWindow

if TYPE_CHECKING:
    # Bundles (their crypto, merge and sync) are loaded when first exported, imported or dropped: not at start.
    from peerdesk.services import sharing
    from peerdesk.ui.team.import_log import ImportLogDialog

WAITING = "Waiting for the first bundle from"  # the notice a member sees until a bundle brings the review
CLASHED = "clashed with another change"  # the notice after an import that kept conflicts, until none is open
REMOVED = "removed-from-team"  # the refusal of the lead's bundle made for the others once the lead removed me


def likely_bundle() -> Path:
    """Where the import dialog opens: on the newest bundle in Downloads or the home folder (the one that just
    arrived, usually), so Enter imports it; the folder itself when there is none."""
    folders = [f for f in (Path.home() / "Downloads", Path.home()) if f.is_dir()]
    found = [p for f in folders for p in f.glob(f"*{BUNDLE_SUFFIX}") if p.is_file()]
    if found:
        return max(found, key=lambda p: p.stat().st_mtime)
    return folders[0] if folders else Path.home()


class EmailDialog(QDialog):
    """After an export: where the file is, and two ways on — the folder, and an email with subject and body."""

    def __init__(self, report: sharing.ExportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("emailDialog")
        self.setWindowTitle("Bundle exported")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        who = escape(", ".join(report.recipients))  # colleagues' names, as their cards gave them
        title = QLabel(f"<b>{escape(report.path.name)}</b> is ready ({report.size / 1e6:.2f} MB). {report.sending}.")
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)  # a long file name wraps rather than being cut
        layout.addWidget(title)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never shorter than its wrapped text
        details = QLabel(
            f"Encrypted to: {who}.<br>It expires on {show_iso_date(report.expires)}, the review's retention date."
            "<br><br>Send it to the team by email. <b>An email link cannot attach files</b>: after writing the "
            "email, attach the file by hand (drag it from the folder into your message)."
        )
        details.setWordWrap(True)
        layout.addWidget(details)
        buttons = QDialogButtonBox()
        self.folder_button = buttons.addButton("Show in folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.email_button = buttons.addButton("Write an email…", QDialogButtonBox.ButtonRole.ActionRole)
        self.email_button.setObjectName("primaryButton")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.folder_button.clicked.connect(self.show_folder)
        self.email_button.clicked.connect(self.write_email)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        # Enter does what the blue button says (it went to "Show in folder", the first button, with the focus)
        self.email_button.setDefault(True)
        self.email_button.setFocus()

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.path.parent)))

    def mailto(self) -> QUrl:
        from peerdesk.services import sharing

        return QUrl(sharing.mailto(self.report), QUrl.ParsingMode.StrictMode)

    def write_email(self) -> None:
        QDesktopServices.openUrl(self.mailto())


class ExchangeActions(QObject):
    """Installs the sharing actions on a main window and runs them (long work through ``run_task``)."""

    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.last_dialog: QWidget | None = None
        self.import_log: ImportLogDialog | None = None
        # After an import: a button in the status bar opens what came in (no modal box that only says "done").
        self.changes_button = QPushButton("What came in…")
        self.changes_button.setObjectName("importLogButton")
        self.changes_button.setFlat(True)
        self.changes_button.setToolTip("What the bundles you imported changed")
        self.changes_button.clicked.connect(lambda: self.show_import_log())
        self.changes_button.hide()
        window.statusBar().addPermanentWidget(self.changes_button)
        self.action_export = QAction("&Export bundle…", window, shortcut=QKeySequence("Ctrl+Shift+E"))
        self.action_export.setStatusTip("Write your work to one encrypted file to email to the team")
        self.action_export.triggered.connect(lambda: self.export())
        self.action_export_all = QAction("Send ever&ything (for a new member or a lost email)…", window)
        self.action_export_all.setStatusTip("Write the whole review, not only what your colleagues may not have yet")
        self.action_export_all.triggered.connect(lambda: self.export(full=True))
        self.action_import = QAction("&Import bundle…", window, shortcut=QKeySequence("Ctrl+Shift+I"))
        self.action_import.setStatusTip("Merge a colleague's bundle into this review")
        self.action_import.triggered.connect(lambda: self.import_())
        self.action_team = QAction("&Team…", window, shortcut=QKeySequence("Ctrl+Shift+T"))
        self.action_team.triggered.connect(self.show_team)
        self.action_conflicts = QAction("Con&flicts…", window)
        self.action_conflicts.triggered.connect(self.show_conflicts)
        menu = window.file_menu
        actions = (self.action_export, self.action_export_all, self.action_import, self.action_team)
        for action in (*actions, self.action_conflicts):
            menu.insertAction(window.file_menu_tail, action)
        # A bundle dropped on the window is imported too: the window's own drop (``MainWindow.dropEvent``).

    def ask_about_flagged(self, texts: list[str]) -> str:
        """Undecided quotes the names guard flagged: "decide" first, "export" anyway, or "cancel"."""
        shown = "".join(f"<li>“{escape(t[:140])}{'…' if len(t) > 140 else ''}”</li>" for t in texts[:5])
        more = f"<p>…and {len(texts) - 5} more.</p>" if len(texts) > 5 else ""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Quotes that may identify someone")
        them = "it" if len(texts) == 1 else "them"
        box.setText(
            f"{plural.count(len(texts), 'quote')} may identify someone and the team has not decided about {them} "
            f"yet. The bundle goes only to the team, but each copy will hold {them} until the team decides."
        )
        box.setInformativeText(f"<ul>{shown}</ul>{more}")
        decide = box.addButton("Decide now…", QMessageBox.ButtonRole.AcceptRole)
        anyway = box.addButton("Export anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "decide" if clicked is decide else "export" if clicked is anyway else "cancel"

    # --- export ------------------------------------------------------------------------------------------------------
    def export(self, path: Path | None = None, *, full: bool = False) -> None:
        """Export what the team may lack (``full``: everything)."""
        from peerdesk.services import sharing

        self.window.flush_edits()
        if not self._has_recipients():
            return
        undecided = guard.undecided_quotes(self.session.store)
        if undecided:
            answer = self.ask_about_flagged([q.text for q in undecided])
            if answer == "decide":
                self.window.show_flagged_quotes()
                return
            if answer != "export":
                return
        if path is None:
            start = Path.home() / sharing.suggested_name(self.session.store)
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, "Export bundle", str(start), f"peerdesk bundles (*{BUNDLE_SUFFIX})"
            )
            if not chosen:
                return
            path = Path(chosen if chosen.endswith(BUNDLE_SUFFIX) else chosen + BUNDLE_SUFFIX)
        store, target = self.session.store, path

        def work(progress: Progress) -> sharing.ExportReport:
            return sharing.export_to(store, target, full=full, progress=progress)

        run_task(self.window, "Exporting a bundle…", work, self._exported, self._failed("Could not export"))

    def _has_recipients(self) -> bool:
        """Refuse before asking anything when nobody could open the bundle; offer Team, where that is fixed."""
        if any(m.verified and not m.is_me and not m.removed for m in team.members(self.session.store)):
            return True
        text = (
            "There is nobody to send a bundle to yet: add your colleagues' cards in Team first."
            if team.is_lead(self.session.store)
            else "There is nobody to send a bundle to yet: the lead's bundle brings the team to you."
        )
        if messages.confirm(self.window, "Nothing to export yet", text, yes="Open Team…"):
            self.show_team()
        return False

    def _exported(self, report: sharing.ExportReport) -> None:
        self.window.statusBar().showMessage(f"Exported {report.path.name}. {report.sending}.", 8000)
        dialog = EmailDialog(report, self.window)
        self.last_dialog = dialog
        dialog.open()

    # --- import ------------------------------------------------------------------------------------------------------
    def import_(self, path: Path | None = None) -> None:
        self.window.flush_edits()
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, "Import bundle", str(likely_bundle()), f"peerdesk bundles (*{BUNDLE_SUFFIX});;All (*)"
            )
            if not chosen:
                return
            path = Path(chosen)
        store, source = self.session.store, path
        from peerdesk.services import sharing

        def work(progress: Progress) -> sharing.ImportReport:
            return sharing.import_from(store, source, progress=progress)

        failed = self._failed("Could not import", about=f"{path.name} was not imported.")
        run_task(self.window, f"Importing {path.name}…", work, self._imported, failed)

    def await_first_bundle(self, lead: str) -> None:
        """Just joined: the review is still empty. Say what brings it, and offer the import, until it has come."""
        self.window.notices.show_notice(
            f"{WAITING} {lead}: it brings the review (the timetable, the questions, the team). When it arrives by "
            "email, import it here.",
            [("Im&port the bundle…", lambda: self.import_())],
        )

    def _imported(self, report: sharing.ImportReport) -> None:
        self.session.notify(report.changes)
        self.window.notices.dismiss_if(WAITING)
        self.window.statusBar().showMessage(f"Imported from {report.summary}", 30000)  # it counts the conflicts
        if report.conflicts:
            # A status message is gone in half a minute, and a clash means an edit of someone's is not showing:
            # said where it stays until answered, with the way to compare (no box: typing goes on).
            edits = "edit" if report.conflicts == 1 else "edits"
            self.window.notices.show_notice(
                # Not "with changes made here": a conflict found in another file travels too, and reaches a member
                # who changed nothing (a new member's first import said their changes clashed).
                f"{report.conflicts} {edits} in {report.sender}'s bundle {CLASHED} to the same "
                "text. The most recent of each is kept; the other is in Conflicts, to restore if it was the better "
                "one.",
                [("&Open Conflicts…", lambda: self.show_conflicts())],
            )
        elif CLASHED in self.window.notices.text() and self.window.notices.isVisible():
            from peerdesk.services import sharing

            if not sharing.conflicts(self.session.store):  # settled elsewhere, and this bundle said so
                self.window.notices.hide()
        self._log().add(report)
        self.changes_button.setText(plain_menu_text(f"What came in from {report.sender}…"))
        self.changes_button.show()

    def _log(self) -> ImportLogDialog:
        if self.import_log is None:
            from peerdesk.ui.team.import_log import ImportLogDialog

            self.import_log = ImportLogDialog(lambda: self.show_conflicts(), self.window)
        return self.import_log

    def show_import_log(self) -> None:
        log = self._log()
        log.show()
        log.raise_()

    def _failed(self, title: str, about: str = "") -> Any:
        def on_error(exc: BaseException) -> None:
            from peerdesk.exchange.transfer import Cancelled

            if isinstance(exc, Cancelled):
                return
            # Not an import that went wrong but news about the member: the box's title says it.
            removed = getattr(exc, "reason", "") == REMOVED
            messages.error(self.window, "You are no longer on the team" if removed else title, exc, about=about)

        return on_error

    # --- dialogs -----------------------------------------------------------------------------------------------------
    def show_team(self) -> None:
        from peerdesk.ui.team.dialog import TeamDialog

        dialog = TeamDialog(self.session, self.window)
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_conflicts(self) -> None:
        from peerdesk.ui.team.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.session, self.window)
        self.last_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
