"""A merge keeps the rules a local edit obeys, the same way whatever order bundles arrive in.

Two or three members on real files make things that are fine alone and wrong together (the same stakeholder group
twice, two interviews in one cell, a team deleted while an interview was added to it), then exchange bundles in
both orders; every file ends with the same content and no record hidden.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.exchange import invariants, transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.services import interviews, quotes, records, review, timetable, timetable_grid, wall, wall_themes
from peerdesk.store.engine import Store
from peerdesk.store.models import PlanningAnswer, QuoteTag, Tag
from tests.helpers.exchange import Team, make_team


@pytest.fixture
def crew(tmp_path: Path) -> Team:
    team = make_team(tmp_path, size=3)
    yield team  # type: ignore[misc]
    team.close()


def send(source: Store, *targets: Store) -> list[str]:
    data = transfer.export_bundle(source).data
    return [transfer.import_bundle(t, data).summary for t in targets]


def swap(a: Store, b: Store) -> tuple[str, str]:
    """Both export before either imports: each edit is concurrent with the other's."""
    to_b, to_a = transfer.export_bundle(a).data, transfer.export_bundle(b).data
    return transfer.import_bundle(b, to_b).summary, transfer.import_bundle(a, to_a).summary


def row(store: Store, model: type, record_id: str) -> object:
    with store.session() as s:
        found = s.get(model, record_id)
        assert found is not None
        s.expunge(found)
        return found


def test_a_record_two_members_created_apart_has_one_author_in_every_order(crew: Team) -> None:
    lead, sam, priya = crew.stores
    review.set_planning_answer(sam, "vision", "Children first")
    review.set_planning_answer(priya, "vision", "Children first, always")
    swap(sam, priya)
    send(priya, lead)  # the lead hears of it from Priya first …
    send(sam, lead)  # … then from Sam
    record_id = review.planning_id(lead.review_id, "vision")
    authors = {row(s, PlanningAnswer, record_id).author_id for s in crew.stores}  # type: ignore[attr-defined]
    assert authors == {min(sam.member_id, priya.member_id)}
    assert len({content_digest(s) for s in crew.stores}) == 1


def test_a_quote_tagged_alike_by_two_members_converges_with_its_link(crew: Team) -> None:
    lead, sam, _ = crew.stores
    qid, _ = records.create(lead, "quotes", text="Nobody calls back")
    send(lead, sam)
    quotes.tag_quotes(lead, [qid], "Contact")
    quotes.tag_quotes(sam, [qid], "contact")
    swap(lead, sam)
    link = quotes.quote_tag_id(qid, quotes.tag_id_for(lead.review_id, "contact"))
    assert link == invariants.quote_tag_id(qid, quotes.tag_id_for(lead.review_id, "contact"))
    assert row(lead, QuoteTag, link).author_id == row(sam, QuoteTag, link).author_id  # type: ignore[attr-defined]
    assert content_digest(lead) == content_digest(sam)


def test_two_stakeholder_groups_of_one_name_become_one_and_keep_what_used_them(crew: Team) -> None:
    lead, sam, priya = crew.stores
    g_lead, _ = timetable_grid.add_group(lead, "Foster carers")
    g_sam, _ = timetable_grid.add_group(sam, "foster carers ")
    interview, _ = interviews.add_interview(lead, group_id=g_lead, title="Carers' evening")
    quote, _ = records.create(sam, "quotes", text="We are never asked", group_id=g_sam)
    to_sam, _ = swap(lead, sam)
    assert "2 stakeholder groups" in to_sam and "made one" in to_sam
    send(sam, priya)
    keeper = g_sam  # made last: the copy shown
    for store in crew.stores:
        assert [g.id for g in timetable.timetable(store).groups] == [keeper]
        assert records.values(store, "quotes", quote, ["group_id"]) == {"group_id": keeper}
    for store in (lead, sam):
        assert records.values(store, "interviews", interview, ["group_id"]) == {"group_id": keeper}
    assert content_digest(lead) == content_digest(sam)
    send(lead, priya)
    assert len({content_digest(s) for s in crew.stores}) == 1


def test_a_rename_onto_a_colleagues_tag_name_merges_the_tags_and_moves_the_links(crew: Team) -> None:
    lead, sam, _ = crew.stores
    q1, _ = records.create(lead, "quotes", text="Three social workers in a year")
    q2, _ = records.create(lead, "quotes", text="I never know who to call")
    quotes.tag_quotes(lead, [q2], "Churn")
    send(lead, sam)
    quotes.tag_quotes(lead, [q1], "Stability")  # the lead makes a new tag …
    churn = quotes.tag_id_for(lead.review_id, "churn")
    quotes.rename_tag(sam, churn, "stability")  # … while Sam renames another to its name: fine apart, not together
    swap(lead, sam)
    for store in (lead, sam):
        tags = quotes.list_tags(store)
        assert [(t.name.casefold(), t.count) for t in tags] == [("stability", 2)]
        assert {q.id: q.tags for q in quotes.list_quotes(store)} == {q1: (tags[0].name,), q2: (tags[0].name,)}
    assert content_digest(lead) == content_digest(sam)


