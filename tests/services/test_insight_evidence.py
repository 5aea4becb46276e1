from __future__ import annotations

import uuid

from peerdesk.services import insight_evidence, insights
from peerdesk.store.engine import Store
from tests.helpers import day2


def test_a_theme_s_evidence_lists_its_post_its_and_their_quotes_starred_first(store: Store) -> None:
    data = day2.seed(store, insights=False)
    found = insight_evidence.theme_evidence(store, data.themes["partners"])
    assert found.theme_headings == (day2.THEMES["partners"],)
    assert {p.id for p in found.postits} == set(data.postits["partners"])
    assert found.quotes[0].id == data.quotes["partners"][0]
    assert found.quotes[0].starred and not any(q.starred for q in found.quotes[1:])


def test_candidate_quotes_are_the_first_of_the_evidence(store: Store) -> None:
    data = day2.seed(store, insights=False)
    with store.session() as s:
        first_two = [q.id for q in insight_evidence.theme_evidence(store, data.themes["partners"]).quotes[:2]]
        assert insight_evidence.candidate_quotes(s, data.themes["partners"], 2) == first_two
        assert insight_evidence.candidate_quotes(s, data.themes["partners"], 0) == []


def test_an_insight_without_a_theme_has_no_evidence_but_every_quote_can_be_picked(store: Store) -> None:
    day2.seed(store, insights=False)
    iid = str(uuid.uuid4())
    insights.create_insight(store, iid, statement="On its own")
    found = insight_evidence.evidence(store, iid)
    assert found.postits == () and found.quotes == ()
    assert len(insight_evidence.all_quotes(store)) == sum(len(q) for q in day2.QUOTES.values())
