"""Views built from rows: same-named fields are copied, the rest given, defaults kept, nothing extra taken."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from peerdesk.services.rows import view_of


@dataclass(frozen=True)
class _QuoteView:
    id: str
    text: str
    group: str
    check: str = ""


def test_fields_named_like_the_rows_attributes_are_copied_and_the_others_given() -> None:
    row = SimpleNamespace(id="q1", text="They rang back.", group_id="g1", anchor_start=4)
    view = view_of(_QuoteView, row, group="Foster carers")
    assert view == _QuoteView(id="q1", text="They rang back.", group="Foster carers")


def test_a_given_field_wins_over_the_rows_own_and_a_missing_one_keeps_its_default() -> None:
    row = SimpleNamespace(id="q1", text="raw", group="old")
    view = view_of(_QuoteView, row, text="shown", group="new")
    assert (view.text, view.group, view.check) == ("shown", "new", "")


def test_a_field_without_a_default_that_nothing_gives_is_an_error() -> None:
    with pytest.raises(TypeError):
        view_of(_QuoteView, SimpleNamespace(id="q1", text="t"))
