"""CSV cells a spreadsheet would run as formulas are written as text, and read back as they were."""

from __future__ import annotations

import pytest

from peerdesk.services.spreadsheet_cells import as_text, as_written

VECTORS = {
    "a formula": ("=1+1", "'=1+1"),
    "a link that phones home": ('=HYPERLINK("http://x.test")', '\'=HYPERLINK("http://x.test")'),
    "a plus": ("+44 20 7946 0000", "'+44 20 7946 0000"),
    "a minus": ("-2 floor", "'-2 floor"),
    "an at": ("@SUM(A1)", "'@SUM(A1)"),
    "a tab first": ("\t=1", "'\t=1"),
    "a carriage return first": ("\r=1", "'\r=1"),
    "plain words": ("Foster carers", "Foster carers"),
    "a formula later on": ("Room =1", "Room =1"),
    "an apostrophe of its own": ("'tis the season", "'tis the season"),
    "empty": ("", ""),
}


@pytest.mark.parametrize(("value", "written"), VECTORS.values(), ids=VECTORS.keys())
def test_a_cell_is_written_as_text_and_read_back_as_it_was(value: str, written: str) -> None:
    assert as_text(value) == written
    assert as_written(as_text(value)) == value


def test_a_value_that_itself_starts_with_an_apostrophe_and_a_formula_sign_survives_the_round_trip() -> None:
    assert as_written(as_text("'=kept")) == "'=kept"
