"""The non-attribution guard: names the team entered and obvious identifiers are found; people decide."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import guard, records
from peerdesk.store.engine import Store

NAMES = ("Priya Patel", "Tomasz Wrenfield", "Jo de la Cruz")


def found(text: str, names: tuple[str, ...] = NAMES) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.reason) for f in guard.check_text(text, names)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priya Patel said so", [("Priya Patel", "name")]),
        ("priya thinks the panel works", [("priya", "name")]),
        ("ask PATEL about it", [("PATEL", "name")]),
        ("it was Patel's idea", [("Patel's", "name")]),
        ("it was Wrenfield’s idea", [("Wrenfield’s", "name")]),
        ("a word like patella is not a name", []),
        ("Jo said it twice", [("Jo", "name")]),
        ("the de la Cruz family", [("Cruz", "name")]),
        ("Priya\n  Patel on two lines", [("Priya\n  Patel", "name")]),
    ],
)
def test_guarded_names_are_found_with_first_names_surnames_and_possessives(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to j.smith@eastmere.gov.uk today", [("j.smith@eastmere.gov.uk", "email")]),
        ("ring 07700 900123 after six", [("07700 900123", "phone")]),
        ("the office is on 020 7946 0958", [("020 7946 0958", "phone")]),
        ("or +44 (0)1632 960001", [("+44 (0)1632 960001", "phone")]),
        ("we saw 1200 referrals on 2026-03-10", []),
        ("my name is Sandra and I manage", [("Sandra", "self-named")]),
        ("I'm Kwame Mensah, the team lead", [("Kwame Mensah", "self-named")]),
        ("I'm not sure it helps", []),
        ("Mrs Okafor runs the hub", [("Mrs Okafor", "titled-name")]),
        ("as Dr. Jones put it", [("Dr. Jones", "titled-name")]),
    ],
)
def test_obvious_identifiers_are_found_without_any_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, ()) == expected


def test_findings_say_which_guarded_name_and_why() -> None:
    (finding,) = guard.check_text("Priya was there", NAMES)
    assert finding.name == "Priya Patel" and finding.label == "a guarded name (Priya Patel)"


def test_a_name_that_is_also_a_title_match_is_one_finding() -> None:
    assert found("Dr Patel agreed") == [("Dr Patel", "titled-name")]


def test_checking_uses_the_reviews_names_and_sees_new_ones_at_once(store: Store) -> None:
    assert guard.check(store, "Lindiwe said so") == []
    guard.add_name(store, "Lindiwe Dube", "staff")
    assert [f.name for f in guard.check(store, "Lindiwe said so")] == ["Lindiwe Dube"]
    (row,) = records.rows(store, "guarded_names", ["name"])
    records.delete(store, "guarded_names", row["id"])
    assert guard.check(store, "Lindiwe said so") == []


def test_flagged_quotes_lists_quotes_with_findings_and_their_decisions(store: Store) -> None:
    guard.add_name(store, "Priya Patel", "interviewee")
    clean, _ = records.create(store, "quotes", text="We never get a quiet week.")
    named, _ = records.create(store, "quotes", text="Priya keeps us going.")
    mail, _ = records.create(store, "quotes", text="Email me at a.b@example.org")
    flagged = guard.flagged_quotes(store)
    assert [f.quote_id for f in flagged] == [named, mail]
    assert all(f.decision == guard.UNDECIDED for f in flagged)
    guard.set_decision(store, named, "exclude")
    guard.set_decision(store, mail, "keep")
    assert {f.quote_id: f.decision for f in guard.flagged_quotes(store)} == {named: "exclude", mail: "keep"}
    assert guard.undecided_quotes(store) == []
    assert guard.excluded_quote_ids(store) == {named}
    assert clean not in guard.excluded_quote_ids(store)
    guard.set_decision(store, named, "")
    assert [f.quote_id for f in guard.undecided_quotes(store)] == [named]


def test_unknown_decisions_and_empty_names_are_refused(store: Store) -> None:
    quote, _ = records.create(store, "quotes", text="Priya")
    with pytest.raises(UserError):
        guard.set_decision(store, quote, "maybe")
    with pytest.raises(UserError):
        guard.add_name(store, "   ")


def test_flagged_quote_ids_answers_for_the_quotes_asked_about(store: Store) -> None:
    guard.add_name(store, "Priya Patel", "interviewee")
    asked = {"b": "Patel's team", "a": "ring 07700 900123", "c": "a quiet week"}
    assert guard.flagged_quote_ids(store, asked) == ["a", "b"]
