from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from peerdesk.cli import app as cli
from peerdesk.cli.common import PASSPHRASE_ENV
from peerdesk.errors import UserError
from peerdesk.export import content, pptx, presentation
from peerdesk.services import insights, quotes
from peerdesk.store.engine import Store
from peerdesk.store.models import GuardedName, Quote
from peerdesk.store.uow import UnitOfWork
from tests.conftest import PASSPHRASE
from tests.export.pptx_checks import long_deck, overfull_frames, shapes_outside, slides
from tests.helpers import day2

EXPECTED_TITLES = [
    "Westfold County Council",
    "Why we came",
    "The aim of the review",
    "Who we spoke to",
    "How we worked",
    "What we found",
    "Key themes",
]


@pytest.fixture
def seeded(store: Store) -> day2.Day2:
    return day2.seed(store)


def test_the_presentation_follows_the_handbook_order(store: Store, seeded: day2.Day2, tmp_path: Path) -> None:
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    titles = [s.title for s in slides(out)]
    assert titles[:7] == EXPECTED_TITLES
    rest = [t for t in titles[7:] if not t.endswith("(continued)")]
    assert rest == [
        "Key insights",
        "Insight 1 of 3",
        "Insight 2 of 3",
        "Insight 3 of 3",
        "This afternoon",
        "This afternoon's workshop and next steps",
        "Workshop: our insights — your view",
    ]
    assert "10–11 March 2026" in slides(out)[0].all


def test_every_insight_has_its_slide_with_its_description_and_quotes(
    store: Store, seeded: day2.Day2, tmp_path: Path
) -> None:
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    by_title = {s.title: s for s in slides(out)}
    for summary in insights.list_insights(store):
        text = by_title[f"Insight {summary.number} of 3"].all
        assert summary.statement in text
        assert summary.description in text
        for q in insights.quotes_of(store, summary.id):
            assert f"“{q.text}”" in text
            assert f"— {q.group}" in text


def test_who_was_interviewed_lists_groups_and_counts_and_never_a_name(
    store: Store, seeded: day2.Day2, tmp_path: Path
) -> None:
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    who = next(s for s in slides(out) if s.title == "Who we spoke to").all
    assert "7 interviews with 5 stakeholder groups, 41 people in all." in who
    assert "Foster carers" in who and "2 interviews, 9 people" in who
    everything = "\n".join(s.all for s in slides(out))
    assert "Alex Reviewer" not in everything


def test_themes_come_with_quotes_and_methodology_with_numbers(store: Store, seeded: day2.Day2, tmp_path: Path) -> None:
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    theme_text = "\n".join(s.all for s in slides(out) if s.title.startswith("Key themes"))
    for heading in day2.THEMES.values():
        assert heading in theme_text
    insight_text = "\n".join(s.all for s in slides(out) if s.title.startswith("Insight "))
    theme_quotes = [line for line in theme_text.split("\n") if line.startswith("“")]
    assert theme_quotes and not any(q in insight_text for q in theme_quotes)  # a quote appears once
    method = next(s for s in slides(out) if s.title == "How we worked").all
    assert "10 quotes" in method and "15 post-its" in method and "4 themes" in method and "3 insights" in method


def test_the_handout_has_agree_disagree_and_amend_columns(store: Store, seeded: day2.Day2, tmp_path: Path) -> None:
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    handout = next(s for s in slides(out) if s.title.startswith("Workshop: our insights"))
    assert handout.texts[:5] == ["#", "Insight", "Agree ✓", "Disagree ✗", "Amend or add"]
    for summary in insights.list_insights(store):
        assert summary.statement in handout.texts


def test_nothing_extends_past_the_slide_and_all_text_fits_its_frame(
    store: Store, seeded: day2.Day2, tmp_path: Path
) -> None:
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    prs = Presentation(str(out))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9
    assert shapes_outside(out) == []
    assert overfull_frames(out) == []


