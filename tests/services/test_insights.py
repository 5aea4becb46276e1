from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import insight_evidence, insights
from peerdesk.store.engine import Store
from peerdesk.store.models import InsightQuote, Quote
from peerdesk.store.uow import UnitOfWork
from tests.conftest import PASSPHRASE
from tests.helpers import day2


def new_id() -> str:
    return str(uuid.uuid4())


def test_an_insight_made_from_a_theme_starts_from_its_heading_and_lists_its_evidence(store: Store) -> None:
    data = day2.seed(store, insights=False)
    iid = new_id()
    changes = insights.create_insight(store, iid, theme_id=data.themes["workload"])
    assert "insights" in changes and "insight_themes" in changes
    [summary] = insights.list_insights(store)
    assert summary.statement == day2.THEMES["workload"]
    assert summary.theme_headings == (day2.THEMES["workload"],)
    found = insight_evidence.evidence(store, iid)
    assert {p.id for p in found.postits} == set(data.postits["workload"])
    assert {q.id for q in found.quotes} == set(data.quotes["workload"])
    assert found.quotes[0].starred  # the starred quote comes first
    assert found.quotes[0].group == "Social workers"


def test_edits_of_the_statement_description_and_so_what_answers_persist(store: Store, review_path: Path) -> None:
    iid = new_id()
    insights.create_insight(store, iid, statement="")
    answers = {name: f"answer to {name}" for name in insights.SO_WHAT_FIELDS}
    insights.set_fields(store, iid, statement="Managers are firefighting", description="Short", **answers)
    insights.set_fields(store, iid, evidence_checked=True)
    store.close()
    with Store.open(review_path, PASSPHRASE) as reopened:
        fields = insights.detail(reopened, iid).fields
    assert fields["statement"] == "Managers are firefighting"
    assert fields["evidence_checked"] is True
    assert all(fields[name] == f"answer to {name}" for name in insights.SO_WHAT_FIELDS)


def test_setting_unknown_fields_is_refused(store: Store) -> None:
    iid = new_id()
    insights.create_insight(store, iid)
    with pytest.raises(ValueError):
        insights.set_fields(store, iid, position=3.0)


def test_new_insights_go_last_and_can_be_reordered(store: Store) -> None:
    ids = [new_id() for _ in range(4)]
    for n, iid in enumerate(ids):
        insights.create_insight(store, iid, statement=f"Insight {n}")
    assert insights.order(store) == ids
    new_order = insights.moved(ids, ids[3], 0)
    insights.set_order(store, new_order)
    assert insights.order(store) == [ids[3], ids[0], ids[1], ids[2]]
    assert [s.number for s in insights.list_insights(store)] == [1, 2, 3, 4]
    assert not insights.set_order(store, new_order)  # nothing moved, nothing written


def test_reordering_with_a_stale_list_is_refused(store: Store) -> None:
    a, b = new_id(), new_id()
    insights.create_insight(store, a)
    insights.create_insight(store, b)
    with pytest.raises(UserError):
        insights.set_order(store, [a])


def test_a_quote_can_illustrate_several_insights_and_removing_it_keeps_the_quote(store: Store) -> None:
    data = day2.seed(store, insights=False)
    a, b = new_id(), new_id()
    insights.create_insight(store, a, theme_id=data.themes["workload"])
    insights.create_insight(store, b, theme_id=data.themes["leaders"])
    qid = data.quotes["workload"][1]
    insights.add_quote(store, a, qid)
    insights.add_quote(store, b, qid)
    assert [q.id for q in insights.quotes_of(store, a)] == [qid]
    assert [q.id for q in insights.quotes_of(store, b)] == [qid]
    insights.remove_quote(store, a, qid)
    assert insights.quotes_of(store, a) == []
    assert [q.id for q in insights.quotes_of(store, b)] == [qid]
    with store.session() as s:
        quote = s.get(Quote, qid)
        assert quote is not None and not quote.deleted


def test_adding_a_quote_again_after_removing_it_reuses_the_same_link(store: Store) -> None:
    data = day2.seed(store, insights=False)
    iid = new_id()
    insights.create_insight(store, iid)
    qid = data.quotes["voice"][0]
    insights.add_quote(store, iid, qid)
    insights.remove_quote(store, iid, qid)
    insights.add_quote(store, iid, qid)
    with store.session() as s:
        links = s.query(InsightQuote).filter_by(insight_id=iid).all()
    assert len(links) == 1 and not links[0].deleted


