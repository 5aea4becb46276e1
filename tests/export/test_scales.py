"""The interviews' 0–10 answers as means per stakeholder group, without letting a bar be one small group's own."""

from __future__ import annotations

from pathlib import Path

from peerdesk.export import content, pptx, scales, slides
from peerdesk.services import identifiability, scale_answers
from peerdesk.store.engine import Store
from peerdesk.store.models import Interview, StakeholderGroup
from peerdesk.store.uow import UnitOfWork
from tests.export.pptx_checks import slides as read_slides

Q1, Q2 = "How safe do children feel?", "How well are you listened to?"


def seed(store: Store, sizes: dict[str, int]) -> dict[str, str]:
    """One interview per group with ``sizes`` attendees; returns group name → interview id."""
    out = {}
    with UnitOfWork(store) as uow:
        for n, (name, people) in enumerate(sizes.items()):
            group = uow.add(StakeholderGroup, name=name, position=float(n))
            out[name] = uow.add(Interview, group_id=group.id, attendees=people, title=name).id
        uow.commit()
    return out


def test_means_per_group_and_question_most_asked_first(store: Store) -> None:
    ids = seed(store, {"Social workers": 6, "Partners": 5})
    for value in (4, 6):
        scale_answers.add_scale_answer(store, ids["Social workers"], Q1, value)
    scale_answers.add_scale_answer(store, ids["Partners"], f"  {Q1.lower()} ", 9)
    scale_answers.add_scale_answer(store, ids["Partners"], Q2, 3)
    means = scales.gather(store)
    assert means is not None
    assert means.questions == (Q1, Q2)
    assert means.groups == (("Social workers", (5.0, None)), ("Partners", (9.0, 3.0)))
    assert (means.answers, means.interviews, means.combined, means.left_out) == (4, 2, False, 0)
    assert "4 answers heard in 2 interviews" in means.caption()


def test_small_groups_are_combined_and_too_small_even_combined_are_left_off(store: Store) -> None:
    ids = seed(store, {"Social workers": 6, "Elected members": 1, "Young people": 2})
    scale_answers.add_scale_answer(store, ids["Social workers"], Q1, 5)
    scale_answers.add_scale_answer(store, ids["Elected members"], Q1, 2)
    scale_answers.add_scale_answer(store, ids["Young people"], Q1, 8)
    means = scales.gather(store)
    assert means is not None
    assert [g for g, _ in means.groups] == ["Social workers", scales.COMBINED]
    assert means.groups[1][1] == (5.0,), "one person and two people together: a mean of three people's answers"
    assert "Elected members" not in str(means.groups) and "fewer than 3 people are combined" in means.caption()
    identifiability.set_threshold(store, 4)
    means = scales.gather(store)
    assert means is not None
    assert [g for g, _ in means.groups] == ["Social workers"] and means.left_out == 2
    assert "2 answers from groups too small even combined are not shown" in means.caption()


def test_no_answers_no_chart(store: Store) -> None:
    seed(store, {"Social workers": 6})
    assert scales.gather(store) is None


def test_the_deck_has_a_chart_slide_of_the_answers_per_group(store: Store, tmp_path: Path) -> None:
    ids = seed(store, {"Social workers": 6, "Partners": 5})
    scale_answers.add_scale_answer(store, ids["Social workers"], Q1, 4)
    scale_answers.add_scale_answer(store, ids["Partners"], Q1, 7)
    deck = content.gather(store)
    spec = slides.scale_spec(deck.scales)  # type: ignore[arg-type]
    assert spec.chart is not None and spec.chart.series == (("Social workers", (4.0,)), ("Partners", (7.0,)))
    out = pptx.build(deck, tmp_path / "deck.pptx")
    titles = [s.title for s in read_slides(out)]
    assert titles.index("How people rated what we asked") == titles.index("Key themes") + 1


def test_questions_each_put_to_one_group_become_one_bar_each_named_with_the_group(store: Store) -> None:
    ids = seed(store, {"Social workers": 6, "Partners": 5})
    scale_answers.add_scale_answer(store, ids["Social workers"], Q1, 4)
    scale_answers.add_scale_answer(store, ids["Partners"], Q2, 7)
    spec = slides.scale_spec(scales.gather(store))  # type: ignore[arg-type]
    assert spec.chart is not None
    assert spec.chart.categories == (f"{Q1} — Social workers", f"{Q2} — Partners")
    assert spec.chart.series == (("Mean answer", (4.0, 7.0)),)
