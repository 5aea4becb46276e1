"""Reversible edits: a write that remembers what it replaced, undone and redone exactly."""

from __future__ import annotations

import pytest

from peerdesk.services import edits, records, wall
from peerdesk.store.engine import Store
from peerdesk.store.models import PostIt, Quote
from peerdesk.store.uow import UnitOfWork


def _text(store: Store, quote_id: str) -> str:
    return str(records.values(store, "quotes", quote_id, ["text"])["text"])


def test_an_edit_holds_the_first_old_and_last_new_value_of_each_field(store: Store) -> None:
    quote_id, _ = records.create(store, "quotes", text="one")
    with UnitOfWork(store) as uow:
        rec = edits.Recorder(uow)
        row = uow.get(Quote, quote_id)
        rec.update(row, text="two")
        rec.update(row, text="three")
        uow.commit()
    edit = rec.edit()
    assert edit.before == {("quotes", quote_id): {"text": "one"}}
    assert edit.after == {("quotes", quote_id): {"text": "three"}}
    assert "quotes" in edit and quote_id in edit.ids
    edits.undo(store, edit)
    assert _text(store, quote_id) == "one"
    edits.redo(store, edit)
    assert _text(store, quote_id) == "three"


def test_a_created_record_is_undone_as_a_tombstone_and_brought_back(store: Store) -> None:
    with UnitOfWork(store) as uow:
        rec = edits.Recorder(uow)
        rec.add(Quote, text="new quote")
        uow.commit()
    edit = rec.edit()
    created = edit.created_id
    edits.undo(store, edit)
    assert created not in {r["id"] for r in records.rows(store, "quotes", ["text"])}
    edits.redo(store, edit)
    assert _text(store, created) == "new quote"


def test_a_field_written_back_to_its_old_value_is_left_out(store: Store) -> None:
    quote_id, _ = records.create(store, "quotes", text="same")
    with UnitOfWork(store) as uow:
        rec = edits.Recorder(uow)
        row = uow.get(Quote, quote_id)
        assert not rec.update(row, text="same")  # no change, nothing noted
        rec.update(row, text="other")
        rec.update(row, text="same")
        uow.commit()
    edit = rec.edit()
    assert edit.before == {} and edit.after == {} and not edit


def test_a_recorded_block_commits_and_its_edit_undoes_and_redoes(store: Store) -> None:
    postit = wall.add_postit(store, "rose", "Leaders listen").created_id
    with edits.recording(store) as rec:
        rec.update(rec.uow.get(PostIt, postit), text="Leaders listen and act")
    edit = rec.edit()
    assert wall.load_wall(store).postit(postit).text == "Leaders listen and act"
    assert edit.before == {("postits", postit): {"text": "Leaders listen"}}
    edits.undo(store, edit)
    assert wall.load_wall(store).postit(postit).text == "Leaders listen"
    edits.redo(store, edit)
    assert wall.load_wall(store).postit(postit).text == "Leaders listen and act"


def test_a_block_that_raises_writes_nothing(store: Store) -> None:
    postit = wall.add_postit(store, "thorn", "Too many forms").created_id
    with pytest.raises(RuntimeError), edits.recording(store) as rec:
        rec.update(rec.uow.get(PostIt, postit), text="Half written")
        raise RuntimeError("refused half-way")
    assert wall.load_wall(store).postit(postit).text == "Too many forms"


def test_writing_a_field_back_to_its_old_value_is_no_change(store: Store) -> None:
    postit = wall.add_postit(store, "bud", "Ask early help first").created_id
    with edits.recording(store) as rec:
        row = rec.uow.get(PostIt, postit)
        rec.update(row, text="Something else")
        rec.update(row, text="Ask early help first")
    assert rec.edit().before == {} and not rec.edit().ids
