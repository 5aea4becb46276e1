"""Generic record access and edits: create, read, change, delete and restore any shared record by table name."""

from __future__ import annotations

import pytest

from peerdesk.errors import NotFound, UserError
from peerdesk.services import records, workshop
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.store.models import Quote, WorkshopNote, WorkshopTable
from peerdesk.store.uow import UnitOfWork


def test_written_strips_and_refuses_blank_text() -> None:
    assert records.written("  A goal \n", "Write the goal first.") == "A goal"
    with pytest.raises(UserError, match="Write the goal first"):
        records.written(" \t ", "Write the goal first.")


def test_next_position_goes_after_the_last_or_starts_at_one() -> None:
    assert records.next_position([]) == 1.0
    assert records.next_position([3.0, 1.5]) == 4.0


def test_set_text_reports_a_change_only_when_there_is_one(store: Store) -> None:
    table_id, _ = workshop.add_table(store, "North")
    assert records.set_text(store, WorkshopTable, table_id, " South ", "A name", column="name") == Changes.of(
        "workshop_tables", ids=[table_id]
    )
    assert records.set_text(store, WorkshopTable, table_id, "South", "A name", column="name") == Changes()
    with pytest.raises(UserError, match="A name"):
        records.set_text(store, WorkshopTable, table_id, "", "A name", column="name")
    assert records.values(store, "workshop_tables", table_id, ["name"]) == {"name": "South"}


def test_remove_tombstones_and_names_the_views_that_change_with_it(store: Store) -> None:
    note_id, _ = workshop.add_note(store, "next_step", "Share the outcome")
    changes = records.remove(store, WorkshopNote, note_id, "actions")
    assert changes == Changes.of("workshop_notes", ids=[note_id]) | Changes.of("actions")
    assert records.rows(store, "workshop_notes", ["text"]) == []
    records.restore(store, "workshop_notes", note_id)
    assert records.rows(store, "workshop_notes", ["text"]) == [{"id": note_id, "text": "Share the outcome"}]


def test_set_deleted_takes_away_and_brings_back_records_made_together(store: Store) -> None:
    ids = [workshop.add_note(store, "next_step", text)[0] for text in ("Share the outcome", "Book the follow-up")]
    changes = records.set_deleted(store, {"workshop_notes": ids}, True)
    assert changes == Changes.of("workshop_notes", ids=ids)
    assert records.rows(store, "workshop_notes", ["text"]) == []
    records.set_deleted(store, {"workshop_notes": ids}, False)
    assert {row["id"] for row in records.rows(store, "workshop_notes", ["text"])} == set(ids)


def test_live_refuses_a_deleted_record_with_the_callers_words(store: Store) -> None:
    table_id, _ = workshop.add_table(store, "North")
    with store.session() as s:
        assert records.live(s, WorkshopTable, table_id, "gone").name == "North"
    workshop.remove_table(store, table_id)
    with store.session() as s, pytest.raises(UserError, match="That table has gone"):
        records.live(s, WorkshopTable, table_id, "That table has gone.")


def test_rename_unique_refuses_a_name_another_record_has_in_any_case(store: Store) -> None:
    north, _ = workshop.add_table(store, "North")
    south, _ = workshop.add_table(store, "South")
    with UnitOfWork(store) as uow, pytest.raises(UserError, match="already a table called 'North'"):
        records.rename_unique(uow, WorkshopTable, south, "north", "There is already a table called {name}.")
    with UnitOfWork(store) as uow:
        assert records.rename_unique(uow, WorkshopTable, north, "North", "taken") is False  # no change
        assert records.rename_unique(uow, WorkshopTable, north, "Window", "taken") is True
        uow.commit()
    assert records.values(store, "workshop_tables", north, ["name"]) == {"name": "Window"}


def test_a_record_is_created_changed_and_read_back(store: Store) -> None:
    quote_id, changes = records.create(store, "quotes", text="We are heard at last.")
    assert "quotes" in changes and quote_id in changes.ids
    assert "quotes" in records.set_fields(store, "quotes", quote_id, text="We are heard.")
    assert records.values(store, "quotes", quote_id, ["text"]) == {"text": "We are heard."}


def test_a_deleted_record_leaves_the_rows_and_comes_back_on_restore(store: Store) -> None:
    quote_id, _ = records.create(store, "quotes", text="Gone for a while.")
    records.delete(store, "quotes", quote_id)
    assert quote_id not in {r["id"] for r in records.rows(store, "quotes", ["text"])}
    records.restore(store, "quotes", quote_id)
    assert {"id": quote_id, "text": "Gone for a while."} in records.rows(store, "quotes", ["text"])


def test_tables_map_to_their_models_and_editable_fields_leave_bookkeeping_out() -> None:
    assert records.model_for("quotes") is Quote
    fields = records.editable_fields("quotes")
    assert "text" in fields and "versions" not in fields and "id" not in fields


def test_a_record_or_table_that_does_not_exist_is_refused(store: Store) -> None:
    with pytest.raises(NotFound, match="That quote no longer exists"):
        records.values(store, "quotes", "no-such-id")
    with pytest.raises(NotFound):
        records.set_fields(store, "quotes", "no-such-id", text="x")
    with pytest.raises(ValueError, match="no shared table"):
        records.model_for("secrets")


def test_put_makes_the_record_once_then_writes_into_it_and_brings_it_back(store: Store) -> None:
    record_id = "5f0e7d34-1f7a-4c2e-9a5e-7f1f3a9b0c11"
    with UnitOfWork(store) as uow:
        assert records.put(uow, WorkshopTable, record_id, {"name": "North"}, {"position": 3.0})
        uow.commit()
    assert records.values(store, "workshop_tables", record_id, ["name", "position"]) == {"name": "North", "position": 3}
    records.delete(store, "workshop_tables", record_id)
    with UnitOfWork(store) as uow:
        assert records.put(uow, WorkshopTable, record_id, {"name": "North"}, {"position": 9.0}) is False  # same name
        uow.commit()
    assert records.rows(store, "workshop_tables", ["position"]) == [{"id": record_id, "position": 3.0}]


def test_created_commits_and_names_the_new_record_and_its_table(store: Store) -> None:
    with UnitOfWork(store) as uow:
        row = uow.add(WorkshopTable, name="Table 1", position=1.0)
        record_id, changes = records.created(uow, row)
    assert record_id == row.id
    assert changes == Changes.of("workshop_tables", ids=[row.id])
    with UnitOfWork(store) as uow:  # committed: a fresh unit of work sees it
        assert uow.get(WorkshopTable, record_id).name == "Table 1"
