"""Qt models of the insights panel: insights in order with their status, quotes with their group, ids dragged."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QMimeData, Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import insight_evidence, insights
from peerdesk.services.insights import InsightSummary
from peerdesk.ui.insights import models
from peerdesk.ui.kit.session import ReviewSession


def _summary(**changes: object) -> InsightSummary:
    fields: dict[str, object] = {
        "id": "i1",
        "number": 1,
        "statement": "Staff feel trusted",
        "description": "",
        "evidence_checked": False,
        "quote_count": 0,
        "theme_headings": (),
    }
    fields.update(changes)
    return InsightSummary(**fields)  # type: ignore[arg-type]


def test_the_status_line_says_what_an_insight_still_lacks() -> None:
    assert models.status_line(_summary()) == "⚠ no quote yet"
    assert models.status_line(_summary(quote_count=2, evidence_checked=True)) == "2 quotes · ✓ evidence checked"
    assert models.status_line(_summary(quote_count=1)) == "1 quote"


def test_only_our_own_ids_are_read_from_a_drag() -> None:
    good = str(uuid.uuid4())
    data = QMimeData()
    data.setData("x/ids", models.encode_ids([good, "not-an-id", "'; DROP"]))
    assert models.decode_ids(data, "x/ids") == [good]


def test_the_insight_list_is_in_presentation_order_and_a_move_is_one_undo_step(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    model = models.InsightListModel(demo_session)
    ids = model.ids()
    assert len(ids) >= 2 and model.row_of(ids[1]) == 1 and model.row_of("nope") == -1
    first = model.rows[0]
    assert str(model.data(model.index(0, 0))).startswith(f"1. {first.statement.strip()}")
    assert model.data(model.index(0, 0), models.ID_ROLE) == first.id
    model.move(ids[0], len(ids))
    assert insights.order(demo_session.store)[-1] == ids[0]
    demo_session.undo_stack.undo()
    assert insights.order(demo_session.store)[0] == ids[0]


def test_a_quote_shows_its_group_and_a_used_one_is_ticked(qtbot: QtBot, demo_session: ReviewSession) -> None:
    quotes = insight_evidence.all_quotes(demo_session.store)[:2]
    model = models.QuoteListModel(demo_session, accepts_drops=True)
    model.set_rows(quotes, used={quotes[0].id})
    shown = str(model.data(model.index(0, 0)))
    assert shown.startswith("✓ “") and quotes[0].text in shown
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "Already illustrates this insight"
    assert model.flags(model.index(-1, -1)) & Qt.ItemFlag.ItemIsDropEnabled
