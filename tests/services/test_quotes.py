"""The quote tagger's rules on a real review file."""

from __future__ import annotations

import uuid

import pytest

from peerdesk.errors import UserError
from peerdesk.services import edits, quotes, wall, wall_themes
from peerdesk.store.engine import Store
from peerdesk.store.models import QuoteTag
from tests.helpers.wall_data import seed_quotes


def test_every_quote_is_listed_with_its_group_and_interview_never_a_person(store: Store) -> None:
    seeded = seed_quotes(store)
    rows = quotes.list_quotes(store)
    assert [r.id for r in rows] == seeded.quotes
    first = rows[0]
    assert first.group == "Social workers" and first.interview.startswith("Social workers")
    assert not hasattr(first, "speaker")


def test_filters_combine_group_tag_kind_and_free_text(store: Store) -> None:
    seeded = seed_quotes(store)
    carers = seeded.groups["Foster carers"]
    assert {r.text[:6] for r in quotes.list_quotes(store, group_id=carers)} == {"I rang", "If we "}
    assert [r.kind for r in quotes.list_quotes(store, group_id=carers, kind="bud")] == ["bud"]
    assert len(quotes.list_quotes(store, text="SOCIAL worker")) == 1
    quotes.tag_quotes(store, seeded.quotes[:2], "Communication")
    tag = quotes.list_tags(store)[0]
    assert [r.id for r in quotes.list_quotes(store, tag_id=tag.id)] == seeded.quotes[:2]
    assert [r.id for r in quotes.list_quotes(store, text="communication")] == seeded.quotes[:2]


def test_quote_tag_ids_are_derived_from_quote_and_tag_so_members_converge(store: Store) -> None:
    seeded = seed_quotes(store)
    quotes.tag_quotes(store, [seeded.quotes[0]], "Supervision")
    tag = quotes.list_tags(store)[0]
    assert tag.id == quotes.tag_id_for(store.review_id, "  supervision ")
    with store.session() as s:
        (link,) = s.query(QuoteTag).all()
    assert link.id == str(uuid.uuid5(uuid.UUID(seeded.quotes[0]), tag.id))


def test_tagging_again_with_another_spelling_reuses_the_tag_and_undo_removes_links_and_new_tag(
    store: Store,
) -> None:
    seeded = seed_quotes(store)
    first = quotes.tag_quotes(store, [seeded.quotes[0]], "Front door")
    second = quotes.tag_quotes(store, seeded.quotes[:2], "front  DOOR")
    assert [(t.name, t.count) for t in quotes.list_tags(store)] == [("Front door", 2)]
    edits.undo(store, second)
    assert [(t.name, t.count) for t in quotes.list_tags(store)] == [("Front door", 1)]
    edits.undo(store, first)
    assert quotes.list_tags(store) == []
    edits.redo(store, first)
    assert quotes.list_quotes(store)[0].tags == ("Front door",)


def test_untag_then_retag_brings_the_same_link_back(store: Store) -> None:
    seeded = seed_quotes(store)
    quotes.tag_quotes(store, [seeded.quotes[0]], "Respite")
    tag = quotes.list_tags(store)[0]
    quotes.untag_quotes(store, [seeded.quotes[0]], tag.id)
    assert quotes.list_quotes(store)[0].tags == ()
    quotes.tag_quotes(store, [seeded.quotes[0]], "Respite")
    with store.session() as s:
        assert s.query(QuoteTag).count() == 1


def test_renaming_a_tag_to_an_existing_name_asks_for_a_merge(store: Store) -> None:
    seeded = seed_quotes(store)
    quotes.tag_quotes(store, [seeded.quotes[0]], "Carers")
    quotes.tag_quotes(store, [seeded.quotes[1]], "Foster carers")
    by_name = {t.name: t.id for t in quotes.list_tags(store)}
    with pytest.raises(UserError, match="Merge"):
        quotes.rename_tag(store, by_name["Carers"], "foster carers")
    edit = quotes.rename_tag(store, by_name["Carers"], "Caring")
    assert {t.name for t in quotes.list_tags(store)} == {"Caring", "Foster carers"}
    edits.undo(store, edit)
    assert {t.name for t in quotes.list_tags(store)} == {"Carers", "Foster carers"}


def test_a_new_tag_with_the_old_name_of_a_renamed_tag_is_a_different_tag(store: Store) -> None:
    seeded = seed_quotes(store)
    quotes.tag_quotes(store, [seeded.quotes[0]], "Carers")
    quotes.rename_tag(store, quotes.list_tags(store)[0].id, "Caring")
    quotes.tag_quotes(store, [seeded.quotes[1]], "Carers")
    assert [(t.name, t.count) for t in quotes.list_tags(store)] == [("Carers", 1), ("Caring", 1)]


def test_merging_tags_moves_every_link_and_undo_restores_both_tags(store: Store) -> None:
    seeded = seed_quotes(store)
    quotes.tag_quotes(store, seeded.quotes[:2], "Carers")
    quotes.tag_quotes(store, seeded.quotes[1:3], "Foster carers")
    by_name = {t.name: t.id for t in quotes.list_tags(store)}
    before = quotes.list_quotes(store)
    edit = quotes.merge_tags(store, [by_name["Carers"]], by_name["Foster carers"])
    assert [(t.name, t.count) for t in quotes.list_tags(store)] == [("Foster carers", 3)]
    edits.undo(store, edit)
    assert quotes.list_quotes(store) == before


def test_star_kind_and_text_edits_are_undoable(store: Store) -> None:
    seeded = seed_quotes(store)
    q = seeded.quotes[0]
    before = quotes.list_quotes(store)
    for edit in (quotes.set_starred(store, [q], True),):
        assert quotes.list_quotes(store)[0].starred
        edits.undo(store, edit)
    edit = quotes.set_kind(store, [q], "thorn")
    assert quotes.list_quotes(store)[0].kind == "thorn"
    edits.undo(store, edit)
    edit = quotes.edit_text(store, q, "Shorter words.")
    assert quotes.list_quotes(store)[0].text == "Shorter words."
    edits.undo(store, edit)
    assert quotes.list_quotes(store) == before
    with pytest.raises(UserError):
        quotes.edit_text(store, q, "  ")


def test_one_post_it_from_several_quotes_keeps_their_words_and_shows_as_used(store: Store) -> None:
    seeded = seed_quotes(store)
    edit = quotes.make_postit(store, seeded.quotes[2:4])
    postit = wall.load_wall(store).postit(edit.created_id)
    assert postit.text.count("\n") == 1 and "respite" in postit.text
    assert postit.kind == "rose", "the two quotes disagree (thorn, bud): the writer chooses later"
    assert postit.quote_id == seeded.quotes[2]
    assert quotes.list_quotes(store)[2].used_in == ("Post-it",)
    wall_themes.move_postits(store, {postit.id: (40.0, 40.0)})
    wall_themes.group_as_theme(store, [postit.id], "Respite")
    assert quotes.list_quotes(store)[2].used_in == ("Theme: Respite",)


def test_a_post_it_from_quotes_of_one_kind_takes_that_colour(store: Store) -> None:
    seeded = seed_quotes(store)
    edit = quotes.make_postit(store, [seeded.quotes[1]])
    assert wall.load_wall(store).postit(edit.created_id).kind == "thorn"
