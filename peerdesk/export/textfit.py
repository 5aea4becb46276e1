"""Measuring text before it goes on a slide, so that it never spills out of its box.

PowerPoint does not tell a program how tall its text will be, so we work it out ourselves: each paragraph is
wrapped greedily with real glyph widths in the font the template names (``fonts``: the file this machine, like
LibreOffice, would use for it, with script fallbacks for CJK, Arabic, Hebrew and emoji), lines get an exact height
(we write exact line spacing into the file), and a safety margin covers the differences between renderers.

Lines break at spaces, and anywhere between CJK characters; a word is cut only when it is wider than the whole
line, which ``word_fits`` lets a caller avoid by choosing a smaller size first.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from peerdesk.export import fonts

LINE_HEIGHT = 1.2  # exact line spacing as a multiple of the font size
TALL_LINE_HEIGHT = 1.35  # the same for Arabic, Hebrew and CJK text
TALL_SCRIPTS = frozenset({"arabic", "hebrew", "cjk"})
# Measured widths are stretched by this much before wrapping. They are unkerned advance widths in a font with the
# renderer's metrics (``fonts``): LibreOffice's lines come out within 0.1% of them, and unkerned is what PowerPoint
# sets. A wider margin only set lines short, leaving a card with an empty last line or a gap under a statement.
WIDTH_SAFETY = 1.01
FALLBACK_EM = fonts.FALLBACK_EM

_SPACED_WORD = re.compile(r"(\s*)(\S+)")  # a word and the spaces before it
_family: contextvars.ContextVar[str] = contextvars.ContextVar("family", default=fonts.DEFAULT_FAMILY)


@contextlib.contextmanager
def measuring_with(family: str) -> Iterator[None]:
    """Measure body text in ``family`` (the template's body font) inside this block."""
    token = _family.set(family or fonts.DEFAULT_FAMILY)
    try:
        yield
    finally:
        _family.reset(token)


def current_family() -> str:
    return _family.get()


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False, family: str = "") -> float:
    """Width in points of ``text`` at ``size`` points, with the safety margin included."""
    return _em_width(text, bold, italic, family or _family.get()) * size


@functools.lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool, italic: bool, family: str) -> float:
    return fonts.em_width(text, family, bold, italic) * WIDTH_SAFETY


@functools.lru_cache(maxsize=65536)
def _tokens(word: str) -> tuple[str, ...]:
    """A word split where a line may break inside it: around each CJK character."""
    out: list[str] = []
    for ch in word:
        if fonts.breaks_anywhere(ch) or (out and fonts.breaks_anywhere(out[-1][-1])):
            out.append(ch)
        elif out:
            out[-1] += ch
        else:
            out.append(ch)
    return tuple(out)


def wrap(
    text: str,
    width: float,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    family: str = "",
    indent: float = 0.0,
) -> list[str]:
    """Greedy word wrap into lines no wider than ``width`` points, ``indent`` less after the first (a hanging
    indent); over-long words are cut (see ``word_fits``)."""
    return list(_wrap(text, round(width, 3), size, bold, italic, family or _family.get(), round(indent, 3)))


def word_fits(
    text: str, width: float, size: float, *, bold: bool = False, italic: bool = False, family: str = ""
) -> bool:
    """True when every word of ``text`` fits on a line of ``width`` points (so no word will be cut)."""
    return _word_fits(text, round(width, 3), size, bold, italic, family or _family.get())


@functools.lru_cache(maxsize=16384)
def _word_fits(text: str, width: float, size: float, bold: bool, italic: bool, fam: str) -> bool:
    return all(
        text_width(token, size, bold=bold, italic=italic, family=fam) <= width
        for word in text.split()
        for token in _tokens(word)
    )


@functools.lru_cache(maxsize=4096)
def _wrap(
    text: str, first: float, size: float, bold: bool, italic: bool, family: str, indent: float
) -> tuple[str, ...]:
    lines: list[str] = []
    for hard_line in text.split("\n"):
        width = first if not lines else first - indent
        words = _SPACED_WORD.findall(hard_line)
        if not words:
            lines.append("")
            continue
        current, used = "", 0.0
        for spaces, word in words:
            # Token by token (not the whole line again): long texts stay linear; kerning across words is ignored,
            # which only errs on the wide side. Spaces count as written ("1.  " before a numbered item is two).
            space = text_width(spaces or " ", size, bold=bold, italic=italic, family=family)
            for k, token in enumerate(_tokens(word)):
                gap = space if k == 0 else 0.0
                sep = (spaces or " ") if k == 0 else ""
                w = text_width(token, size, bold=bold, italic=italic, family=family)
                if current and used + gap + w <= width:
                    current, used = f"{current}{sep}{token}", used + gap + w
                    continue
                if not current and w <= width:
                    current, used = token, w
                    continue
                if current:
                    lines.append(current)
                    width = first - indent
                if w > width:
                    held = len(lines)
                    token = _cut_lines(token, lines, (width, first - indent), (size, bold, italic, family))
                    width = first - indent if len(lines) > held else width
                    w = text_width(token, size, bold=bold, italic=italic, family=family)
                current, used = token, w
        lines.append(current)
    return tuple(lines)


