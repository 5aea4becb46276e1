"""The survey slide states the survey's true scale, and items on different scales are compared fairly.

Each deck is written, then re-opened with python-pptx and read back: the chart's axis and values, the caption.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Emu

from peerdesk.cli.app import main
from peerdesk.export import workshop_pptx
from peerdesk.services import survey, survey_csv, workshop_outcome
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def slide_of(store: Store, tmp_path: Path, image: bytes | None = None) -> tuple[Any, Any, str]:
    """The survey slide read back from disk: the slide, its chart (or None) and its caption's text."""
    out = tmp_path / "survey.pptx"
    workshop_pptx.export(workshop_outcome.outcome(store), out, survey=survey.results(store), survey_image=image)
    prs = Presentation(str(out))
    cover, slide = prs.slides  # a deck of its own: the title slide, then the survey's
    assert cover.shapes.title.text == "Workshop outcome"
    charts = [s.chart for s in slide.shapes if s.has_chart]
    captions = [s.text_frame.text for s in slide.shapes if s.name == "caption"]
    for shape in slide.shapes:
        assert shape.left >= 0 and shape.top >= 0
        assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height
    [caption] = captions
    return slide, charts[0] if charts else None, caption


def test_a_1_to_7_survey_is_charted_on_its_own_scale_and_the_caption_says_so(store: Store, tmp_path: Path) -> None:
    survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right\nA,B\nC,D\n"))
    survey.set_scale(store, 1, 7)
    survey_csv.import_responses(store, write(tmp_path, "r.csv", "team,1,2\nNorth,7,2\nSouth,1,6\n"))
    _, chart, caption = slide_of(store, tmp_path)
    assert chart is not None
    axis = chart.value_axis
    assert (axis.minimum_scale, axis.maximum_scale, axis.major_unit) == (1.0, 7.0, 1.0)
    assert [list(s.values) for s in chart.plots[0].series] == [[7.0, 2.0], [1.0, 6.0]]
    assert list(chart.plots[0].categories) == ["1. A ↔ B", "2. C ↔ D"]  # the statements, not "Item 1"
    assert "1 = wholly the left statement, 7 = wholly the right." in caption
    assert "5" not in caption.replace("2 respondents", ""), "no trace of the old fixed 1–5 scale"


def test_a_0_to_10_survey_has_its_gridlines_on_whole_scores(store: Store, tmp_path: Path) -> None:
    survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right,low,high\nA,B,0,10\n"))
    survey_csv.import_responses(store, write(tmp_path, "r.csv", "team,1\nNorth,0\nNorth,9\n"))
    _, chart, caption = slide_of(store, tmp_path)
    axis = chart.value_axis
    assert (axis.minimum_scale, axis.maximum_scale, axis.major_unit) == (0.0, 10.0, 1.0)
    assert list(chart.plots[0].series[0].values) == [4.5]
    assert "0 = wholly the left statement, 10 = wholly the right." in caption


def test_items_on_different_scales_are_charted_as_percent_of_the_way_and_the_caption_names_each_scale(
    store: Store, tmp_path: Path
) -> None:
    survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right,low,high\nA,B,1,5\nC,D,0,10\nE,F,1,5\n"))
    survey_csv.import_responses(store, write(tmp_path, "r.csv", "team,1,2,3\nNorth,5,5,2\nSouth,1,0,\n"))
    _, chart, caption = slide_of(store, tmp_path)
    axis = chart.value_axis
    assert (axis.minimum_scale, axis.maximum_scale) == (0.0, 100.0)
    north, south = chart.plots[0].series
    assert list(north.values) == [100.0, 50.0, 25.0], "5 of 1–5 is all the way; 5 of 0–10 is half"
    assert list(south.values) == [0.0, 0.0, None]
    assert "Items are scored on different scales: items 1 and 3 from 1 to 5; item 2 from 0 to 10." in caption
    assert "% of the way from the left statement (0) to the right (100)" in caption


def test_a_survey_picture_from_the_app_gets_the_true_scale_in_its_caption(store: Store, tmp_path: Path) -> None:
    import io

    from PIL import Image

    survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right,low,high\nA,B,1,5\nC,D,0,10\n"))
    survey_csv.import_responses(store, write(tmp_path, "r.csv", "team,1,2\nNorth,5,5\n"))
    png = io.BytesIO()
    Image.new("RGB", (1600, 500), "white").save(png, "PNG")
    slide, chart, caption = slide_of(store, tmp_path, png.getvalue())
    assert chart is None
    assert [s.shape_type for s in slide.shapes if s.shape_type == 13]  # a picture
    assert "item 1 from 1 to 5; item 2 from 0 to 10" in caption
    assert "% of the way" not in caption, "the picture labels its own axis"


def test_a_long_caption_for_many_scales_pushes_the_chart_up_rather_than_running_off(
    store: Store, tmp_path: Path
) -> None:
    rows = "".join(f"Left {n},Right {n},{n % 3},{10 + n}\n" for n in range(12))
    survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right,low,high\n" + rows))
    scores = ",".join(str(n % 3) for n in range(12))
    survey_csv.import_responses(
        store, write(tmp_path, "r.csv", f"team,{','.join(map(str, range(12)))}\nNorth,{scores}\n")
    )
    slide, _, caption = slide_of(store, tmp_path)
    frame = next(s for s in slide.shapes if s.has_chart)
    box = next(s for s in slide.shapes if s.name == "caption")
    assert Emu(frame.top + frame.height) <= box.top, "the chart ends above the caption"
    assert caption.count("; item ") == 11
    assert "(1 respondent)" in caption


def test_cli_sets_the_scale_and_reports_it(
    store: Store, review_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right\nA,B\nC,D\n"))
    store.close()
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    path = str(review_path)
    assert main(["survey", "scale", path, "7", "1"]) == 2
    assert "the first number must be the smaller" in capsys.readouterr().err
    assert main(["survey", "scale", path, "0", "10"]) == 0
    assert "now scored from 0 (the left statement) to 10 (the right)" in capsys.readouterr().out
    assert main(["survey", "import", path, str(write(tmp_path, "r.csv", "team,1,2\nNorth,10,0\n"))]) == 0
    capsys.readouterr()
    assert main(["survey", "results", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scales"] == [[0, 10], [0, 10]]
    assert main(["survey", "results", path]) == 0
    assert "Scale: 0 = wholly the left statement, 10 = wholly the right." in capsys.readouterr().out
