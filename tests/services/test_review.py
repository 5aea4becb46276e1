"""Setting up a review: what "New review" creates, and what the summary and planning form read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import review
from peerdesk.store import migrate, rules
from peerdesk.store.engine import Store
from peerdesk.store.models import Identity, Member


def essentials(**over: object) -> review.Essentials:
    base: dict[str, object] = {
        "authority": "Northby City Council",
        "focus": "Care leavers",
        "me_name": "Jo Lead",
        "me_role": "lead",
        "visit_start": dt.date(2026, 5, 4),
    }
    base.update(over)
    return review.Essentials(**base)  # type: ignore[arg-type]


def test_a_new_review_holds_its_essentials_and_me(tmp_path: Path, passphrase: str) -> None:
    with review.create_review(tmp_path / "r.peerdesk", passphrase, essentials()) as store:
        summary = review.summary(store)
        assert (summary.authority, summary.focus) == ("Northby City Council", "Care leavers")
        assert summary.visit_start == "2026-05-04"
        assert summary.visit_end == "2026-05-05"
        me = review.me(store)
        assert (me.name, me.role, me.initials) == ("Jo Lead", "lead", "JL")


def test_follow_up_and_retention_default_to_four_months_after_the_visit(tmp_path: Path, passphrase: str) -> None:
    with review.create_review(tmp_path / "r.peerdesk", passphrase, essentials(visit_start=dt.date(2026, 10, 31))) as s:
        summary = review.summary(s)
    assert summary.followup_date == "2027-02-28"  # month ends are clamped, not overflowed
    assert summary.retention_date == summary.followup_date


def test_my_keys_are_made_with_the_file_and_only_public_halves_are_shared(store: Store) -> None:
    with store.session() as s:
        identity = s.get(Identity, store.member_id)
        member = s.get(Member, store.member_id)
    assert identity is not None and len(identity.signing_private) == 32 and len(identity.kem_private) == 96
    assert member is not None and member.signing_key and member.kem_key


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"authority": "  "}, "host authority"),
        ({"me_name": ""}, "your name"),
        ({"me_role": "boss"}, "Unknown role"),
        ({"visit_end": dt.date(2026, 5, 1)}, "cannot end before"),
    ],
)
def test_missing_or_wrong_essentials_are_refused_and_no_file_is_left(
    tmp_path: Path, passphrase: str, over: dict[str, object], message: str
) -> None:
    path = tmp_path / "r.peerdesk"
    with pytest.raises(UserError, match=message):
        review.create_review(path, passphrase, essentials(**over))
    assert not path.exists()


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="at least 10 characters"):
        review.create_review(tmp_path / "r.peerdesk", "short", essentials())


def test_an_existing_file_is_never_overwritten(store: Store, passphrase: str) -> None:
    with pytest.raises(UserError, match="already exists"):
        review.create_review(store.path, passphrase, essentials())


def test_planning_answers_round_trip_and_report_what_changed(store: Store) -> None:
    changes = review.set_planning_answer(store, "vision", "Every child known early.")
    assert "planning_answers" in changes
    assert review.planning_answers(store)["vision"] == "Every child known early."
    assert not review.set_planning_answer(store, "vision", "Every child known early.")  # no change, no Changes


def test_planning_answers_have_the_same_id_on_every_members_file(store: Store) -> None:
    assert review.planning_id(store.review_id, "vision") == review.planning_id(store.review_id, "vision")
    assert review.planning_id(store.review_id, "vision") != review.planning_id(store.review_id, "culture")


def test_updating_the_review_validates_dates(store: Store) -> None:
    with pytest.raises(UserError, match="not a date"):
        review.update_review(store, followup_date="next spring")
    assert "review" in review.update_review(store, aim="Learn how the front door decides.")
    assert review.summary(store).aim == "Learn how the front door decides."


def test_info_reports_schema_revision_retention_and_counts(store: Store) -> None:
    facts = review.info(store)
    assert facts["schema_revision"] == migrate.head()
    assert facts["retention_date"] == "2026-07-10"
    for key in ("interviews", "notes", "quotes", "postits", "themes", "insights"):
        assert facts[key] == 0


def test_initials() -> None:
    assert review.initials("Mary-Jane Okafor") == "MO"
    assert review.initials("Priya") == "PR"
    assert review.initials("") == "?"


def test_the_planning_form_labels_every_planning_key_in_the_rules_order() -> None:
    on_the_form = (*review.planning_questions(), *review.PLANNING_NAMES, *review.PLANNING_FLAGS)
    assert tuple(key for key, *_ in on_the_form) == rules.PLANNING_KEYS
    assert all(label for _, label, *_ in on_the_form)
