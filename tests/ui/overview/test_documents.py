"""Reading the documents received: the chooser lists them, and what can be done follows what is chosen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import documents, records
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.documents import DocumentsBox


def test_without_documents_nothing_can_be_attached(qtbot: QtBot, session: ReviewSession) -> None:
    box = DocumentsBox(session)
    qtbot.addWidget(box)
    assert box.document_id == "" and box.chooser.count() == 0
    assert not box.attach_button.isEnabled() and not box.open_button.isEnabled()
    assert box.file_label.text() == "Add a document above first."


def test_a_new_document_is_listed_with_no_file_yet_and_prompts_for_critical_reading(
    qtbot: QtBot, session: ReviewSession
) -> None:
    box = DocumentsBox(session)
    qtbot.addWidget(box)
    document_id, changes = records.create(session.store, "documents", title="Self-assessment 2026")
    session.notify(changes)
    assert box.chooser.currentText() == "Self-assessment 2026" and box.document_id == document_id
    assert box.attach_button.isEnabled() and not box.remove_button.isEnabled()
    assert box.file_label.text() == "No file attached."
    assert documents.critical_prompts()[0] in " ".join(
        w.text() for w in box.findChildren(type(box.file_label)) if w.text()
    )