def test_long_text_shrinks_or_continues_on_more_slides_and_never_overflows(tmp_path: Path) -> None:
    deck = long_deck()
    out = pptx.build(deck, tmp_path / "long.pptx")
    titles = [s.title for s in slides(out)]
    assert any(t.endswith("(continued)") for t in titles)
    assert shapes_outside(out) == []
    assert overfull_frames(out) == []
    # every word of every quote made it onto some slide, in order
    insight_text = " ".join(t for s in slides(out) if s.title.startswith("Insight 1 of") for t in s.texts)
    words = deck.insights[0].quotes[0].text.split()
    assert " ".join(insight_text.split()).count(" ".join(words[-12:])) >= 1


def test_one_enormous_quote_is_split_across_slides(tmp_path: Path) -> None:
    deck = long_deck(words=900, n_insights=1)
    out = pptx.build(deck, tmp_path / "huge.pptx", handout=False)
    insight_slides = [s for s in slides(out) if s.title.startswith("Insight 1 of 1")]
    assert len(insight_slides) >= 3
    assert overfull_frames(out) == [] and shapes_outside(out) == []


def test_a_users_own_template_is_used_through_its_layouts(store: Store, seeded: day2.Day2, tmp_path: Path) -> None:
    theirs = Presentation()  # 4:3, Calibri, with a sample slide that must not survive
    sample = theirs.slides.add_slide(theirs.slide_layouts[0])
    sample.shapes.title.text = "Our branded sample slide"
    template = tmp_path / "branding.pptx"
    theirs.save(str(template))
    out = presentation.export_pptx(store, tmp_path / "deck.pptx", template=template)
    prs = Presentation(str(out))
    assert prs.slide_width == Inches(10)
    titles = [s.title for s in slides(out)]
    assert "Our branded sample slide" not in titles
    assert [t for t in titles if not t.endswith("(continued)")][:7] == EXPECTED_TITLES
    assert shapes_outside(out) == []
    assert overfull_frames(out) == []


def test_a_template_without_title_layouts_still_works(store: Store, seeded: day2.Day2, tmp_path: Path) -> None:
    theirs = Presentation()
    # keep only the Blank layout's placeholders: drop every title placeholder from every layout
    for layout in theirs.slide_layouts:
        for ph in list(layout.placeholders):
            ph._element.getparent().remove(ph._element)
    template = tmp_path / "bare.pptx"
    theirs.save(str(template))
    out = presentation.export_pptx(store, tmp_path / "deck.pptx", template=template)
    texts = "\n".join(s.all for s in slides(out))
    assert "Westfold County Council" in texts and "Who we spoke to" in texts
    assert shapes_outside(out) == [] and overfull_frames(out) == []


def test_a_file_that_is_not_a_presentation_is_refused_as_a_template(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "notes.pptx"
    bad.write_text("not a presentation")
    with pytest.raises(UserError, match="cannot be used as a template"):
        presentation.export_pptx(store, tmp_path / "deck.pptx", template=bad)
    assert not (tmp_path / "deck.pptx").exists()


def _rewritten(tmp_path: Path, part: str, old: str, new: str) -> Path:
    """peerdesk's own template with one text changed in one of its parts: someone else's template, as it may be."""
    import re
    import zipfile

    target = tmp_path / "their-template.pptx"
    with zipfile.ZipFile(pptx.default_template()) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == part:
                data = re.sub(old, new, data.decode(), count=1).encode()
            out.writestr(item, data)
    return target


# Someone else's template, and what was wrong with it: each is refused in words and writes nothing.
HOSTILE_TEMPLATES = {
    "no slide size": ("ppt/presentation.xml", r"<p:sldSz[^>]*/>", "", "slide size"),
    "a slide of no size": ("ppt/presentation.xml", r'cx="\d+" cy="\d+"', 'cx="0" cy="0"', "slide size"),
    "a slide two kilometres wide": ("ppt/presentation.xml", r'cx="\d+"', 'cx="1099511627776"', "slide size"),
    "a colour that is not one": ("ppt/theme/theme1.xml", r'srgbClr val="[0-9A-F]+"', 'srgbClr val="ZZZZZZ"', "theme"),
}


@pytest.mark.parametrize(("part", "old", "new", "says"), HOSTILE_TEMPLATES.values(), ids=HOSTILE_TEMPLATES.keys())
def test_a_template_whose_insides_are_wrong_is_refused_in_words(
    store: Store, seeded: day2.Day2, tmp_path: Path, part: str, old: str, new: str, says: str
) -> None:
    template = _rewritten(tmp_path, part, old, new)
    with pytest.raises(pptx.TemplateError, match=f"cannot be used as a template: .*{says}"):
        presentation.export_pptx(store, tmp_path / "deck.pptx", template=template)
    with pytest.raises(pptx.TemplateError, match=says):
        presentation.preflight(store, template)  # what the Build dialog shows as the path is typed
    assert not (tmp_path / "deck.pptx").exists()


def test_a_template_that_would_unpack_to_far_more_than_any_presentation_is_not_opened(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip of a gigabyte of zeros is a megabyte: python-pptx would unpack all of it into memory, on the UI
    thread as the Build dialog checks the template. The zip's own index says so first (the limit lowered here)."""
    import zipfile

    monkeypatch.setattr(pptx, "MAX_UNPACKED_BYTES", 4 * 1024 * 1024)
    bomb = tmp_path / "bomb.pptx"
    with zipfile.ZipFile(pptx.default_template()) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item))
        out.writestr("ppt/media/zeros.bin", bytes(5 * 1024 * 1024))
    assert bomb.stat().st_size < 200 * 1024
    with pytest.raises(pptx.TemplateError, match="far bigger than any presentation"):
        presentation.export_pptx(store, tmp_path / "deck.pptx", template=bomb)
    monkeypatch.setattr(pptx, "MAX_PACKAGE_BYTES", 1024)
    with pytest.raises(pptx.TemplateError, match="too big to use"):
        presentation.export_pptx(store, tmp_path / "deck.pptx", template=bomb)
    assert not (tmp_path / "deck.pptx").exists()


