"""What the review file's schema guarantees: shared records carry the same bookkeeping and travel as JSON
primitives, local tables never travel, a quote has nowhere to hold who said it, and the database itself refuses
a write that breaks a key or leaves out what must be there, changing nothing."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest
from sqlalchemy import JSON, Boolean, Float, Integer, LargeBinary, String, Text, func, select

from peerdesk.store import models, sqlcipher
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    SHARED_MODELS,
    Base,
    Conflict,
    Identity,
    Meta,
    Quote,
    Tag,
    new_id,
)
from peerdesk.store.tables import BOOKKEEPING
from peerdesk.store.uow import UnitOfWork

# SQLCipher's driver raises its own errors (SQLAlchemy wraps only the standard sqlite3 module's): a constraint
# the database enforces surfaces as ``sqlcipher.DatabaseError`` ("... constraint failed").

# The tables that stay in this file: its own facts, my private keys, whom I verified, the documents' files.
LOCAL_TABLES = frozenset({"meta", "identity", "member_trust", "document_files"})


def columns(table: str) -> dict[str, object]:
    return {c.name: c for c in Base.metadata.tables[table].columns}


def test_every_table_is_either_shared_or_local() -> None:
    tables = set(Base.metadata.tables)
    assert tables == set(SHARED_MODELS) | LOCAL_TABLES
    assert not set(SHARED_MODELS) & LOCAL_TABLES


def test_shared_models_are_found_by_their_table_name() -> None:
    assert SHARED_MODELS["quotes"] is Quote and SHARED_MODELS["conflicts"] is Conflict  # conflicts travel (0012)
    assert all(model.__tablename__ == table for table, model in SHARED_MODELS.items())  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        SHARED_MODELS["extra"] = Tag  # type: ignore[index]


@pytest.mark.parametrize("table", sorted(SHARED_MODELS))
def test_a_shared_record_has_its_id_author_versions_stamp_and_tombstone(table: str) -> None:
    cols = columns(table)
    assert BOOKKEEPING | {"deleted"} <= set(cols)
    assert [c.name for c in Base.metadata.tables[table].primary_key] == ["id"]
    assert Base.metadata.tables[table].c.updated.index, "what changed since is one range query on an index"


@pytest.mark.parametrize("table", sorted(SHARED_MODELS))
def test_shared_fields_are_json_primitives_so_a_record_travels_without_per_table_code(table: str) -> None:
    for name, column in columns(table).items():
        kind = column.type  # type: ignore[attr-defined]
        if name == "versions":
            assert isinstance(kind, JSON)
        else:
            assert isinstance(kind, (String, Text, Integer, Float, Boolean)), f"{table}.{name}"
            assert not isinstance(kind, LargeBinary)


def test_a_quote_has_no_column_that_could_say_who_said_it() -> None:
    names = set(columns("quotes"))
    assert {"interview_id", "group_id", "text"} <= names
    people = ("person", "speaker", "name", "said_by", "interviewee", "member")
    assert [n for n in names if any(word in n for word in people)] == []


def test_configuring_sets_up_every_model_before_any_query_asks() -> None:
    """What the app does while its start screen waits, in a process of its own (here the models are set up long
    since by earlier tests)."""
    program = (
        "from sqlalchemy import inspect\n"
        "from peerdesk.store import models\n"
        "mappers = list(models.Base.registry.mappers)\n"
        "assert mappers and not any(m.configured for m in mappers)\n"
        "models.configure()\n"
        "assert all(m.configured for m in mappers)\n"
        "print(len(mappers))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(models.Base.registry.mappers)


def test_new_ids_are_random_uuids() -> None:
    first, second = new_id(), new_id()
    assert first != second
    assert uuid.UUID(first).version == 4 and len(first) == 36


def count(store: Store, model: type[object]) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_two_records_with_one_id_are_refused_and_nothing_is_written(store: Store) -> None:
    before = count(store, Tag)
    with pytest.raises(sqlcipher.DatabaseError, match="constraint failed"), UnitOfWork(store) as uow:
        tag_id = new_id()
        uow.add(Tag, tag_id, name="workload")
        uow.add(Tag, tag_id, name="respite")
        uow.commit()
    assert count(store, Tag) == before


def test_a_fact_of_the_file_is_kept_once_per_key(store: Store) -> None:
    with UnitOfWork(store) as uow:
        uow.set_meta("answer", "42")
        uow.commit()
    with pytest.raises(sqlcipher.DatabaseError, match="constraint failed"), UnitOfWork(store) as uow:
        uow.session.add(Meta(key="answer", value="43"))
        uow.commit()
    assert store.meta("answer") == "42"


def test_an_identity_without_its_private_keys_is_refused(store: Store) -> None:
    before = count(store, Identity)
    with pytest.raises(sqlcipher.DatabaseError, match="constraint failed"), UnitOfWork(store) as uow:
        uow.session.add(Identity(member_id=new_id()))
        uow.commit()
    assert count(store, Identity) == before


def test_a_kept_conflict_must_say_where_and_which_versions(store: Store) -> None:
    with pytest.raises(sqlcipher.DatabaseError, match="constraint failed"), UnitOfWork(store) as uow:
        uow.session.add(Conflict(id=new_id(), row_id=new_id(), field="text", value="lost words"))
        uow.commit()
    assert count(store, Conflict) == 0


def test_a_shared_record_reads_back_with_its_bookkeeping(store: Store) -> None:
    with UnitOfWork(store) as uow:
        tag = uow.add(Tag, name="workload")
        uow.commit()
    with store.session() as s:
        again = s.get(Tag, tag.id)
    assert again is not None and again.name == "workload" and not again.deleted
    assert again.author_id == store.member_id
    assert set(again.versions) == {"name", "deleted"} and again.updated == max(again.versions.values())
