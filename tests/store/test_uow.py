"""The unit of work: all or nothing, and every write stamped with a version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from peerdesk.errors import NotFound, UserError
from peerdesk.store import rules, sqlcipher
from peerdesk.store.engine import Store
from peerdesk.store.models import CandidateArea, Note
from peerdesk.store.uow import TooManyRecords, UnitOfWork


def count_notes(store: Store) -> int:
    with UnitOfWork(store) as uow:
        return len(uow.query(Note))


def test_without_commit_nothing_is_written(store: Store) -> None:
    with UnitOfWork(store) as uow:
        uow.add(Note, body="left unsaved")
    assert count_notes(store) == 0


def test_an_error_rolls_back_everything(store: Store) -> None:
    with pytest.raises(RuntimeError), UnitOfWork(store) as uow:
        uow.add(Note, body="first")
        uow.add(Note, body="second")
        raise RuntimeError("boom")
    assert count_notes(store) == 0


def test_commit_writes_and_stamps_each_field(store: Store) -> None:
    with UnitOfWork(store) as uow:
        note = uow.add(Note, interview_id="i-1", body="hello")
        uow.commit()
    assert set(note.versions) == {"deleted", "interview_id", "body"}
    assert note.updated == max(note.versions.values())
    assert note.author_id == store.member_id


def test_only_changed_fields_get_new_versions(store: Store) -> None:
    with UnitOfWork(store) as uow:
        note = uow.add(Note, interview_id="i-1", body="hello")
        uow.commit()
    before = dict(note.versions)
    with UnitOfWork(store) as uow:
        row = uow.get(Note, note.id)
        assert uow.update(row, interview_id="i-1", body="hello again")
        assert not uow.update(row, body="hello again")
        uow.commit()
    assert row.versions["interview_id"] == before["interview_id"]
    assert row.versions["body"] > before["body"]


def read_note(store: Store, note_id: str) -> Note:
    with store.session() as s:
        row = s.get(Note, note_id)
        assert row is not None
        return row


def test_set_fields_writes_like_update_without_loading_the_record(store: Store) -> None:
    with UnitOfWork(store) as uow:
        note = uow.add(Note, interview_id="i-1", body="hello")
        uow.commit()
    with UnitOfWork(store) as uow:
        assert uow.set_fields(Note, note.id, {"interview_id": "i-1", "body": "hello again"})
        assert not uow.set_fields(Note, note.id, {"body": "hello again"})  # the same text: no new version
        uow.commit()
    row = read_note(store, note.id)
    assert row.body == "hello again" and set(row.versions) == {"deleted", "interview_id", "body"}
    assert row.versions["interview_id"] == note.versions["interview_id"]  # unchanged: its version kept
    assert row.versions["body"] > note.versions["body"]
    assert row.updated == max(row.versions.values())


def test_set_fields_refuses_a_deleted_record_and_a_value_the_rules_refuse(store: Store) -> None:
    with UnitOfWork(store) as uow:
        note = uow.add(Note, body="to go")
        uow.commit()
    with UnitOfWork(store) as uow:
        with pytest.raises(UserError, match="nothing was saved"):
            uow.set_fields(Note, note.id, {"body": "x" * 10_000_000})
        uow.delete(uow.get(Note, note.id))
        uow.commit()
    with UnitOfWork(store) as uow, pytest.raises(NotFound):
        uow.set_fields(Note, note.id, {"body": "back"})
    assert read_note(store, note.id).body == "to go"


def test_delete_is_a_versioned_tombstone_that_can_be_restored(store: Store) -> None:
    with UnitOfWork(store) as uow:
        note = uow.add(Note, body="to go")
        uow.commit()
    with UnitOfWork(store) as uow:
        uow.delete(uow.get(Note, note.id))
        uow.commit()
    assert count_notes(store) == 0
    with UnitOfWork(store) as uow:
        row = uow.get(Note, note.id, include_deleted=True)
        assert row.deleted and row.versions["deleted"] > note.versions["deleted"]
        uow.restore(row)
        uow.commit()
    assert count_notes(store) == 1


def test_the_clock_survives_reopening(store: Store, passphrase: str) -> None:
    with UnitOfWork(store) as uow:
        first = uow.add(Note, body="one")
        uow.commit()
    path = store.path
    store.close()
    with Store.open(path, passphrase) as again, UnitOfWork(again) as uow:
        second = uow.add(Note, body="two")
        uow.commit()
    assert second.updated > first.updated


def test_unknown_fields_are_a_programming_error(store: Store) -> None:
    with pytest.raises(ValueError, match="no editable field"), UnitOfWork(store) as uow:
        uow.add(Note, colour="red")


def test_the_clock_survives_in_the_file_and_in_the_store_and_never_goes_back(store: Store) -> None:
    with UnitOfWork(store) as uow:
        first = uow.add(Note, interview_id="i-1", body="one")
        uow.commit()
    stamp = max(first.versions.values())
    assert store.known_meta("hlc") == stamp  # kept for the next write: no read of it per save
    with UnitOfWork(store) as uow:
        assert uow.get_meta("hlc") == stamp  # and written to the file in the same commit
    with pytest.raises(RuntimeError), UnitOfWork(store) as uow:
        uow.add(Note, interview_id="i-1", body="rolled back")
        raise RuntimeError("boom")
    assert store.known_meta("hlc") == stamp  # a rolled back write leaves the clock as it was committed
    store.forget_meta()
    with UnitOfWork(store) as uow:
        second = uow.add(Note, interview_id="i-1", body="two")
        uow.commit()
    assert max(second.versions.values()) > stamp  # read back from the file when the store forgot it


def test_writes_without_the_orm_session_are_all_or_nothing_too(store: Store) -> None:
    with UnitOfWork(store) as uow:
        note = uow.add(Note, interview_id="i-1", body="kept")
        uow.commit()
    # The autosave's path: set_fields and read_fields alone, no session ever made; rolled back unless committed.
    with pytest.raises(RuntimeError), UnitOfWork(store) as uow:
        assert uow.set_fields(Note, note.id, {"body": "never committed"})
        raise RuntimeError("boom")
    assert read_note(store, note.id).body == "kept"
    with UnitOfWork(store) as uow:
        uow.set_fields(Note, note.id, {"body": "committed"})
    assert read_note(store, note.id).body == "kept"  # no commit() called: nothing written
    with UnitOfWork(store) as uow:
        uow.set_fields(Note, note.id, {"body": "committed"})
        uow.commit()
    row = read_note(store, note.id)
    assert row.body == "committed" and store.known_meta("hlc") == row.versions["body"]
    with UnitOfWork(store) as uow:
        assert uow.get_meta("hlc") == row.versions["body"]  # the clock's stamp is in the file with the write


def test_session_and_direct_writes_share_one_transaction(store: Store) -> None:
    with UnitOfWork(store) as uow:
        note = uow.add(Note, interview_id="i-1", body="one")
        uow.commit()
    with pytest.raises(RuntimeError), UnitOfWork(store) as uow:
        uow.set_fields(Note, note.id, {"body": "direct"})
        uow.add(Note, interview_id="i-2", body="through the session")
        raise RuntimeError("boom")
    assert read_note(store, note.id).body == "one" and count_notes(store) == 1
    with UnitOfWork(store) as uow:
        uow.add(Note, interview_id="i-2", body="through the session")  # pending in the session: flushed first
        uow.set_fields(Note, note.id, {"body": "direct"})
        uow.commit()
    assert read_note(store, note.id).body == "direct" and count_notes(store) == 2


def test_read_fields_gives_the_live_records_columns_by_id(store: Store) -> None:
    with UnitOfWork(store) as uow:
        kept = uow.add(Note, interview_id="i-1", body="one")
        gone = uow.add(Note, interview_id="i-2", body="two")
        uow.commit()
    with UnitOfWork(store) as uow:
        uow.delete(uow.get(Note, gone.id))
        uow.commit()
    many = [f"no-such-{n}" for n in range(1200)]  # more ids than one read binds
    with UnitOfWork(store) as uow:
        found = uow.read_fields(Note, [*many, kept.id, gone.id], ("interview_id", "body"))
        assert found == {kept.id: ("i-1", "one")}  # the deleted one and the unknown ones left out
        with pytest.raises(ValueError, match="no editable field"):
            uow.read_fields(Note, [kept.id], ("body; DROP TABLE notes",))


def test_a_fact_written_is_seen_once_committed_even_if_read_as_missing_meanwhile(store: Store) -> None:
    """Another thread (an import, the autosave) may read a fact while a unit of work is setting it: what it saw
    (missing) is not what the store keeps once the fact is committed."""
    with UnitOfWork(store) as uow:
        uow.set_meta("purged_on_test", "2026-07-11")
        assert store.meta("purged_on_test", "never") == "never"  # read on its own connection: not committed yet
        uow.commit()
    assert store.meta("purged_on_test", "never") == "2026-07-11"


def test_an_autosave_reads_the_member_id_once_per_open_file_not_once_per_save(
    store: Store, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write is stamped with the member's id. Read from the file at each autosave, it cost an ORM session (a
    third of an autosave's Python): it is read once, then kept by the store like the clock."""
    with UnitOfWork(store) as uow:
        note = uow.add(Note, interview_id="i-1", body="zero")
        uow.commit()
    path, member = store.path, store.member_id
    store.close()
    statements: list[str] = []
    connect = sqlcipher.connect_key

    def traced(path: Path, key: Any) -> Any:  # every connection the reopened store makes
        conn = connect(path, key)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlcipher, "connect_key", traced)
    with Store.open(path, passphrase) as again:
        for n, text in enumerate(("one", "two", "three")):
            statements.clear()
            with UnitOfWork(again) as uow:
                uow.set_fields(Note, note.id, {"body": text})
                uow.commit()
            meta_reads = [sql for sql in statements if sql.startswith("SELECT") and "meta" in sql]
            assert n == 0 or not meta_reads, meta_reads  # the first save reads the clock and the id; no later one
            assert read_note(again, note.id).versions["body"].endswith(member)  # stamped with the right id
        with UnitOfWork(again) as uow:
            uow.set_meta("member_id", "someone-else")  # a new identity (joining a team): the kept one is dropped
            uow.commit()
        with UnitOfWork(again) as uow:
            uow.set_fields(Note, note.id, {"body": "four"})
            uow.commit()
        assert read_note(again, note.id).versions["body"].endswith("someone-else")


