"""Where a quote's words begin and end: a selection that starts or ends inside a word takes the whole word.

A note taker selects fast, with a mouse, during an interview; a quote that reads "anaged the caseload" is not
what anyone said. So the span grows outwards to the nearest boundary between words, never inwards, and never
cuts a word, an emoji or an accented letter in two:

- letters and digits (any script) make words; an apostrophe or hyphen between letters is inside the word
  ("don't", "well-known"), a point or comma between digits inside the number ("3.5", "1,000");
- a combining accent, a zero-width joiner, an emoji variation selector, a skin tone or a flag's tag stays with
  the character before it, and the character after a joiner with the joiner (a family emoji is one thing);
- two regional indicators make one flag.

Scripts written without spaces (Japanese, Chinese, Thai) have no boundary this can see inside a run of letters:
a cut there takes the run up to the nearest punctuation or blank, which is more than the word but never less.

Positions are Python's (code points): a surrogate pair is one character here, the editor converts its own.
"""

from __future__ import annotations

import unicodedata

_ZWJ = "\u200d"
_INNER_OF_WORDS = frozenset("'’-‐")  # joins two letters: don't, well-known
_INNER_OF_NUMBERS = frozenset(".,")  # joins two digits: 3.5, 1,000
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_TAGS = range(0xE0020, 0xE0080)  # the tag letters of subdivision flags (England, Scotland)
_REGIONAL = range(0x1F1E6, 0x1F200)


def _attaches(ch: str) -> bool:
    """True for a character that belongs with the one before it (it is never shown on its own)."""
    return ch == _ZWJ or ord(ch) in _SKIN_TONES or ord(ch) in _TAGS or unicodedata.category(ch).startswith("M")


def _base(text: str, index: int) -> str:
    """The character that the one at ``index`` (and the accents or joiners after it) belong to."""
    while index > 0 and _attaches(text[index]) and text[index] != _ZWJ:
        index -= 1
    return text[index]


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _inner(text: str, at: int) -> bool:
    """True when the punctuation at ``at`` joins the characters either side of it into one word or number."""
    if not 0 < at < len(text) - 1:
        return False
    before, mark, after = _base(text, at - 1), text[at], text[at + 1]
    if mark in _INNER_OF_WORDS:
        return _wordy(before) and _wordy(after)
    return mark in _INNER_OF_NUMBERS and before.isdigit() and after.isdigit()


def _regional_run(text: str, end: int) -> int:
    """How many regional indicators stand just before ``end``."""
    count = 0
    while end - count > 0 and ord(text[end - count - 1]) in _REGIONAL:
        count += 1
    return count


def inside_word(text: str, at: int) -> bool:
    """True when a cut at ``at`` (between ``text[at - 1]`` and ``text[at]``) would split a word or a symbol."""
    if not 0 < at < len(text):
        return False
    before, after = text[at - 1], text[at]
    if _attaches(after) or before == _ZWJ:
        return True
    if ord(before) in _REGIONAL and ord(after) in _REGIONAL:
        return _regional_run(text, at) % 2 == 1  # inside a flag, not between two flags
    if _wordy(_base(text, at - 1)) and _wordy(after):
        return True
    return _inner(text, at) or _inner(text, at - 1)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` moved back and ``end`` moved on to the nearest word boundaries (unchanged when already there)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while inside_word(text, start):
        start -= 1
    while inside_word(text, end):
        end += 1
    return start, end


def quote_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The words a selection quotes: blanks at either end left out, a word cut at either end made whole.

    An empty or blank selection stays empty (``start >= end``): the caller refuses it.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start >= end:
        return start, end
    chosen = text[start:end]
    start, end = start + len(chosen) - len(chosen.lstrip()), end - (len(chosen) - len(chosen.rstrip()))
    if start >= end:
        return start, start
    return whole_words(text, start, end)