def test_quotes_can_be_placed_at_an_index(store: Store) -> None:
    data = day2.seed(store, insights=False)
    iid = new_id()
    insights.create_insight(store, iid)
    q1, q2, q3 = data.quotes["partners"]
    insights.add_quote(store, iid, q1)
    insights.add_quote(store, iid, q2)
    insights.add_quote(store, iid, q3, index=0)
    assert [q.id for q in insights.quotes_of(store, iid)] == [q3, q1, q2]
    assert insights.quote_index(store, iid, q1) == 1


def test_deleting_an_insight_and_creating_it_again_brings_back_its_links(store: Store) -> None:
    data = day2.seed(store)
    iid = data.insights[0]
    insights.delete_insight(store, iid)
    assert iid not in insights.order(store)
    insights.create_insight(store, iid)
    [summary] = [s for s in insights.list_insights(store) if s.id == iid]
    assert summary.quote_count == 1 and summary.theme_headings == (day2.THEMES["workload"],)


def test_themes_can_be_linked_and_unlinked(store: Store) -> None:
    data = day2.seed(store, insights=False)
    iid = new_id()
    insights.create_insight(store, iid, theme_id=data.themes["workload"])
    insights.link_theme(store, iid, data.themes["leaders"])
    assert len(insights.detail(store, iid).themes) == 2
    assert len(insight_evidence.evidence(store, iid).quotes) == 5
    insights.unlink_theme(store, iid, data.themes["workload"])
    assert [h for _, h in insights.detail(store, iid).themes] == [day2.THEMES["leaders"]]


def test_the_theme_list_counts_post_its(store: Store) -> None:
    data = day2.seed(store, insights=False)
    counts = {tid: n for tid, _, n in insights.themes(store)}
    assert counts[data.themes["workload"]] == 4


def test_summaries_show_quote_counts_and_no_quote_yet(store: Store) -> None:
    day2.seed(store)
    summaries = insights.list_insights(store)
    assert [s.quote_count for s in summaries] == [1, 1, 0]


def test_a_theme_made_into_an_insight_brings_its_candidate_quotes_starred_first(store: Store) -> None:
    data = day2.seed(store, insights=False)
    iid = new_id()
    changes = insights.create_insight(store, iid, theme_id=data.themes["workload"], quotes=2)
    assert "insight_quotes" in changes
    quotes = insights.quotes_of(store, iid)
    candidates = insight_evidence.theme_evidence(store, data.themes["workload"]).quotes
    assert [q.id for q in quotes] == [q.id for q in candidates[:2]]  # the first two of the evidence
    assert quotes[0].starred and quotes[0].id == data.quotes["workload"][0]  # the starred one first
    assert insights.insight_of_theme(store, data.themes["workload"]) == iid
    assert insights.insight_of_theme(store, data.themes["voice"]) is None


def test_undoing_and_redoing_a_theme_made_into_an_insight_brings_back_the_same_quotes(store: Store) -> None:
    data = day2.seed(store, insights=False)
    iid = new_id()
    insights.create_insight(store, iid, theme_id=data.themes["voice"], quotes=2)
    insights.delete_insight(store, iid)
    assert insights.list_insights(store) == []
    insights.create_insight(store, iid, theme_id=data.themes["voice"], quotes=2)  # redo
    [summary] = insights.list_insights(store)
    assert summary.quote_count == 2


def test_a_link_stored_under_another_id_is_reused_not_doubled_and_can_be_removed(store: Store) -> None:
    data = day2.seed(store, insights=False)
    iid = new_id()
    insights.create_insight(store, iid)
    a, b = data.quotes["voice"]
    with UnitOfWork(store) as uow:  # as the demo review (and older files) store it: not under link_id's id
        uow.add(InsightQuote, new_id(), insight_id=iid, quote_id=a, position=0.0)
        uow.commit()
    insights.add_quote(store, iid, a)
    insights.add_quote(store, iid, b)
    assert [q.id for q in insights.quotes_of(store, iid)] == [a, b], "no quote twice on the insight"
    insights.remove_quote(store, iid, a)
    assert [q.id for q in insights.quotes_of(store, iid)] == [b]
