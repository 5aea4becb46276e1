"""The wall as a CSV table: themes in reading order with their post-its, loose ones last, formulas defused."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from peerdesk.services import wall, wall_csv, wall_themes
from peerdesk.store.engine import Store
from tests.helpers.wall_data import seed_postits


def test_csv_lists_themes_with_their_post_its_then_loose_ones_and_defuses_formulas(
    store: Store, tmp_path: Path
) -> None:
    a, b, *_ = seed_postits(store)
    wall_themes.group_as_theme(store, [a, b], "Leaders listen")
    wall.add_postit(store, "thorn", '=HYPERLINK("x")', x=50, y=900)
    out = tmp_path / "wall.csv"
    count = wall_csv.export_csv(store, out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == list(wall_csv.CSV_HEADER)
    assert count == len(rows) - 1 == 7
    assert rows[1][0] == rows[2][0] == "Leaders listen"
    assert rows[1][3] == "AR"
    assert all(r[0] == wall_csv.NO_THEME for r in rows[3:])
    assert ["(no theme)", "Thorn", '\'=HYPERLINK("x")', "AR"] in rows


def test_an_emptied_theme_still_has_its_row_and_a_blank_heading_is_named(store: Store) -> None:
    ids = seed_postits(store)
    wall_themes.group_as_theme(store, [ids[0]], "")
    wall_themes.move_postits(store, {ids[0]: (5000.0, 5000.0)})  # dragged out: the theme stays, empty
    rows = wall_csv.wall_rows(wall.load_wall(store))
    assert rows[0] == ("(no heading)", "", "", "")
    assert [row[0] for row in rows[1:]] == [wall_csv.NO_THEME] * len(ids)
