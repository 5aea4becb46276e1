"""The fonts text is measured with: the ones the template names, found on this machine the way the renderer finds them.

A slide's text is set by whoever opens the file (PowerPoint, LibreOffice), in the font the template's theme names
or, when that font is not installed, a substitute chosen by the system's font configuration. We measure with the
same: ``fc-match`` (fontconfig, which LibreOffice also uses) names the file and the characters it covers, and
Pillow (which python-pptx already needs) reads the glyph widths from it. Characters the font lacks are measured in
the font fontconfig falls back to for their script (CJK, Arabic, Hebrew, emoji), and where no font at all is
known, with a deliberately wide estimate (a full em for wide East Asian characters).
"""

from __future__ import annotations

import bisect
import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

REFERENCE_SIZE = 100  # glyphs are measured at this size and scaled
FALLBACK_EM = 0.62  # average glyph width (in ems) when no font file is available: wider than any real text
WIDE_EM = 1.0  # a wide (East Asian) character without a font
DEFAULT_FAMILY = "Arial"
FALLBACK_SPARE = 1.06  # extra width for text set in a script fallback font
SYNTHETIC_BOLD = 0.04  # and more when that font is emboldened by the renderer

_FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
# Without fontconfig (Windows, macOS): the fonts we know to be metric-compatible with Arial, or wider.
_FILES = MappingProxyType(
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
_LATIN_ONLY = ((0x20, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20BF), (0x2100, 0x214F))
# Where fontconfig looks when the named font lacks a character, by script.
_SCRIPT_PATTERNS = MappingProxyType(
    {"cjk": ":lang=zh-cn", "arabic": ":lang=ar", "hebrew": ":lang=he", "emoji": ":lang=und-zsye"}
)


class _Measurer(Protocol):
    def getlength(
        self, text: str, mode: str = ..., direction: str | None = ..., features: list[str] | None = ...
    ) -> float: ...


@dataclass(frozen=True)
class Face:
    path: str
    index: int
    ranges: tuple[tuple[int, int], ...]  # sorted, inclusive code point ranges the font covers

    def covers(self, cp: int) -> bool:
        n = bisect.bisect_right(self.ranges, (cp, 0x10FFFF + 1)) - 1
        return n >= 0 and self.ranges[n][0] <= cp <= self.ranges[n][1]


def script(cp: int) -> str:
    """The script family a character falls back by: cjk, arabic, hebrew, emoji, or "" for the rest."""
    if 0x0590 <= cp <= 0x05FF or 0xFB1D <= cp <= 0xFB4F:
        return "hebrew"
    if 0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        return "arabic"
    if 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF:
        return "emoji"
    if unicodedata.east_asian_width(chr(cp)) in ("W", "F"):
        return "cjk"
    return ""


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Arabic, Hebrew, ...)."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def breaks_anywhere(ch: str) -> bool:
    """A character a line may break before or after without a space (CJK ideographs, kana, hangul)."""
    return script(ord(ch)) == "cjk"


# --- finding font files ---------------------------------------------------------------------------------------


def _parse_charset(text: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for part in text.split():
        lo, _, hi = part.partition("-")
        try:
            ranges.append((int(lo, 16), int(hi or lo, 16)))
        except ValueError:
            continue
    return tuple(sorted(ranges))


@functools.cache
def _fc_match(pattern: str) -> Face | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "-f", "%{file}|%{index}|%{charset}", pattern], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, rest = done.stdout.partition("|")
    index, _, charset = rest.partition("|")
    if done.returncode != 0 or not path or not Path(path).is_file():
        return None
    return Face(path, int(index) if index.isdigit() else 0, _parse_charset(charset))


@functools.cache
def _find_file(name: str) -> Path | None:
    for folder in _FONT_DIRS:
        if not folder.is_dir():
            continue
        if (folder / name).is_file():
            return folder / name
        for found in folder.rglob(name):
            return found
    return None


def _escape(family: str) -> str:
    return "".join(f"\\{c}" if c in "-:,\\" else c for c in family)


@functools.cache
def face(family: str, bold: bool, italic: bool) -> Face | None:
    """The font file this machine uses for ``family`` (or its substitute), None when none is known."""
    style = (":bold" if bold else "") + (":italic" if italic else "")
    found = _fc_match(_escape(family or DEFAULT_FAMILY) + style)
    if found is not None:
        return found
    for name in _FILES[(bold, italic)]:
        path = _find_file(name)
        if path is not None:
            return Face(str(path), 0, _LATIN_ONLY)
    return None


@functools.cache
def _fallback(kind: str, cp: int, bold: bool) -> Face | None:
    pattern = _SCRIPT_PATTERNS.get(kind, f":charset={cp:x}") + (":bold" if bold else "")
    found = _fc_match(pattern)
    return found if found is not None and found.covers(cp) else None


@functools.cache
def _measurer(path: str, index: int) -> _Measurer | None:
    try:
        from PIL import ImageFont
    except ImportError:  # Pillow comes with python-pptx; measuring still works (wider) without it
        return None
    try:
        return ImageFont.truetype(path, REFERENCE_SIZE, index=index)
    except OSError:
        return None


# --- measuring --------------------------------------------------------------------------------------------------


def _runs(text: str, main: Face | None, bold: bool) -> Iterator[tuple[Face | None, str]]:
    """Split ``text`` into runs set in one font each: the main font, a script fallback, or none known."""
    current: Face | None = main
    start = 0
    for n, ch in enumerate(text):
        cp = ord(ch)
        chosen = main if main is not None and main.covers(cp) else _fallback(script(cp), cp, bold)
        if chosen is None and main is not None and script(cp) == "":
            chosen = main  # a symbol nobody has: the main font's blank glyph is as wide as the renderer's box
        if n and chosen != current:
            yield current, text[start:n]
            start = n
        current = chosen
    if text:
        yield current, text[start:]


def _unkerned_length(measurer: _Measurer, text: str) -> float:
    """The advance width of ``text`` without pair kerning. PowerPoint kerns only text marked for it (we never mark
    ours) and LibreOffice kerns: unkerned is the width of the one and never narrower than the other's, so neither
    sets more lines than we measured. Pillow without libraqm lays text out unkerned anyway."""
    try:
        return measurer.getlength(text, features=["-kern"])
    except (KeyError, ValueError):  # "setting text features is not supported without libraqm"
        return measurer.getlength(text)


def em_width(text: str, family: str, bold: bool, italic: bool) -> float:
    """Width of ``text`` in ems (font size 1) in ``family``, with script fallbacks; no safety margin."""
    main = face(family, bold, italic)
    total = 0.0
    for run_face, run in _runs(text, main, bold):
        measurer = _measurer(run_face.path, run_face.index) if run_face is not None else None
        if measurer is not None:
            # A fallback font is the renderer's guess as much as ours, and it has rarely a bold face of its own
            # (renderers embolden it, a little wider): allow for both.
            spare = 1.0 if run_face == main else FALLBACK_SPARE + (SYNTHETIC_BOLD if bold else 0.0)
            total += _unkerned_length(measurer, run) / REFERENCE_SIZE * spare
            continue
        for ch in run:
            wide = unicodedata.east_asian_width(ch) in ("W", "F") or script(ord(ch)) == "emoji"
            total += WIDE_EM if wide else FALLBACK_EM * (1.08 if bold else 1.0)
    return total


def measured_with(family: str) -> str:
    """The file name of the font ``family`` is measured with (for the pre-flight report), "" when none."""
    found = face(family, False, False)
    return Path(found.path).name if found is not None else ""
