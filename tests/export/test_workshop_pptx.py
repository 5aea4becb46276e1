"""The workshop's outcome as slides and as a one-page summary, read back with python-pptx; and the CLI commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from peerdesk.cli.app import main
from peerdesk.export import workshop_pptx, workshop_summary
from peerdesk.services import survey, survey_csv, workshop, workshop_goals, workshop_outcome
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE

LONG = (
    "Bring the front door, early help and the hubs into one weekly conversation about the families they share, "
    "so nobody has to tell their story twice and step-downs are followed up by a named person"
)


def record_workshop(store: Store, *, tables: int = 4, long_text: bool = False) -> workshop_outcome.Outcome:
    ids = [workshop.add_table(store)[0] for _ in range(tables)]
    insights = workshop.insights(store)
    for n, table in enumerate(ids):
        for m, insight in enumerate(insights):
            answer = ("agree", "disagree", "amend")[(n + m) % 3]
            workshop.set_response(
                store, table, insight.id, answer, "Our table would word it more gently" if answer == "amend" else ""
            )
    workshop.add_new_insight(store, ids[0], "Schools want a say in how the front door works, not just a phone number")
    goals = [
        workshop_goals.add_goal(
            store, insights[n % len(insights)].id, f"Goal {n + 1}: {LONG if long_text else 'shared practice'}"
        )[0]
        for n in range(tables + 2)
    ]
    for table, goal in zip(ids, goals, strict=False):
        workshop_goals.claim_goal(store, goal, table)
        for k in range(4):
            workshop_goals.add_idea(store, goal, f"Idea {k + 1}")
        for rank in (1, 2, 3):
            workshop_goals.set_top_action(store, table, rank, f"Action {rank}: {LONG if long_text else 'a clear step'}")
    for text in ("Pilot a joint duty rota from May", "Ask schools to co-design the referral form"):
        workshop.add_note(store, "next_step", text)
    workshop.add_note(store, "went_well", "Every table had a partner at it")
    workshop.add_note(store, "even_better_if", "Young people had been in the room")
    return workshop_outcome.outcome(store)


def all_text_of(slide: object) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)  # type: ignore[attr-defined]


def all_text(prs: object) -> str:
    texts = []
    for slide in prs.slides:  # type: ignore[attr-defined]
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
    return "\n".join(texts)


def assert_inside(prs: object) -> None:
    width, height = prs.slide_width, prs.slide_height  # type: ignore[attr-defined]
    for n, slide in enumerate(prs.slides, start=1):  # type: ignore[attr-defined]
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, f"slide {n}: {shape.name} starts off the slide"
            assert shape.left + shape.width <= width, f"slide {n}: {shape.name} runs past the right edge"
            assert shape.top + shape.height <= height, f"slide {n}: {shape.name} runs past the bottom"


def test_the_outcome_becomes_a_presentation_of_its_own(demo_store: Store, tmp_path: Path) -> None:
    outcome = record_workshop(demo_store)
    out = tmp_path / "workshop.pptx"
    added = workshop_pptx.export(outcome, out, heading="Eastmere — Early help", date="11 March 2026")
    prs = Presentation(str(out))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == [
        "Eastmere — Early help",
        "How the tables responded to the insights",
        "Amended and new insights",
        "Goals",
        "Table 1: top 3 actions",
        "Table 2: top 3 actions",
        "Table 3: top 3 actions",
        "Table 4: top 3 actions",
        "Next steps",
        "How the day went",
    ]
    assert added == len(titles)
    cover = prs.slides[0]
    assert cover.slide_layout == prs.slide_layouts[0], "the title slide is on the template's cover layout"
    assert "Workshop outcome\n11 March 2026" in all_text_of(cover)
    text = all_text(prs)
    assert "Agree: Table 1" in text
    assert "New, from Table 1: Schools want a say" in text
    assert "Goal 1: shared practice  — chosen by Table 1" in text
    assert "1. Action 1: a clear step" in text
    assert "Pilot a joint duty rota from May" in text and "Young people had been in the room" in text
    assert_inside(prs)


def test_slides_are_appended_after_the_presentation_in_its_layouts(demo_store: Store, tmp_path: Path) -> None:
    deck = Presentation()  # a 4:3 deck of the team's own, with two slides already
    for title in ("Aim of the review", "Key insights"):
        deck.slides.add_slide(deck.slide_layouts[1]).shapes.title.text = title
    original = tmp_path / "presentation.pptx"
    deck.save(str(original))
    out = tmp_path / "with-workshop.pptx"
    added = workshop_pptx.export(record_workshop(demo_store), out, append_to=original)
    prs = Presentation(str(out))
    assert len(prs.slides) == 2 + added
    assert [s.shapes.title.text for s in prs.slides][:3] == [
        "Aim of the review",
        "Key insights",
        "How the tables responded to the insights",
    ]
    # The deck's own layouts (found by their placeholders, not their names), numbered like the deck's slides.
    assert {s.slide_layout.name for s in list(prs.slides)[2:]} <= {"Title and Content", "Title Only"}
    numbers = [sh.text_frame.text for s in list(prs.slides)[2:] for sh in s.shapes if sh.name == "Slide number"]
    assert numbers[0] == "3"
    assert len(Presentation(str(original)).slides) == 2, "the presentation itself is only read"
    assert_inside(prs)


def test_long_texts_continue_on_another_slide_rather_than_run_off(demo_store: Store, tmp_path: Path) -> None:
    outcome = record_workshop(demo_store, tables=8, long_text=True)
    out = tmp_path / "long.pptx"
    workshop_pptx.export(outcome, out)
    prs = Presentation(str(out))
    titles = [s.shapes.title.text for s in prs.slides]
    assert "Goals (continued)" in titles
    assert_inside(prs)
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.name not in ("Slide number", "Subtitle") and not shape.is_placeholder:
                sizes = {r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs if r.font.size}
                assert min(sizes) >= 14, "never smaller than readable on a projector"


def test_survey_results_become_a_chart_slide(store: Store, tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_text("left,right\nA,B\nC,D\n", encoding="utf-8")
    survey_csv.import_items(store, items)
    responses = tmp_path / "r.csv"
    responses.write_text("team,1,2\nNorth,1,4\nSouth,2,5\n", encoding="utf-8")
    survey_csv.import_responses(store, responses)
    out = tmp_path / "survey.pptx"
    workshop_pptx.export(workshop_outcome.outcome(store), out, survey=survey.results(store))
    prs = Presentation(str(out))
    _, slide = prs.slides
    assert slide.shapes.title.text == "Leadership of change survey: results by team"
    [chart] = [s.chart for s in slide.shapes if s.has_chart]
    assert [s.name for s in chart.plots[0].series] == ["North", "South"]
    assert list(chart.plots[0].series[1].values) == [2.0, 5.0]
    assert_inside(prs)


def test_nothing_to_export_is_said_plainly(store: Store, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="nothing from the workshop"):
        workshop_pptx.export(workshop_outcome.outcome(store), tmp_path / "x.pptx")
    assert not (tmp_path / "x.pptx").exists()


def test_a_file_that_is_not_a_presentation_is_refused(demo_store: Store, tmp_path: Path) -> None:
    fake = tmp_path / "fake.pptx"
    fake.write_text("not a zip")
    with pytest.raises(Exception, match="not a PowerPoint presentation"):
        workshop_pptx.export(record_workshop(demo_store), tmp_path / "out.pptx", append_to=fake)


def test_the_one_page_summary_is_escaped_html_with_the_outcome(demo_store: Store, tmp_path: Path) -> None:
    outcome = record_workshop(demo_store)
    workshop.add_note(demo_store, "next_step", "<script>alert(1)</script> & more")
    outcome = workshop_outcome.outcome(demo_store)
    path = tmp_path / "summary.html"
    workshop_summary.write(outcome, path, "Eastmere — Early help", "2026-03-11")
    html = path.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Goal 1: shared practice" in html and "Action 3: a clear step" in html
    assert html.count("<tr>") == 1 + len(outcome.insights) + 1 + len(outcome.tables) + 1


def test_a_long_workshop_summary_is_shortened_to_one_page_and_the_full_record_keeps_every_word(
    demo_store: Store,
) -> None:
    record_workshop(demo_store, tables=8, long_text=True)
    for k in range(30):
        workshop.add_note(demo_store, "next_step", f"Step {k}: {LONG}")
    outcome = workshop_outcome.outcome(demo_store)
    one = workshop_summary.render(outcome, "Eastmere", "11 March 2026")
    assert "more in the full record" in one and "Shortened to fit one page" in one
    assert LONG not in one
    full = workshop_summary.render_full(outcome, "Eastmere", "11 March 2026")
    assert full.count(LONG) >= 30 + 8 * 3 and "Step 29" in full and "Shortened" not in full
    assert "Idea 4" in full, "the full record lists each table's ideas"


def test_cli_exports_the_workshop_and_imports_a_survey(
    demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    with Store.open(demo_copy, PASSPHRASE) as store:
        record_workshop(store)
    items = tmp_path / "items.csv"
    items.write_text("left,right\nA,B\nC,D\n", encoding="utf-8")
    assert main(["survey", "items", str(demo_copy), str(items)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("team,1,2\nNorth,1,7\n", encoding="utf-8")
    assert main(["survey", "import", str(demo_copy), str(bad)]) == 2
    assert "row 2" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text("team,1,2\nNorth,1,4\nSouth,2,5\n", encoding="utf-8")
    assert main(["survey", "import", str(demo_copy), str(good)]) == 0
    assert "2 survey responses from 2 teams" in capsys.readouterr().out
    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "Our findings"
    deck.save(str(tmp_path / "deck.pptx"))
    out, summary = tmp_path / "out.pptx", tmp_path / "summary.html"
    code = main(
        [
            "workshop-export",
            str(demo_copy),
            str(out),
            "--append-to",
            str(tmp_path / "deck.pptx"),
            "--summary",
            str(summary),
            "--full-record",
            str(tmp_path / "record.html"),
        ]
    )
    assert code == 0
    prs = Presentation(str(out))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == "Our findings" and titles[-1] == "Leadership of change survey: results by team"
    assert summary.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    day_2 = dt.date.today()  # the demo's visit ended today
    assert f"· {day_2.day} {day_2:%B %Y}" in summary.read_text(encoding="utf-8")  # as on the slides, not ISO
    assert "Workshop: the full record" in (tmp_path / "record.html").read_text(encoding="utf-8")
    assert_inside(prs)
    assert Inches(10) == prs.slide_width, "appended slides keep the deck's own size"


def test_every_text_is_fitted_to_its_box_in_a_4_3_deck_measured_in_its_font(demo_store: Store, tmp_path: Path) -> None:
    from peerdesk.export import textfit
    from tests.export.pptx_checks import overfull_frames, shapes_outside

    original = tmp_path / "narrow.pptx"
    Presentation().save(str(original))  # 4:3, Calibri: titles and bodies have less room
    out = tmp_path / "narrow-workshop.pptx"
    workshop_pptx.export(record_workshop(demo_store, tables=8, long_text=True), out, append_to=original)
    assert shapes_outside(out) == []
    with textfit.measuring_with("Calibri"):
        assert overfull_frames(out) == []


def test_a_standalone_deck_takes_the_authority_template_and_its_colours(demo_store: Store, tmp_path: Path) -> None:
    from peerdesk.export import colours
    from tests.export import hostile_templates

    template = hostile_templates.make("dark", tmp_path)
    out = tmp_path / "dark-workshop.pptx"
    workshop_pptx.export(record_workshop(demo_store), out, template=template, heading="Eastmere")
    prs = Presentation(str(out))
    background = colours.hex_rgb(hostile_templates.DARK)
    for slide in prs.slides:
        for shape in slide.shapes:
            for run in (r for p in shape.text_frame.paragraphs for r in p.runs if r.text.strip()):
                ratio = colours.contrast(colours.hex_rgb(str(run.font.color.rgb)), background)
                assert ratio >= 4.5, run.text
