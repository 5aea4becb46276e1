"""Reading the documents received (#20): the chooser lists them, what can be done follows what is chosen; attach,
open from a private folder that goes away, reading notes as undo steps."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from peerdesk.services import documents, records
from peerdesk.store.models import Member, ReadingNote
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.documents import DocumentsBox
from tests.helpers.layout import tooltip_shown


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


@pytest.fixture
def box(qtbot: QtBot, session: ReviewSession) -> DocumentsBox:
    session.apply(lambda s: records.create(s, "documents", title="Threshold guidance")[1])
    widget = DocumentsBox(session)
    qtbot.addWidget(widget)
    return widget


def test_attach_open_and_remove(
    box: DocumentsBox, session: ReviewSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "runtime"))
    (tmp_path / "runtime").mkdir()
    assert box.chooser.currentText() == "Threshold guidance" and not box.open_button.isEnabled()
    source = tmp_path / "guidance.pdf"
    source.write_bytes(b"%PDF-1.4 guidance")
    assert box.attach(source)
    assert "guidance.pdf" in box.file_label.text() and box.open_button.isEnabled()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    path = box.open_file()
    assert path is not None and opened == [str(path)]
    assert path.read_bytes() == b"%PDF-1.4 guidance"
    assert path.parent.parent == tmp_path / "runtime"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    box.private.remove()
    assert not path.parent.exists()
    assert box.remove_file()
    assert documents.attachment(session.store, box.document_id) is None
    session.undo_stack.undo()
    assert documents.file_bytes(session.store, box.document_id)[1] == b"%PDF-1.4 guidance"
    session.undo_stack.undo()
    assert documents.attachment(session.store, box.document_id) is None


def test_my_reading_notes_save_and_undo(qtbot: QtBot, box: DocumentsBox, session: ReviewSession) -> None:
    qtbot.keyClicks(box.my_note, "Says little about children's views")
    box.my_note.flush()
    assert documents.my_note(session.store, box.document_id) == "Says little about children's views"
    session.undo_stack.undo()
    assert documents.my_note(session.store, box.document_id) == ""
    hints = [label.text() for label in box.findChildren(type(box.file_label)) if "Reading critically" in label.text()]
    assert hints and "Whose voices" in hints[0]


def test_a_colleagues_reading_notes_are_shown_as_they_wrote_them(box: DocumentsBox, session: ReviewSession) -> None:
    """A colleague's name and notes come in their bundle: markup in them is shown, never drawn."""
    name, text = "Sam <b>Okafor</b>", "<img src='file:///etc/passwd'> Thin on <i>outcomes</i> & impact.\nAsk why."
    with session.store.session() as s:  # as a merge writes them
        s.add(Member(id="colleague-1", name=name))
        s.add(ReadingNote(id="reading-1", author_id="colleague-1", document_id=box.document_id, text=text))
        s.commit()
    session.store.wrote()
    box.reload()
    shown = tooltip_shown(box.others.text())  # the label's rich text, as Qt lays it out
    assert f"{name}: {text}" in shown  # every character, the line break kept


def test_an_attached_files_name_is_shown_as_it_is(box: DocumentsBox, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    source = tmp_path / "<img src=x><b>minutes.pdf"  # a file name may hold no "/"
    source.write_bytes(b"%PDF-1.4 minutes")
    assert box.attach(source)
    assert box.file_label.text().startswith("<img src=x><b>minutes.pdf (")
    assert box.file_label.textFormat() == Qt.TextFormat.PlainText
