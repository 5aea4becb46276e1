"""Reversible edits: a recorded unit of work commits whole or not at all, and its edit undoes and redoes exactly."""

from __future__ import annotations

import pytest

from peerdesk.services import edits, wall
from peerdesk.store.engine import Store
from peerdesk.store.models import PostIt


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
