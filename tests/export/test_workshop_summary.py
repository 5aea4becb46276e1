"""A one-page, self-contained HTML summary of the workshop; everything in it is escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.export import workshop_summary
from peerdesk.services import workshop, workshop_outcome
from peerdesk.store.engine import Store


def test_the_demo_summary_shows_responses_goals_and_actions(demo_store: Store) -> None:
    html = workshop_summary.render(workshop_outcome.outcome(demo_store), "Westfold <review>", "11 March 2026")
    assert html.startswith("<!DOCTYPE html>") and "Westfold &lt;review&gt; · 11 March 2026" in html
    assert "<script" not in html and "http" not in html
    for table in workshop.tables(demo_store):
        assert table.name in html


def test_an_empty_workshop_still_makes_a_page(store: Store) -> None:
    html = workshop_summary.render(workshop_outcome.outcome(store), "Title")
    assert "Workshop summary" in html and "Goals chosen" not in html


def test_write_saves_the_page_and_refuses_an_unwritable_place(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "summary.html"
    workshop_summary.write(workshop_outcome.outcome(store), out, "Title")
    assert out.read_text(encoding="utf-8").endswith("</html>")
    with pytest.raises(UserError, match=r"folder .* does not exist"):
        workshop_summary.write(workshop_outcome.outcome(store), tmp_path / "missing" / "summary.html", "Title")
