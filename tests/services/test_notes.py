"""Notes, quotes and post-its of an interview (scale answers: test_scale_answers.py)."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import notes
from peerdesk.services.changes import NOTE_TEXT, QUOTE_PLACES
from peerdesk.store.engine import Store
from peerdesk.store.models import Quote
from tests.helpers.timetable import build_day

TEXT = "Intro.\nWe feel listened to when the manager visits.\nCaseloads are too high.\n"


def test_my_note_of_an_interview_is_one_record_created_once(store: Store) -> None:
    day = build_day(store)
    first, changes = notes.open_note(store, day.interviews[0])
    again, nothing = notes.open_note(store, day.interviews[0])
    assert first == again == notes.note_id(day.interviews[0], store.member_id)
    assert "notes" in changes and not nothing
    assert notes.body(store, first) == ""


def test_a_quote_from_a_selection_keeps_its_words_place_and_group_but_no_person(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    start = TEXT.index("We feel")
    end = TEXT.index(" when")
    quote_id, changes = notes.capture_quote(store, note, start - 1, end + 1, TEXT)  # stray spaces are trimmed
    assert {"quotes", NOTE_TEXT} <= changes.tables  # the text saved is the one its editor shows
    assert notes.body(store, note) == TEXT  # the body the offsets refer to was saved with the quote
    [quote] = notes.quotes_of_note(store, note)
    assert (quote.id, quote.text, quote.anchor_start, quote.anchor_end) == (quote_id, "We feel listened to", start, end)
    with store.session() as s:
        row = s.get(Quote, quote_id)
        assert row is not None and row.group_id == day.groups["Foster carers"]
        assert row.interview_id == day.interviews[0]


def test_a_selection_cutting_words_quotes_them_whole(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    start = TEXT.index("eel listened")
    end = TEXT.index("hen the")  # "feel listened to w": both ends cut a word
    notes.capture_quote(store, note, start, end, TEXT)
    [quote] = notes.quotes_of_note(store, note)
    assert quote.text == "feel listened to when"
    assert TEXT[quote.anchor_start : quote.anchor_end] == quote.text  # the place is the whole words too


def test_an_empty_selection_is_not_a_quote(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    with pytest.raises(UserError, match="Select the words"):
        notes.capture_quote(store, note, 3, 3, TEXT)
    with pytest.raises(UserError, match="Select the words"):
        notes.capture_quote(store, note, 6, 7, TEXT)  # only a line break


def test_anchors_moved_by_the_editor_are_saved_with_the_body(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    quote_id, _ = notes.capture_quote(store, note, 7, 14, TEXT)
    changes = notes.save_body(store, note, "Hello. " + TEXT, {quote_id: (14, 21)})
    assert {NOTE_TEXT, QUOTE_PLACES} == set(changes.tables)  # typing: nothing another view shows
    assert {note, quote_id} == set(changes.ids)
    assert notes.quotes_of_note(store, note)[0].anchor_start == 14
    changes = notes.save_body(store, note, "gone", {quote_id: (4, 4)})  # the quoted words were deleted
    assert "quotes" in changes.tables  # the quote lost its place in the notes: the quote lists show it
    quote = notes.quotes_of_note(store, note)[0]
    assert not quote.anchored and quote.text == "We feel"


def test_a_typed_quote_has_no_place_in_the_text(store: Store) -> None:
    day = build_day(store)
    quote_id, _ = notes.add_typed_quote(store, day.interviews[1], "  It is the best team I have worked in. ")
    [quote] = notes.quotes_of_interview(store, day.interviews[1])
    assert (quote.id, quote.text, quote.anchored) == (quote_id, "It is the best team I have worked in.", False)


def test_a_post_it_from_the_current_line_links_to_the_quote_on_it(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    quote_id, _ = notes.capture_quote(store, note, 7, 14, TEXT)
    start, end = notes.line_at(TEXT, 10)
    assert TEXT[start:end] == "We feel listened to when the manager visits."
    rose, _ = notes.make_postit(store, note, "rose", start, end, TEXT)
    s2, e2 = notes.line_at(TEXT, TEXT.index("too high"))
    thorn, _ = notes.make_postit(store, note, "thorn", s2, e2, TEXT)
    by_id = {p.id: p for p in notes.postits_of_note(store, note)}
    assert (by_id[rose].kind, by_id[rose].quote_id, by_id[rose].text) == (
        "rose",
        quote_id,
        "We feel listened to when the manager visits.",
    )
    assert (by_id[thorn].kind, by_id[thorn].quote_id) == ("thorn", "")


def test_an_empty_line_makes_no_post_it(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    with pytest.raises(UserError, match="line with words"):
        notes.make_postit(store, note, "bud", *notes.line_at("a\n\nb", 2), "a\n\nb")


def test_a_quote_names_the_note_it_was_taken_from_until_it_is_deleted(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    quote_id, _ = notes.capture_quote(store, note, 0, 7, TEXT)
    assert notes.note_of_quote(store, quote_id) == note
    notes.delete_quote(store, quote_id)
    with pytest.raises(UserError, match="no longer exists"):
        notes.note_of_quote(store, quote_id)
