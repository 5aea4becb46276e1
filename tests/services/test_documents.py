"""Documents read in advance (#20): the file kept encrypted in the review with a size cap, one reading note per
reviewer, critical-reading prompts, and everything gone after the purge."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import documents, records, retention
from peerdesk.store.engine import Store
from peerdesk.store.models import Member
from peerdesk.store.uow import UnitOfWork
from tests.helpers.pages import decrypt_pages

SECRET = b"%PDF-1.4 Early help strategy: a sentence nobody outside the team may read"


@pytest.fixture
def document(store: Store) -> str:
    document_id, _ = records.create(store, "documents", title="Early help strategy", kind="strategy")
    return document_id


def test_a_file_is_kept_inside_the_encrypted_review(store: Store, document: str, tmp_path: Path) -> None:
    source = tmp_path / "strategy.pdf"
    source.write_bytes(SECRET)
    documents.attach(store, document, source)
    source.unlink()
    found = documents.attachment(store, document)
    assert found is not None and (found.name, found.size) == ("strategy.pdf", len(SECRET))
    assert documents.file_bytes(store, document) == ("strategy.pdf", SECRET)
    assert SECRET not in store.path.read_bytes()  # on disk only encrypted


def test_the_size_cap_is_checked_before_reading(
    store: Store, document: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(UserError, match="at most"):
        documents.attach(store, document, big)
    assert documents.attachment(store, document) is None
    with pytest.raises(UserError, match="Could not read"):
        documents.attach(store, document, tmp_path / "missing.pdf")


def test_each_reviewer_keeps_their_own_reading_note(store: Store, document: str) -> None:
    documents.set_my_note(store, document, "Written for inspectors more than for families.")
    with UnitOfWork(store) as uow:  # a colleague's note, as a bundle would bring it
        colleague = uow.add(Member, name="Sam Okafor")
        uow.commit()
    with UnitOfWork(store) as uow:
        from peerdesk.store.models import ReadingNote

        row = uow.add(
            ReadingNote, documents.note_id(document, colleague.id), document_id=document, text="No parents quoted."
        )
        row.author_id = colleague.id
        uow.commit()
    assert [(n.reviewer, n.text, n.mine) for n in documents.notes(store, document)] == [
        ("Alex Reviewer", "Written for inspectors more than for families.", True),
        ("Sam Okafor", "No parents quoted.", False),
    ]
    assert documents.my_note(store, document) == "Written for inspectors more than for families."
    assert any("leave out" in p or "leaves out" in p for p in documents.critical_prompts())


def test_the_purge_removes_documents_their_files_and_notes(
    store: Store, document: str, tmp_path: Path, passphrase: str
) -> None:
    source = tmp_path / "strategy.pdf"
    source.write_bytes(SECRET)
    documents.attach(store, document, source)
    documents.set_my_note(store, document, "A note to delete")
    report = retention.purge(store)
    assert report.counts["documents"] == 1 and report.counts["reading_notes"] == 1
    assert report.counts["document_files"] == 1
    assert documents.listed(store) == [] and documents.attachment(store, document) is None
    path = store.path
    store.close()
    assert not any(SECRET[:40] in page for page in decrypt_pages(path, passphrase))
