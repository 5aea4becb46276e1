"""Reading the documents received in advance (overview): attach a document's file, open it, keep my reading notes,
see the others', with prompts for reading policy critically."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import documents
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.autosave_text import AutoSaveText
from peerdesk.ui.kit.plain import plain_label
from peerdesk.ui.kit.private_files import PrivateFolder
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button


class DocumentsBox(QGroupBox):
    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__("Reading the documents", parent)
        self.setObjectName("documentsReading")
        self.session = session
        self.private = PrivateFolder()
        # the opened copies go when the window goes or the app quits, whichever comes first
        self.destroyed.connect(lambda _o=None, folder=self.private: folder.remove())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.private.remove)
        layout = QVBoxLayout(self)
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Document")
        self.chooser.currentIndexChanged.connect(lambda _i: self.show_document())
        layout.addWidget(self.chooser)
        self.file_label = plain_label()  # the attached file's name, as it was
        self.file_label.setObjectName("hintText")
        layout.addWidget(self.file_label)
        row = QHBoxLayout()
        self.attach_button = push_button("Attach file…", self.choose_file)
        self.open_button = push_button("Open", self.open_file)
        self.remove_button = push_button("Remove file", self.remove_file)
        for button in (self.attach_button, self.open_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        self.my_note = AutoSaveText(self._save_note, "My reading notes on this document", 5, most=12)
        self.my_note.setObjectName("myReadingNote")
        layout.addWidget(QLabel("My reading notes"))
        layout.addWidget(self.my_note)
        self.others = QLabel()
        self.others.setTextFormat(Qt.TextFormat.RichText)  # the names in bold; what they wrote escaped
        self.others.setWordWrap(True)
        layout.addWidget(self.others)
        prompts = "".join(f"<li>{p}</li>" for p in documents.critical_prompts())
        hint = QLabel(f"<b>Reading critically</b><ul>{prompts}</ul>")
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        session.changed.connect(self._changed)
        self.reload()

    @property
    def document_id(self) -> str:
        return str(self.chooser.currentData() or "")

    def _changed(self, changes: Changes) -> None:
        if changes.touches("documents", "reading_notes", "members"):
            self.reload()

    def reload(self) -> None:
        chosen = self.document_id
        with QSignalBlocker(self.chooser):
            self.chooser.clear()
            for document_id, title in documents.listed(self.session.store):
                self.chooser.addItem(title, document_id)
            self.chooser.setCurrentIndex(max(0, self.chooser.findData(chosen)))
        self.show_document()

    def show_document(self) -> None:
        document_id = self.document_id
        for widget in (self.attach_button, self.my_note):
            widget.setEnabled(bool(document_id))
        found = documents.attachment(self.session.store, document_id) if document_id else None
        self.open_button.setEnabled(found is not None)
        self.remove_button.setEnabled(found is not None)
        if found is None:
            self.file_label.setText("No file attached." if document_id else "Add a document above first.")
        else:
            self.file_label.setText(f"{found.name} ({found.size / 1024:.0f} kB), kept encrypted in this review")
        self.my_note.set_value(documents.my_note(self.session.store, document_id) if document_id else "")
        others = [n for n in documents.notes(self.session.store, document_id) if not n.mine] if document_id else []
        # A colleague's name and words, merged from their bundle, are shown as written: never drawn as markup.
        self.others.setText(
            "".join(
                f"<p style='white-space:pre-wrap'><b>{escape(n.reviewer)}:</b> {escape(n.text)}</p>" for n in others
            )
        )

    def _save_note(self, text: str) -> None:
        document_id = self.document_id
        if not document_id:
            return
        old = documents.my_note(self.session.store, document_id)
        if text == old:
            return
        ops.run(
            self,
            self.session,
            "Edit reading notes",
            lambda s: documents.set_my_note(s, document_id, text),
            lambda s: documents.set_my_note(s, document_id, old),
        )

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach the document's file", str(Path.home()))
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> bool:
        document_id = self.document_id
        before = documents.attachment(self.session.store, document_id)
        old = documents.file_bytes(self.session.store, document_id) if before else None

        def undo(store: Store) -> Changes:
            if old is None:
                return documents.remove_file(store, document_id)
            return documents.put_file(store, document_id, *old)

        return ops.run(self, self.session, "Attach file", lambda s: documents.attach(s, document_id, path), undo)

    def remove_file(self) -> bool:
        document_id = self.document_id
        name, data = documents.file_bytes(self.session.store, document_id)
        return ops.run(
            self,
            self.session,
            "Remove file",
            lambda s: documents.remove_file(s, document_id),
            lambda s: documents.put_file(s, document_id, name, data),
        )

    def open_file(self) -> Path | None:
        """Open the file with the desktop's viewer from the private folder; returns where it was put."""
        try:
            name, data = documents.file_bytes(self.session.store, self.document_id)
            path = self.private.write(name, data)
        except (PeerdeskError, OSError) as exc:
            messages.error(self, "Open document", exc if isinstance(exc, PeerdeskError) else PeerdeskError(str(exc)))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path
