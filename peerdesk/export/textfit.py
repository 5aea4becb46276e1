"""Measuring text before it goes on a slide, so that it never spills out of its box.

PowerPoint does not tell a program how tall its text will be, so we work it out ourselves: each paragraph is
wrapped greedily with real glyph widths (Liberation Sans, metric-compatible with Arial, which is the font our
template uses; DejaVu Sans, wider, when Liberation is missing), lines get an exact height (we write exact line
spacing into the file), and a safety margin covers the differences between renderers. Without any font file
we fall back on a deliberately wide per-character estimate.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

LINE_HEIGHT = 1.2  # exact line spacing as a multiple of the font size
WIDTH_SAFETY = 1.03  # measured widths are stretched by this much before wrapping
FALLBACK_EM = 0.62  # average glyph width (in ems) when no font file is available: wider than any real text

_FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
_FACES = MappingProxyType(
    {
        (False, False): ("LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf", "DejaVuSans.ttf"),
        (True, False): ("LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf", "DejaVuSans-Bold.ttf"),
        (False, True): ("LiberationSans-Italic.ttf", "Arial Italic.ttf", "ariali.ttf", "DejaVuSans-Oblique.ttf"),
        (True, True): (
            "LiberationSans-BoldItalic.ttf",
            "Arial Bold Italic.ttf",
            "arialbi.ttf",
            "DejaVuSans-BoldOblique.ttf",
        ),
    }
)
_REFERENCE_SIZE = 100  # glyphs are measured at this size and scaled


class _Font(Protocol):
    def getlength(self, text: str) -> float: ...


@functools.cache
def _find_font_file(name: str) -> Path | None:
    for folder in _FONT_DIRS:
        if not folder.is_dir():
            continue
        direct = folder / name
        if direct.is_file():
            return direct
        for found in folder.rglob(name):
            return found
    return None


@functools.cache
def _font(bold: bool, italic: bool) -> _Font | None:
    try:
        from PIL import ImageFont
    except ImportError:  # Pillow comes with python-pptx, but measuring still works without it
        return None
    for name in _FACES[(bold, italic)]:
        path = _find_font_file(name)
        if path is not None:
            try:
                return ImageFont.truetype(str(path), _REFERENCE_SIZE)
            except OSError:
                continue
    return None


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` at ``size`` points, with the safety margin included."""
    return _em_width(text, bold, italic) * size


@functools.lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool, italic: bool) -> float:
    font = _font(bold, italic)
    if font is None:
        return len(text) * FALLBACK_EM * (1.08 if bold else 1.0)
    return font.getlength(text) / _REFERENCE_SIZE * WIDTH_SAFETY


def wrap(text: str, width: float, size: float, *, bold: bool = False, italic: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than ``width`` points; over-long words are broken."""
    return list(_wrap(text, round(width, 3), size, bold, italic))


@functools.lru_cache(maxsize=4096)
def _wrap(text: str, width: float, size: float, bold: bool, italic: bool) -> tuple[str, ...]:
    lines: list[str] = []
    space = text_width(" ", size, bold=bold, italic=italic)
    for hard_line in text.split("\n"):
        words = hard_line.split()
        if not words:
            lines.append("")
            continue
        current, used = "", 0.0
        for word in words:
            # Word by word (not the whole line again): long texts stay linear; kerning across words is ignored,
            # which only errs on the wide side.
            w = text_width(word, size, bold=bold, italic=italic)
            if current and used + space + w <= width:
                current, used = f"{current} {word}", used + space + w
                continue
            if not current and w <= width:
                current, used = word, w
                continue
            if current:
                lines.append(current)
            while w > width and len(word) > 1:
                cut = _longest_prefix(word, width, size, bold, italic)
                lines.append(word[:cut])
                word = word[cut:]
                w = text_width(word, size, bold=bold, italic=italic)
            current, used = word, w
        lines.append(current)
    return tuple(lines)


def _longest_prefix(word: str, width: float, size: float, bold: bool, italic: bool) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(word[:mid], size, bold=bold, italic=italic) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


# --- paragraphs and blocks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    """One paragraph as it will be written: text, size in points, style, space before it in points."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    color: str = "text"  # a role the renderer maps to a colour: text, muted, accent, heading, inverse
    space_before: float = 0.0
    align: str = "left"

    def scaled(self, factor: float) -> Para:
        return replace(self, size=round(self.size * factor * 2) / 2, space_before=self.space_before * factor)

    def line_height(self) -> float:
        return self.size * LINE_HEIGHT

    def lines(self, width: float) -> list[str]:
        return wrap(self.text, width, self.size, bold=self.bold, italic=self.italic)

    def height(self, width: float, *, first: bool = False) -> float:
        return (0.0 if first else self.space_before) + len(self.lines(width)) * self.line_height()


def height(paras: Sequence[Para], width: float) -> float:
    """Height in points of paragraphs set in a box ``width`` points wide (insets excluded)."""
    return sum(p.height(width, first=n == 0) for n, p in enumerate(paras))


def split_para(para: Para, width: float, max_height: float, *, first: bool) -> tuple[Para | None, Para]:
    """Cut a paragraph at a line boundary so the first part fits ``max_height``; (None, para) if no line fits."""
    lines = para.lines(width)
    room = max_height - (0.0 if first else para.space_before)
    fit = min(len(lines), math.floor(room / para.line_height() + 1e-9))
    if fit <= 0:
        return None, para
    head = replace(para, text=" ".join(lines[:fit]))
    tail = replace(para, text=" ".join(lines[fit:]), space_before=0.0)
    return head, tail


def fit_size(text: str, width: float, max_height: float, sizes: Sequence[float], *, bold: bool = False) -> float | None:
    """The largest of ``sizes`` (given largest first) at which ``text`` fits the box; None if none does."""
    for size in sizes:
        if len(wrap(text, width, size, bold=bold)) * size * LINE_HEIGHT <= max_height:
            return size
    return None
