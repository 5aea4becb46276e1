"""Showing a string that came from outside (a bundle's sender, a card's name, a field quoted in a refusal) safely.

A colleague's file, or someone pretending to be one, chooses these strings. Printed raw they could move the
terminal's cursor or recolour it (ANSI escapes), hide or reorder what follows (bidi overrides, NUL, carriage
returns) or fill the screen. ``clip`` escapes every control, format (bidi and zero-width) and separator character
the way Python's ``repr`` would, and caps the length. The CLI and the UI both use it for anything from outside.
"""

from __future__ import annotations

import unicodedata

MAX_SHOWN = 80  # characters: a name or a title, not a paragraph
_ESCAPED = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})  # controls, format, surrogates, unassigned...
_ELLIPSIS = "…"


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def clip(text: object, limit: int = MAX_SHOWN) -> str:
    """``text`` as a single safe line of at most ``limit`` characters (an ellipsis marks a cut)."""
    value = text if isinstance(text, str) else str(text)
    out: list[str] = []
    length = 0
    for char in value[: limit + 1]:  # never look at more than is shown: a 250 MB name costs nothing
        piece = _escape(char) if unicodedata.category(char) in _ESCAPED else char
        if length + len(piece) > limit:
            out.append(_ELLIPSIS)
            return "".join(out)
        out.append(piece)
        length += len(piece)
    return "".join(out)
