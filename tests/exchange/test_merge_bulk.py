"""A bundle of many records merges in one transaction: all of it lands, searchable, or none of it does."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, select

from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.services import records, search, sharing
from peerdesk.store.engine import WRITE_OPTION, Store
from peerdesk.store.models import Note, Quote, Theme
from peerdesk.store.uow import UnitOfWork
from tests.helpers.exchange import Team, make_team, send
from tests.helpers.files import all_bytes

MANY = 400


@pytest.fixture(scope="module")
def closed_team(tmp_path_factory: pytest.TempPathFactory) -> Team:
    """A lead holding many quotes, notes and themes the member has never seen."""
    crew = make_team(tmp_path_factory.mktemp("bulk"), size=2)
    with UnitOfWork(crew.stores[0]) as uow:
        for i in range(MANY):
            uow.add(Quote, text=f"quote{i} the duty line rang out")
        for i in range(50):
            uow.add(Note, body=f"note{i} carers spoke about respite")
        for i in range(20):
            uow.add(Theme, heading=f"Theme {i}")
        uow.commit()
    crew.close()
    return crew


def count(store: Store, model: type[Any]) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_many_records_in_one_table_arrive_in_a_single_write_transaction(crew: Team) -> None:
    lead, sam = crew.stores
    data = transfer.export_bundle(lead).data
    before = count(sam, Quote)
    commits: list[bool] = []
    seen_before_commit: list[int] = []

    def on_commit(conn: Any) -> None:
        commits.append(bool(conn.get_execution_options().get(WRITE_OPTION, False)))

    def progress(done: int, total: int, text: str) -> bool:
        if text.startswith("Saving"):  # every record is written by now, none committed: another reader sees none
            seen_before_commit.append(count(sam, Quote))
        return True

    event.listen(sam.engine, "commit", on_commit)
    try:
        imported = transfer.import_bundle(sam, data, progress=progress)
    finally:
        event.remove(sam.engine, "commit", on_commit)
    assert seen_before_commit == [before]
    assert commits.count(True) == 1, "the merge committed more than once"
    assert count(sam, Quote) == before + MANY
    assert imported.summary == f"Alex Lead: 50 new notes, {MANY} new quotes, 20 new themes"
    assert content_digest(sam) == content_digest(lead)


def test_merged_text_is_found_by_search_and_replaced_text_is_not(crew: Team) -> None:
    lead, sam = crew.stores
    send(lead, sam)
    assert len([h for h in search.search(sam, "respite", limit=500) if h.kind == "note"]) == 50
    assert {h.id for h in search.search(sam, "quote17 duty")} == {_quote_id(lead, "quote17 ")}

    with UnitOfWork(lead) as uow:  # many edits to one table: one UPDATE per row, all in one statement batch
        for quote in uow.query(Quote):
            uow.update(quote, text=quote.text.replace("the duty line rang out", "nobody answered the phone"))
        uow.commit()
    imported = send(lead, sam)
    assert imported.summary == f"Alex Lead: {MANY} quotes changed"
    assert search.search(sam, "rang") == []
    assert len(search.search(sam, "nobody answered", limit=1000)) == MANY
    assert content_digest(sam) == content_digest(lead)


# Stop at the n-th "Adding the changes…" report (the first comes before any table, then one before each table in
# name order: 3 stops after the roster and the notes are written), or at "Saving…", once every table is written.
@pytest.mark.parametrize("stop_at", [1, 3, 4, "Saving"])
def test_cancelling_half_way_through_the_merge_leaves_the_file_byte_for_byte_as_it_was(
    crew: Team, stop_at: int | str
) -> None:
    lead, sam = crew.stores
    data = transfer.export_bundle(lead).data
    digest, raw = content_digest(sam), all_bytes(sam.path)
    merging = 0

    def progress(done: int, total: int, text: str) -> bool:
        nonlocal merging
        if text.startswith("Adding the changes"):
            merging += 1  # once before the merge starts, then once before each table
            return merging <= stop_at if isinstance(stop_at, int) else True
        return not text.startswith(str(stop_at))

    with pytest.raises(transfer.Cancelled):
        transfer.import_bundle(sam, data, progress=progress)
    assert content_digest(sam) == digest
    assert all_bytes(sam.path) == raw
    assert search.search(sam, "respite") == []
    # Nothing was half-kept: the same bundle then imports whole.
    assert transfer.import_bundle(sam, data).summary == f"Alex Lead: 50 new notes, {MANY} new quotes, 20 new themes"


def test_a_bundle_with_nothing_newer_writes_nothing_but_what_i_have_seen(crew: Team) -> None:
    lead, sam = crew.stores
    old = transfer.export_bundle(lead).data
    transfer.import_bundle(sam, old)
    records.set_fields(sam, "themes", _theme_id(sam, "Theme 3"), heading="Stability")
    writes: list[str] = []

    def on_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if not statement.lstrip().upper().startswith(("SELECT", "BEGIN", "PRAGMA")):
            writes.append(statement.split("(")[0].strip())

    event.listen(sam.engine, "before_cursor_execute", on_execute)
    try:
        imported = transfer.import_bundle(sam, old)
    finally:
        event.remove(sam.engine, "before_cursor_execute", on_execute)
    assert imported.summary == "Alex Lead: nothing new"
    assert set(writes) <= {'UPDATE meta SET value=? WHERE meta."key" = ?', "INSERT INTO meta"}, writes
    assert records.values(sam, "themes", _theme_id(sam, "Stability"), ["heading"]) == {"heading": "Stability"}
    assert sharing.conflicts(sam) == []  # my later edit overwrote a heading I had seen: not a conflict


def _quote_id(store: Store, prefix: str) -> str:
    with store.session() as s:
        return str(s.scalar(select(Quote.id).where(Quote.text.startswith(prefix))))


def _theme_id(store: Store, heading: str) -> str:
    with store.session() as s:
        return str(s.scalar(select(Theme.id).where(Theme.heading == heading)))