def test_a_heading_too_long_for_a_slide_of_its_own_is_refused_in_words(tmp_path: Path) -> None:
    """A theme's heading of 20,000 letters and no space (the rules let a bundle bring one): nothing can be cut from
    a heading, and no slide holds it. It was an unexpected error; it is said, and no file is written."""
    deck = long_deck(words=30, n_insights=1)
    unbroken = dataclasses.replace(deck.themes[0], heading="x" * 20_000)
    with pytest.raises(UserError, match=r"too long to fit on a slide even alone .*20,000 characters"):
        pptx.build(dataclasses.replace(deck, themes=(unbroken,)), tmp_path / "deck.pptx", handout=False)
    assert not (tmp_path / "deck.pptx").exists()


def test_a_cancelled_build_leaves_no_file(store: Store, seeded: day2.Day2, tmp_path: Path) -> None:
    deck = presentation.prepare(store)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(pptx.BuildCancelled):
        pptx.build(deck, folder / "deck.pptx", progress=lambda done, total, text: done < 3)
    assert list(folder.iterdir()) == []


def _guard(store: Store, name: str) -> None:
    with UnitOfWork(store) as uow:
        uow.add(GuardedName, name=name, kind="interviewee")
        uow.commit()


def test_flagged_quotes_on_insights_need_a_decision_before_they_go_in(
    store: Store, seeded: day2.Day2, tmp_path: Path
) -> None:
    flagged_id = seeded.quotes["workload"][0]  # illustrates insight 1
    with UnitOfWork(store) as uow:
        uow.update(uow.get(Quote, flagged_id), text="Priya told me I spend more evenings on the system than at home.")
        uow.commit()
    _guard(store, "Priya")
    assert flagged_id in presentation.flagged_quotes(store)
    with pytest.raises(content.UndecidedQuotes) as refused:
        presentation.prepare(store)
    assert refused.value.quote_ids == [flagged_id]

    left_out = presentation.prepare(store, leave_out=[flagged_id])
    assert flagged_id not in left_out.quote_ids
    kept = presentation.prepare(store, keep=[flagged_id])
    assert flagged_id in kept.quote_ids

    with UnitOfWork(store) as uow:  # a decision recorded on the quote is remembered
        uow.update(uow.get(Quote, flagged_id), guard_decision="exclude")
        uow.commit()
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    assert "Priya" not in "\n".join(s.all for s in slides(out))