def _fill(store: Store, model: type[Any], n: int) -> None:
    with UnitOfWork(store) as uow:
        for k in range(n):
            uow.add(model, name=f"Area {k}")
        uow.commit()


def _count(store: Store, table: str) -> int:
    with store.session() as s:
        return int(s.connection().exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one())


def test_a_table_at_its_limit_takes_no_more_and_the_commit_that_tried_keeps_nothing(store: Store) -> None:
    limit = rules.max_records("candidate_areas")
    _fill(store, CandidateArea, limit)  # exactly the limit: kept
    with pytest.raises(TooManyRecords) as refused, UnitOfWork(store) as uow:
        uow.set_fields(Note, uow.add(Note, body="kept only with the rest").id, {"body": "changed"})
        uow.add(CandidateArea, name="One too many")
        uow.commit()
    assert f"at most {limit:,} candidate areas, deleted ones included" in str(refused.value)
    assert isinstance(refused.value, UserError)  # said in words wherever an edit is refused
    assert _count(store, "candidate_areas") == limit and count_notes(store) == 0


def test_deleted_records_count_as_a_bundle_carries_them(store: Store) -> None:
    limit = rules.max_records("candidate_areas")
    _fill(store, CandidateArea, limit)
    with UnitOfWork(store) as uow:
        for row in uow.query(CandidateArea):
            uow.delete(row)
        uow.commit()
    with pytest.raises(TooManyRecords), UnitOfWork(store) as uow:
        uow.add(CandidateArea, name="Still one too many")
        uow.commit()


