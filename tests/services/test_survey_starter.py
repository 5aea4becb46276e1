"""The survey's starter set: shipped as data, added once, on the survey's scale, ordinary items afterwards."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import survey, survey_starter
from peerdesk.store.engine import Store


def test_the_starter_set_is_pairs_of_opposite_statements() -> None:
    pairs = survey_starter.starter_pairs()
    assert len(pairs) >= 20
    assert all(left and right and left != right for left, right in pairs)
    assert len(set(pairs)) == len(pairs)


def test_adding_it_once_adds_every_pair_and_twice_adds_nothing(store: Store) -> None:
    result = survey_starter.add_starter_items(store)
    pairs = survey_starter.starter_pairs()
    assert result.count == len(pairs)
    assert [(i.left, i.right) for i in survey.items(store)] == pairs
    with pytest.raises(UserError, match="already holds every starter item"):
        survey_starter.add_starter_items(store)


def test_only_missing_pairs_are_added_after_the_hosts_own_items_on_their_scale(store: Store) -> None:
    first_left, first_right = survey_starter.starter_pairs()[0]
    survey.add_item(store, "Our own left", "Our own right", scale=(1, 7))
    survey.add_item(store, f"  {first_left.upper()} ", first_right, scale=(1, 7))
    result = survey_starter.add_starter_items(store)
    assert result.count == len(survey_starter.starter_pairs()) - 1
    items = survey.items(store)
    assert items[0].left == "Our own left"
    assert {i.scale for i in items} == {(1, 7)}


def test_starter_items_are_editable_like_any_other(store: Store) -> None:
    survey_starter.add_starter_items(store)
    item = survey.items(store)[0]
    survey.edit_item(store, item.id, "Reworded left", item.right)
    assert survey.items(store)[0].left == "Reworded left"
