"""The quote tagger's table: what each column shows and sorts by, the traceable warning, edits handed on, and
the filters that must all match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services.quotes import QuoteRow
from peerdesk.ui.quotes.model import GROUP, KIND, ROW_ROLE, SORT_ROLE, STAR, TEXT, QuoteFilter, QuotesModel


def _quote(qid: str, text: str, *, kind: str = "rose", starred: bool = False, tags: tuple[str, ...] = ()) -> QuoteRow:
    return QuoteRow(
        id=qid,
        text=text,
        kind=kind,
        starred=starred,
        group_id="g1",
        group="Foster carers",
        interview_id="i1",
        interview="09:45 Team A",
        note_id="",
        tags=tags,
        tag_ids=frozenset(f"t-{t}" for t in tags),
        used_in=(),
    )


def test_each_column_shows_its_part_of_the_quote_and_a_small_group_is_flagged(qtbot: QtBot) -> None:
    edits: list[tuple[str, str]] = []
    model = QuotesModel(lambda qid, text: edits.append((qid, text)))
    model.set_rows([_quote("q1", "They rang back.", starred=True)], traceable={"q1"})
    assert model.data(model.index(0, TEXT)) == "They rang back."
    assert model.data(model.index(0, STAR)) == "★"
    assert model.data(model.index(0, GROUP)) == "Foster carers ⚠ traceable"
    assert model.data(model.index(0, STAR), SORT_ROLE) == 0  # starred first
    assert model.data(model.index(0, 0), ROW_ROLE).id == "q1"
    assert model.headerData(STAR, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole).startswith("Starred")
    assert model.flags(model.index(0, TEXT)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, KIND)) & Qt.ItemFlag.ItemIsEditable


def test_a_reworded_quote_is_handed_on_and_an_unchanged_one_is_not(qtbot: QtBot) -> None:
    edits: list[tuple[str, str]] = []
    model = QuotesModel(lambda qid, text: edits.append((qid, text)))
    model.set_rows([_quote("q1", "They rang back.")])
    model.setData(model.index(0, TEXT), "They rang back.")
    model.setData(model.index(0, TEXT), "They rang us back.")
    assert edits == [("q1", "They rang us back.")]


def test_the_filters_must_all_match(qtbot: QtBot) -> None:
    model = QuotesModel(lambda _q, _t: None)
    model.set_rows(
        [
            _quote("q1", "Birthday cards from the team", kind="bud", tags=("kindness",)),
            _quote("q2", "Nobody rang back", kind="thorn", starred=True),
        ]
    )
    proxy = QuoteFilter()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 2
    proxy.set_filters(kind="thorn")
    assert proxy.rowCount() == 1
    proxy.set_filters(kind=None, starred_only=True)
    assert [proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount())] == ["q2"]
    proxy.set_filters(starred_only=False, text="kindness")  # a tag's name matches too
    assert [proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount())] == ["q1"]