def test_flagged_quotes_are_never_picked_for_theme_slides(store: Store, seeded: day2.Day2) -> None:
    partner_quotes = seeded.quotes["partners"]
    with UnitOfWork(store) as uow:
        uow.update(uow.get(Quote, partner_quotes[0]), text="Call me on 07700 900123 if it happens again.")
        uow.commit()
    deck = presentation.prepare(store)
    partners = next(t for t in deck.themes if t.heading == day2.THEMES["partners"])
    assert partner_quotes[0] not in {q.id for q in partners.quotes}
    assert len(partners.quotes) == 2


def test_the_cli_writes_the_presentation(
    store: Store,
    seeded: day2.Day2,
    review_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = tmp_path / "cli.pptx"
    assert cli.main(["export-pptx", str(review_path), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 insights" in printed
    assert "Pre-flight: 3 insights with evidence not yet checked by the observer" in printed
    assert [s.title for s in slides(out)][:7] == EXPECTED_TITLES


def test_the_cli_refuses_undecided_flagged_quotes_unless_told(
    store: Store,
    seeded: day2.Day2,
    review_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with UnitOfWork(store) as uow:
        uow.update(uow.get(Quote, seeded.quotes["voice"][0]), text="Ask Mrs Hollins, she changed the rules.")
        uow.commit()
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = tmp_path / "cli.pptx"
    assert cli.main(["export-pptx", str(review_path), str(out)]) == 2
    assert "flagged" in capsys.readouterr().err and not out.exists()
    assert cli.main(["export-pptx", str(review_path), str(out), "--flagged", "leave-out"]) == 0
    assert "Hollins" not in "\n".join(s.all for s in slides(out))


def test_the_cli_says_clearly_when_the_output_is_not_pptx(
    store: Store,
    review_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["export-pptx", str(review_path), str(tmp_path / "deck.pdf")]) == 2
    assert ".pptx" in capsys.readouterr().err


def test_dates_read_naturally() -> None:
    assert content.format_dates("2026-03-10", "2026-03-11") == "10–11 March 2026"
    assert content.format_dates("2026-03-31", "2026-04-01") == "31 March – 1 April 2026"
    assert content.format_dates("2026-12-31", "2027-01-01") == "31 December 2026 – 1 January 2027"
    assert content.format_dates("2026-03-10", "") == "10 March 2026"
    assert content.format_dates("", "") == ""


def test_an_empty_review_still_builds(store: Store, tmp_path: Path) -> None:
    out = presentation.export_pptx(store, tmp_path / "empty.pptx")
    titles = [s.title for s in slides(out)]
    assert "Key insights" in titles and not any(t.startswith("Workshop: our insights") for t in titles)
    assert dataclasses.is_dataclass(presentation.prepare(store))


def _insight_with_every_quote(store: Store, statement: str | None = None) -> str:
    """The demo's first insight given every quote of the review (as a team that kept adding evidence would)."""
    first = insights.list_insights(store)[0]
    have = {q.id for q in insights.quotes_of(store, first.id)}
    for q in quotes.list_quotes(store):
        if q.id not in have:
            insights.add_quote(store, first.id, q.id)
    if statement is not None:
        insights.set_fields(store, first.id, statement=statement)
    return insights.list_insights(store)[0].statement


def test_a_continued_insight_slide_says_which_insight_its_quotes_support(demo_store: Store, tmp_path: Path) -> None:
    statement = _insight_with_every_quote(demo_store)
    out = presentation.export_pptx(demo_store, tmp_path / "deck.pptx", keep=presentation.flagged_quotes(demo_store))
    continued = [s for s in slides(out) if s.title == "Insight 1 of 4 (continued)"]
    assert len(continued) >= 2
    for s in continued:
        assert s.texts[0] == statement  # first on the slide, above its quotes
        assert all(t.startswith("“") for t in s.texts[1:] if t)  # then its quotes (cards and bars have no text)
    assert overfull_frames(out) == [] and shapes_outside(out) == []


def test_a_long_statement_is_shortened_on_continued_slides_with_an_ellipsis(demo_store: Store, tmp_path: Path) -> None:
    long = " ".join(["Front door decisions depend on who is on duty rather than on how the service is designed"] * 4)
    _insight_with_every_quote(demo_store, long)
    out = presentation.export_pptx(demo_store, tmp_path / "deck.pptx", keep=presentation.flagged_quotes(demo_store))
    by_title = [s for s in slides(out) if s.title.startswith("Insight 1 of 4")]
    assert long in by_title[0].texts  # the insight's own slide has it whole
    for s in by_title[1:]:
        recap = s.texts[0]
        assert recap.endswith("…") and long.startswith(recap[:-1]) and len(recap) < len(long)
    assert overfull_frames(out) == [] and shapes_outside(out) == []


def _themes_deck(quotes_in_first: int) -> content.Deck:
    """A deck whose first theme holds many quotes (a theme that gathered most of the wall), then a short one."""
    said = "Families told us they had to tell their story again to every new worker they met"
    many = tuple(content.DeckQuote(f"t{k}", f"{said} ({k}).", "Parents and carers") for k in range(quotes_in_first))
    themes = (
        content.DeckTheme("Families tell their story again and again", 30, many),
        content.DeckTheme("The front door works because of the people in it", 9, many[:1]),
    )
    return dataclasses.replace(long_deck(n_insights=1), themes=themes)


def test_a_theme_whose_quotes_run_on_repeats_its_heading_on_each_continued_slide(tmp_path: Path) -> None:
    out = pptx.build(_themes_deck(14), tmp_path / "themes.pptx", handout=False)
    themes = [s for s in slides(out) if s.title.startswith("Key themes")]
    continued = [s for s in themes[1:] if s.texts[0] == "Families tell their story again and again"]
    assert len(continued) >= 2
    second = "The front door works because of the people in it"
    for s in continued:  # the reminder, then that theme's quotes (cards and bars have no text)
        assert all(t.startswith("“") for t in s.texts[1:] if t and t != second)
    # the next theme opens with its own heading once, never repeated as a reminder
    assert sum(t == second for s in themes for t in s.texts) == 1
    assert overfull_frames(out) == [] and shapes_outside(out) == []


def test_peerdesks_template_starts_the_body_close_under_a_title_of_up_to_two_lines() -> None:
    renderer = pptx.Renderer(None)
    layout = renderer.t.layouts.content
    title, (body, _) = renderer.t.title_rect(layout), renderer.body_box(layout)
    pt = 12700
    two_lines = 2 * 24 * 1.2 + 2 * 4  # the title's second-smallest size, twice, and its insets
    assert two_lines <= title.height / pt <= two_lines + 4  # room for a long title, and no more than that
    assert 0 < (body.top - title.bottom) / pt <= 8
    assert body.height / pt >= 0.73 * renderer.height / pt


def test_bullets_and_numbered_items_wrap_under_their_text_not_under_the_bullet(
    store: Store, seeded: day2.Day2, tmp_path: Path
) -> None:
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    prs = Presentation(str(out))
    hung = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                text = "".join(r.text for r in p.runs)
                if text.startswith("•  ") or (text[:1].isdigit() and ".  " in text[:5]):
                    ppr = p._pPr
                    assert ppr is not None and int(ppr.get("marL")) > 0, text
                    assert int(ppr.get("indent")) == -int(ppr.get("marL"))
                    hung += 1
    assert hung >= 8  # the method's bullets, the key questions, the insights at a glance, the workshop
    assert overfull_frames(out) == [] and shapes_outside(out) == []


def test_who_we_spoke_to_sets_many_groups_in_two_columns_on_one_slide(demo_store: Store, tmp_path: Path) -> None:
    out = presentation.export_pptx(demo_store, tmp_path / "deck.pptx", keep=presentation.flagged_quotes(demo_store))
    prs = Presentation(str(out))
    [who] = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith("Who we spoke")]
    texts = [sh for sh in who.shapes if sh.name == "text"]
    lefts = sorted({sh.left for sh in texts})
    assert len(lefts) == 2 and lefts[0] == who.shapes.title.left  # two columns, the first under the title
    assert all(sh.left + sh.width < lefts[1] for sh in texts if sh.left == lefts[0])  # side by side, apart
    said = "\n".join(sh.text_frame.text for sh in texts)
    assert "Senior leaders" in said and "Elected members" in said and "Everyone spoke in confidence" in said
    assert overfull_frames(out) == [] and shapes_outside(out) == []
