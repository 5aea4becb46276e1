"""What can be printed, by name: one list for the print dialog and ``peerdesk print``."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.export import print_names, printing
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_the_kinds_are_the_names_the_cli_offers_each_with_a_label() -> None:
    assert tuple(k.name for k in printing.KINDS) == print_names.NAMES
    assert all(k.label for k in printing.KINDS)


def test_build_makes_the_named_document_with_its_options(store: Store) -> None:
    build_day(store)
    whole = printing.build(store, "timetable")
    per_team = printing.build(store, "timetable", printing.PrintOptions(timetable_view="team"))
    assert len(whole.pages) == 1 and len(per_team.pages) == 2


def test_an_unknown_name_is_refused_listing_the_known_ones(store: Store) -> None:
    with pytest.raises(UserError, match="timetable, interview-sheets"):
        printing.build(store, "posters")