def test_two_interviews_in_one_cell_are_both_kept_and_shown(crew: Team) -> None:
    lead, sam, _ = crew.stores
    slot, _ = timetable_grid.add_slot(lead, "09:45", "10:30")
    team_a, _ = timetable_grid.add_team(lead, "Team A", "Room 1")
    send(lead, sam)
    first, _ = interviews.add_interview(lead, slot_id=slot, team_id=team_a, title="Care leavers")
    second, _ = interviews.add_interview(sam, slot_id=slot, team_id=team_a, title="Foster carers")
    to_sam, _ = swap(lead, sam)
    assert "1 timetable cell holds more than one interview" in to_sam
    for store in (lead, sam):
        cell = timetable.timetable(store).cells[(slot, team_a)]
        assert sorted(i.id for i in cell) == sorted([first, second])
    assert content_digest(lead) == content_digest(sam)


def test_two_slots_at_one_time_become_one_with_all_their_interviews(crew: Team) -> None:
    lead, sam, _ = crew.stores
    team_a, _ = timetable_grid.add_team(lead, "Team A")
    send(lead, sam)
    s_lead, _ = timetable_grid.add_slot(lead, "11:00", "11:45")
    s_sam, _ = timetable_grid.add_slot(sam, "11:00", "12:00")
    i_lead, _ = interviews.add_interview(lead, slot_id=s_lead, team_id=team_a)
    i_sam, _ = interviews.add_interview(sam, slot_id=s_sam, team_id=team_a)
    swap(lead, sam)
    keeper = s_sam  # made last: the copy shown
    for store in (lead, sam):
        table = timetable.timetable(store)
        assert [s.id for s in table.slots] == [keeper]
        assert sorted(i.id for i in table.cells[(keeper, team_a)]) == sorted([i_lead, i_sam])
    assert content_digest(lead) == content_digest(sam)


def test_a_team_deleted_while_a_colleague_added_an_interview_to_it_comes_back(crew: Team) -> None:
    lead, sam, _ = crew.stores
    slot, _ = timetable_grid.add_slot(lead, "14:00")
    team_b, _ = timetable_grid.add_team(lead, "Team B")
    send(lead, sam)
    timetable_grid.delete_team(lead, team_b)
    added, _ = interviews.add_interview(sam, slot_id=slot, team_id=team_b, title="Youth council")
    _, to_lead = swap(lead, sam)
    assert "team “Team B” kept" in to_lead
    for store in (lead, sam):
        table = timetable.timetable(store)
        assert [t.id for t in table.teams] == [team_b]
        assert table.at(slot, team_b) is not None and table.at(slot, team_b).id == added  # type: ignore[union-attr]
    assert content_digest(lead) == content_digest(sam)


def test_post_its_of_a_theme_deleted_meanwhile_return_to_the_unsorted_ones(crew: Team) -> None:
    lead, sam, _ = crew.stores
    p1 = wall.add_postit(lead, "thorn", "Three workers in a year", x=400.0, y=300.0)
    p2 = wall.add_postit(lead, "rose", "Carers feel heard", x=600.0, y=300.0)
    wall_themes.group_as_theme(lead, [p1.created_id], "Stability")
    send(lead, sam)
    theme = wall.load_wall(lead).themes[0].id
    wall_themes.ungroup(lead, theme)  # the lead removes the theme …
    second = p2.created_id
    wall_themes.drop_on(sam, [second], p1.created_id)  # … while Sam adds a post-it to it
    _, to_lead = swap(lead, sam)
    assert "1 post-it of a deleted theme back among the unsorted ones" in to_lead
    for store in (lead, sam):
        state = wall.load_wall(store)
        assert state.themes == ()
        assert records.values(store, "postits", second, ["theme_id"]) == {"theme_id": ""}
    assert content_digest(lead) == content_digest(sam)


def test_tags_rules_match_the_quote_taggers(crew: Team) -> None:
    """The merge's notion of "the same tag" is the tagger's: a name it would refuse as a rename."""
    lead = crew.stores[0]
    quotes.tag_quotes(lead, [records.create(lead, "quotes", text="x")[0]], "Early help")
    with lead.session() as s:
        [tag] = s.query(Tag).all()
    assert invariants.tag_key(tag.name) == invariants.tag_key("  early   HELP ")
    with pytest.raises(Exception, match="already a tag"):
        other = quotes.tag_quotes(lead, [records.create(lead, "quotes", text="y")[0]], "Other")
        del other
        quotes.rename_tag(lead, quotes.tag_id_for(lead.review_id, "other"), "  early   HELP ")


def test_deleting_the_one_shown_of_a_merged_pair_deletes_the_pair_in_every_file(crew: Team) -> None:
    lead, sam, priya = crew.stores
    timetable_grid.add_group(lead, "Foster carers")
    g_sam, _ = timetable_grid.add_group(sam, "foster carers")
    swap(lead, sam)
    keeper = g_sam  # made last: the copy shown
    timetable_grid.delete_group(sam, keeper)  # the copies are one group: deleting it must not bring the other back
    send(sam, lead, priya)
    send(lead, priya)
    for store in crew.stores:
        assert list(timetable.timetable(store).groups) == []
    assert len({content_digest(s) for s in crew.stores}) == 1
    timetable_grid.add_group(priya, "Foster Carers")  # made anew later: live again, as one group
    send(priya, lead, sam)
    for store in crew.stores:
        assert [g.name.casefold() for g in timetable.timetable(store).groups] == ["foster carers"]
    assert len({content_digest(s) for s in crew.stores}) == 1
