"""Build presentation: the pre-flight report, the confidentiality decisions, then the .pptx; the identifiability
guard flags a quote from a tiny stakeholder group."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from peerdesk.export import content, presentation
from peerdesk.export.content import UndecidedQuotes
from peerdesk.services import guard, identifiability, records
from peerdesk.store.engine import Store
from peerdesk.store.models import Interview, Quote
from peerdesk.store.uow import UnitOfWork
from tests.export import hostile_templates
from tests.helpers import day2


def test_an_empty_review_is_told_it_has_no_insights_and_nothing_blocks(store: Store) -> None:
    findings = presentation.preflight(store)
    assert [f.kind for f in findings if f.kind == "empty"] == ["empty"]
    assert not any(f.blocking for f in findings)


def test_the_demo_builds_a_deck_of_slides(demo_store: Store, tmp_path: Path) -> None:
    keep = presentation.flagged_quotes(demo_store)
    out = presentation.export_pptx(demo_store, tmp_path / "deck.pptx", keep=keep)
    assert out.exists() and len(Presentation(str(out)).slides) >= 10


def test_a_flagged_quote_blocks_until_kept_or_left_out(demo_store: Store) -> None:
    deck = presentation.prepare(demo_store, keep=presentation.flagged_quotes(demo_store))
    quote_id = next(q.id for i in deck.insights for q in i.quotes)
    others = [q for q in presentation.flagged_quotes(demo_store) if q != quote_id]
    records.set_fields(demo_store, "quotes", quote_id, text="Zebedee said the duty line never answers.")
    records.set_fields(demo_store, "quotes", quote_id, guard_decision="")
    guard.add_name(demo_store, "Zebedee", "staff")
    assert quote_id in presentation.flagged_quotes(demo_store)
    with pytest.raises(UndecidedQuotes):
        presentation.prepare(demo_store, keep=others)
    assert quote_id not in presentation.prepare(demo_store, keep=others, leave_out=[quote_id]).quote_ids
    assert quote_id in presentation.prepare(demo_store, keep=[*others, quote_id]).quote_ids


def _shrink_group_of(store: Store, quote_id: str, attendees: int) -> None:
    with UnitOfWork(store) as uow:
        quote = uow.get(Quote, quote_id)
        for interview in uow.session.query(Interview).filter(Interview.group_id == quote.group_id):
            uow.update(interview, attendees=attendees)
        uow.commit()


def test_a_quote_from_a_group_of_two_is_traceable_and_must_be_decided(store: Store) -> None:
    seeded = day2.seed(store)
    quote_id = seeded.quotes["workload"][0]  # illustrates insight 1
    _shrink_group_of(store, quote_id, 1)
    assert quote_id in identifiability.traceable_quote_ids(store)
    with pytest.raises(content.UndecidedQuotes) as refused:
        presentation.prepare(store)
    assert quote_id in refused.value.quote_ids
    report = presentation.preflight(store)
    assert any(f.kind == "traceable" and f.blocking for f in report)
    assert quote_id not in presentation.prepare(store, leave_out=refused.value.quote_ids).quote_ids


def test_the_threshold_is_a_review_setting(store: Store) -> None:
    seeded = day2.seed(store)
    quote_id = seeded.quotes["workload"][0]
    _shrink_group_of(store, quote_id, 4)
    assert quote_id not in identifiability.traceable_quote_ids(store)
    with store.session() as s:
        group = s.get(Quote, quote_id).group_id  # type: ignore[union-attr]
    attended = identifiability.group_attendance(store)[group]
    identifiability.set_threshold(store, attended + 1)
    assert identifiability.threshold(store) == attended + 1
    assert quote_id in identifiability.traceable_quote_ids(store)


def test_the_report_names_gaps_in_the_content_and_the_templates_quirks(store: Store, tmp_path: Path) -> None:
    assert any(f.kind == "empty" for f in presentation.preflight(store))
    day2.seed(store)
    kinds = {f.kind for f in presentation.preflight(store)}
    assert "unchecked" in kinds  # the seeded insights are not checked by the observer
    sparse = hostile_templates.make("no-subtitle-no-title-only", tmp_path)
    assert any(f.kind == "template" for f in presentation.preflight(store, sparse))


def test_the_cli_shows_and_changes_the_threshold_within_the_rule(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from peerdesk.cli.app import main
    from tests.conftest import PASSPHRASE

    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["settings", str(demo_copy)]) == 0
    assert "traceable-below  3" in capsys.readouterr().out
    assert main(["settings", str(demo_copy), "--traceable-below", "6"]) == 0
    assert "traceable-below  6" in capsys.readouterr().out
    assert main(["settings", str(demo_copy), "--traceable-below", "0"]) == 2
    assert "between 1 and 50 people" in capsys.readouterr().err
    with Store.open(demo_copy, PASSPHRASE) as store:
        assert identifiability.threshold(store) == 6, "a refused value changes nothing"


def test_a_value_outside_the_rule_from_a_colleagues_file_counts_as_not_set(store: Store) -> None:
    from peerdesk.services.review import planning_id
    from peerdesk.store.models import PlanningAnswer

    with UnitOfWork(store) as uow:
        uow.add(
            PlanningAnswer,
            planning_id(store.review_id, identifiability.SETTING_KEY),
            key="setting:traceable-below",
            text="9999",
        )
        uow.commit()
    assert identifiability.threshold(store) == identifiability.DEFAULT_THRESHOLD
