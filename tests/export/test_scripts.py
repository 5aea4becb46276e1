"""Text in other scripts: CJK measured in a CJK font and broken between characters, Arabic and Hebrew set right to
left, emoji and Polish measured like any text; nothing spills out of its box, no Latin word is cut."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn

from peerdesk.export import fonts, pptx, textfit
from peerdesk.export.content import DeckInsight, DeckQuote
from tests.export.pptx_checks import long_deck, overfull_frames, shapes_outside

CJK = "児童養護施設の子どもたちは、自分の将来について話を聞いてもらえることはほとんどないと感じています。" * 3
ARABIC = "يشعر الأطفال في الرعاية بأن أحدًا لا يسألهم عن خططهم للمستقبل، وأن القرارات تُتخذ دون علمهم."
POLISH = "Zażółć gęślą jaźń: rodziny opowiadają swoją historię wielokrotnie, a nikt nie słucha 😔🙏"


def _deck() -> object:
    base = long_deck(words=20, n_insights=3)
    quotes = (DeckQuote("c", CJK, "里親"), DeckQuote("a", ARABIC, "أولياء الأمور"), DeckQuote("p", POLISH, "Rodzice"))
    insights = tuple(
        DeckInsight(n + 1, text[:90], text, (q,))
        for n, (text, q) in enumerate(zip((CJK, ARABIC, POLISH), quotes, strict=True))
    )
    return dataclasses.replace(base, insights=insights, authority="Rada Miasta Łódź — 東京都 — بلدية")


def test_cjk_arabic_polish_and_emoji_stay_in_their_boxes(tmp_path: Path) -> None:
    out = pptx.build(_deck(), tmp_path / "scripts.pptx")  # type: ignore[arg-type]
    assert shapes_outside(out) == []
    assert overfull_frames(out) == []


def test_arabic_paragraphs_are_marked_right_to_left(tmp_path: Path) -> None:
    out = pptx.build(_deck(), tmp_path / "scripts.pptx")  # type: ignore[arg-type]
    rtl, ltr = 0, 0
    for slide in Presentation(str(out)).slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                ppr = p._p.find(qn("a:pPr"))
                marked = ppr is not None and ppr.get("rtl") == "1"
                if "الأطفال" in p.text:
                    rtl += marked
                elif "児童" in p.text:
                    ltr += not marked
    assert rtl >= 2 and ltr >= 1


def test_cjk_is_measured_as_wide_and_breaks_between_characters() -> None:
    assert fonts.script(ord("児")) == "cjk" and fonts.is_rtl(ARABIC) and not fonts.is_rtl(POLISH)
    latin = textfit.text_width("abcdefghij", 20)
    assert textfit.text_width("児童養護施設の子ども", 20) > latin * 1.3
    lines = textfit.wrap(CJK, 300, 20)
    assert len(lines) > 3 and all(textfit.text_width(line, 20) <= 300 for line in lines)
    assert textfit.join_lines(lines) == CJK


def test_a_word_is_not_cut_when_a_smaller_size_fits_it() -> None:
    assert not textfit.word_fits("Disagree", 40, 16)
    assert textfit.fit_size("Disagree ✗", 60, 100, (16, 14, 12, 10, 8)) is not None
    size = textfit.fit_size("Disagree ✗", 60, 100, (16, 14, 12, 10, 8))
    assert size is not None and textfit.word_fits("Disagree", 60, size)
