"""Text written into shapes: fitted whole words, our own insets, right-to-left marked, colours as given."""

from __future__ import annotations

from pptx import Presentation
from pptx.util import Pt

from peerdesk.export import drawing, textfit


def test_a_long_title_gets_the_largest_size_at_which_it_fits_its_shape() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Pt(300), Pt(80))
    text = "Families retell their story at every handover between services"
    drawing.fill_fitted(box, text, (40.0, 32.0, 24.0, 18.0), bold=True, family="Arial", colour=(1, 2, 3))
    size = box.text_frame.paragraphs[0].runs[0].font.size.pt
    assert size < 40.0
    lines = textfit.wrap(text, 300 - 8, size, bold=True, family="Arial")
    assert len(lines) * size * textfit.LINE_HEIGHT <= 80 - 8
    assert str(box.text_frame.paragraphs[0].runs[0].font.color.rgb) == "010203"


def test_text_that_fits_at_no_size_is_shortened_with_an_ellipsis_never_cut_mid_box() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Pt(200), Pt(30))
    drawing.fill_fitted(box, "word " * 80, (20.0, 18.0), bold=False, family="Arial", colour=None)
    assert box.text_frame.text.endswith("…")


def test_arabic_paragraphs_are_marked_right_to_left() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Pt(300), Pt(80))
    drawing.fill_fitted(box, "الأسر تروي قصتها مرة أخرى", (20.0,), bold=False, family="Arial", colour=None)
    assert box.text_frame.paragraphs[0]._p.pPr.get("rtl") == "1"


def test_a_box_reports_its_size_in_points() -> None:
    box = drawing.Box(0, 0, int(Pt(720)), int(Pt(405)))
    assert (box.width_pt, box.height_pt) == (720.0, 405.0)