def _cut_lines(token: str, lines: list[str], widths: tuple[float, float], font: tuple[float, bool, bool, str]) -> str:
    """Cut the lines a word too long for one takes off its front into ``lines``; the rest, which fits a line (or
    is one character), is returned. Each line costs what it holds: a 20,000-letter word (a colleague's bundle may
    carry one) was measured whole again for every line it took, and a slide of it took minutes. ``widths``: the
    first line's, then the others'."""
    width = widths[0]
    while len(token) > 1:
        cut = _longest_prefix(token, width, *font)
        if cut == len(token):
            break
        lines.append(token[:cut])
        token, width = token[cut:], widths[1]
    return token


def _longest_prefix(word: str, width: float, size: float, bold: bool, italic: bool, family: str) -> int:
    """The most characters from the start of ``word`` that fit ``width`` (at least one). The search is bounded by
    doubling first, so it measures about a line's worth of the word, however long the word is."""
    reach = 64
    while reach < len(word) and text_width(word[:reach], size, bold=bold, italic=italic, family=family) <= width:
        reach *= 2
    lo, hi = 1, min(reach, len(word))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(word[:mid], size, bold=bold, italic=italic, family=family) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


@functools.lru_cache(maxsize=16384)
def line_factor(text: str) -> float:
    """Line spacing for ``text``: taller for scripts whose marks reach above and below Latin lines (Arabic, CJK)."""
    # Each different character once: a long text has few (a per-character scan of 20,000 took seconds per deck).
    return TALL_LINE_HEIGHT if any(fonts.script(ord(ch)) in TALL_SCRIPTS for ch in set(text)) else LINE_HEIGHT


def join_lines(lines: Sequence[str]) -> str:
    """Lines back into one paragraph: a space between them, none between two CJK characters."""
    out = ""
    for line in lines:
        if out and line and not (fonts.breaks_anywhere(out[-1]) and fonts.breaks_anywhere(line[0])):
            out += " "
        out += line
    return out


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
    hang: str = ""  # its opening bullet or number: lines after the first start where the text after it does

    def indent(self) -> float:
        """The hanging indent in points: how far lines after the first start (none for right-to-left text)."""
        if not self.hang or fonts.is_rtl(self.text):
            return 0.0
        return fonts.em_width(self.hang, _family.get(), self.bold, self.italic) * self.size

    def scaled(self, factor: float) -> Para:
        return replace(self, size=round(self.size * factor * 2) / 2, space_before=self.space_before * factor)

    def line_height(self) -> float:
        return self.size * line_factor(self.text)

    def lines(self, width: float) -> list[str]:
        return wrap(self.text, width, self.size, bold=self.bold, italic=self.italic, indent=self.indent())

    def height(self, width: float, *, first: bool = False) -> float:
        return (0.0 if first else self.space_before) + len(self.lines(width)) * self.line_height()

    def words_fit(self, width: float) -> bool:
        return word_fits(self.text, width - self.indent(), self.size, bold=self.bold, italic=self.italic)


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
    head = replace(para, text=join_lines(lines[:fit]))
    tail = replace(para, text=join_lines(lines[fit:]), space_before=0.0, hang="")  # set whole at the margin
    return head, tail


def shortened(text: str, width: float, size: float, max_lines: int, *, bold: bool = False, suffix: str = "") -> str:
    """``text`` as it stands when it wraps to ``max_lines`` lines or fewer, else its longest run of whole words
    that does with "…" after it: a reminder that must stay short, shortened where a reader sees it was.

    ``suffix`` is kept whole after the words, never cut (a chart's question keeps the group that tells its bar
    apart: ``shortened("How safe do you feel?", …, suffix=" — Parents")`` may be "How safe… — Parents")."""
    if len(wrap(text + suffix, width, size, bold=bold)) <= max_lines:
        return text + suffix
    words = text.split()
    lo, hi = 1, len(words) - 1  # one word at least, however wide: ``whole_words`` then makes it fit a line
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(wrap(_with_ellipsis(words[:mid]) + suffix, width, size, bold=bold)) <= max_lines:
            lo = mid
        else:
            hi = mid - 1
    return _with_ellipsis(words[:lo]) + suffix


def _with_ellipsis(words: Sequence[str]) -> str:
    return " ".join(words).rstrip(",;:.?—–-") + "…"


def fit_size(
    text: str, width: float, max_height: float, sizes: Sequence[float], *, bold: bool = False, family: str = ""
) -> float | None:
    """The largest of ``sizes`` (largest first) at which ``text`` fits the box with no word cut; None if none does."""
    for size in sizes:
        lines = wrap(text, width, size, bold=bold, family=family)
        if len(lines) * size * LINE_HEIGHT <= max_height and word_fits(text, width, size, bold=bold, family=family):
            return size
    return None
