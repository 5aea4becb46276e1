"""Reading a built .pptx back as a person (or a projector) would meet it: titles, texts, and where things sit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from peerdesk.export import content, textfit
from peerdesk.export.content import Deck, DeckInsight, DeckQuote, DeckTheme
from peerdesk.export.textfit import Para

EMU_PER_PT = 12700


@dataclass
class SlideText:
    title: str
    texts: list[str]

    @property
    def all(self) -> str:
        return "\n".join([self.title, *self.texts])


def slides(path: Path) -> list[SlideText]:
    out = []
    for slide in Presentation(str(path)).slides:
        title = ""
        texts = []
        for shape in slide.shapes:
            if shape.name == "Slide number":
                continue
            if (
                shape.is_placeholder
                and shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
            ) or (shape.name == "Title" and not title):
                title = shape.text_frame.text
            elif shape.has_text_frame:
                texts.append(shape.text_frame.text)
            elif shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        out.append(SlideText(title, texts))
    return out


def shapes_outside(path: Path) -> list[str]:
    prs = Presentation(str(path))
    width, height = prs.slide_width, prs.slide_height
    bad = []
    for n, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            left, top = shape.left or 0, shape.top or 0
            if left < 0 or top < 0 or left + shape.width > width or top + shape.height > height:
                bad.append(f"slide {n}: {shape.name}")
    return bad


def _paras(frame: Any) -> list[Para]:
    paras = []
    for p in frame.paragraphs:
        runs = p.runs
        if not runs:
            continue
        font = runs[0].font
        size = font.size.pt if font.size is not None else 18.0
        space = p.space_before.pt if p.space_before is not None else 0.0
        text = "".join(r.text for r in runs)
        # A hanging indent is written for an opening bullet or number: measured again from the text it hangs on.
        hanging = p._pPr is not None and p._pPr.get("marL") and re.match(r"\S+\s+", text)
        paras.append(
            Para(
                text,
                size,
                bold=bool(font.bold),
                italic=bool(font.italic),
                space_before=space,
                hang=hanging.group(0) if hanging else "",
            )
        )
    return paras


def overfull_frames(path: Path, *, width_factor: float = 1.0) -> list[str]:
    """Text frames whose text, measured again from the saved file, is taller than the frame."""
    prs = Presentation(str(path))
    bad = []
    for n, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            frame = shape.text_frame
            insets_w = (frame.margin_left + frame.margin_right) / EMU_PER_PT
            insets_h = (frame.margin_top + frame.margin_bottom) / EMU_PER_PT
            width = (shape.width / EMU_PER_PT - insets_w) * width_factor
            needed = textfit.height(_paras(frame), width)
            room = shape.height / EMU_PER_PT - insets_h
            if needed > room + 0.5:
                bad.append(f"slide {n}: {shape.name} needs {needed:.0f}pt, has {room:.0f}pt")
    return bad


def long_deck(words: int = 120, n_insights: int = 8) -> Deck:
    sentence = "Practitioners described a long chain of handovers that leaves families retelling their story"
    long_text = " ".join([sentence] * (words // 14 + 1))
    quotes = tuple(DeckQuote(f"q{k}", long_text, "Social workers") for k in range(3))
    return Deck(
        authority="The Very Long Named Metropolitan Borough Council of Somewhere Far Away In The North " * 2,
        focus="Children in care " * 6,
        dates="1–2 April 2026",
        aim=long_text,
        key_questions=(long_text, "Short?", long_text),
        groups=tuple(content.GroupCount(f"Group {k}", 2, 5) for k in range(18)),
        approaches=(("ethnographic", 4),),
        team_size=5,
        interviews=36,
        quotes=140,
        postits={"rose": 20, "thorn": 25, "bud": 18},
        themes=tuple(DeckTheme(f"Theme {k} " + "with a long heading " * 3, 9, quotes[:2]) for k in range(7)),
        insights=tuple(DeckInsight(k + 1, long_text[:400], long_text, quotes) for k in range(n_insights)),
        next_steps=(long_text,) * 3,
    )