def test_records_added_past_the_session_count_too(store: Store) -> None:
    """Services that add through the ORM session itself, and the merge's bulk inserts, are held to it alike."""
    limit = rules.max_records("candidate_areas")
    _fill(store, CandidateArea, limit)
    with pytest.raises(TooManyRecords), UnitOfWork(store) as uow:
        uow.session.add(CandidateArea(id="straight-in", author_id=uow.member_id, versions={}, deleted=False))
        uow.commit()
    with pytest.raises(TooManyRecords), UnitOfWork(store) as uow:
        row = {"id": "in-bulk", "author_id": uow.member_id, "versions": {}, "deleted": False, "name": "Bulk"}
        uow.insert_rows(CandidateArea, [row])
        uow.commit()
    assert _count(store, "candidate_areas") == limit


def test_a_commit_that_adds_nothing_is_never_refused_even_in_a_table_past_its_limit(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file an older peerdesk filled past a limit still saves every edit to what it holds."""
    with UnitOfWork(store) as uow:
        note = uow.add(Note, body="one")
        uow.add(Note, body="two")
        uow.commit()
    monkeypatch.setattr(rules, "MAX_RECORDS_OF", {**rules.MAX_RECORDS_OF, "notes": 1})
    with UnitOfWork(store) as uow:
        uow.update(uow.get(Note, note.id), body="edited")
        uow.delete(uow.get(Note, note.id))
        uow.commit()
    with pytest.raises(TooManyRecords), UnitOfWork(store) as uow:
        uow.add(Note, body="three")
        uow.commit()
