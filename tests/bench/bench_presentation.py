"""Building the presentation for the demo review.

Figure: ``presentation.export_pptx`` on the demo (gathering the content from the file, the confidentiality check,
measuring and fitting every text, the template's layouts, saving). Floor: python-pptx alone writing a deck with
the same number of slides, each with a title and the same text dumped into one box (no measuring, no template),
in the same run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from peerdesk.export import presentation
from peerdesk.services import demo
from tests.bench.report import median, report, time_ms

pytestmark = pytest.mark.bench
REPEAT = 5


def test_presentation_build_time(tmp_path: Path) -> None:
    with demo.write_demo(tmp_path / "demo.peerdesk", demo.DEFAULT_PASSPHRASE) as store:
        deck = presentation.prepare(store, keep=presentation.flagged_quotes(store))
        out = tmp_path / "deck.pptx"
        ours = time_ms(lambda: presentation.export_pptx(store, out, keep=presentation.flagged_quotes(store)), REPEAT)
        slides = len(Presentation(str(out)).slides)
        texts = [i.statement for i in deck.insights] + [q.text for t in deck.themes for q in t.quotes]

        def bare() -> None:
            prs = Presentation()
            prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
            for n in range(slides):
                slide = prs.slides.add_slide(prs.slide_layouts[5])
                slide.shapes.title.text = f"Slide {n}"
                box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(12), Inches(5))
                box.text_frame.text = texts[n % len(texts)] if texts else ""
            prs.save(str(tmp_path / "bare.pptx"))

        floor = time_ms(bare, REPEAT)
    assert slides > len(deck.insights) and len(ours) == len(floor) == REPEAT, (
        "the deck holds a slide per insight and more"
    )
    report("presentation", median(ours), median(floor), "ms", slides=slides, repeat=REPEAT)
