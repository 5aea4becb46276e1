"""Generic record access: create, read, change, delete and restore any shared record through the unit of work."""

from __future__ import annotations

import pytest

from peerdesk.errors import NotFound
from peerdesk.services import records
from peerdesk.store.engine import Store
from peerdesk.store.models import Quote


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
