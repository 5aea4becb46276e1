"""Counts in words: "1 quote", "2 quotes", "0 quotes". One helper so that no screen or command says "1 quotes"."""

from __future__ import annotations

from types import MappingProxyType

# Nouns whose plural is not the noun plus "s" (the words peerdesk counts; add one here when a new one appears).
_IRREGULAR = MappingProxyType(
    {"child": "children", "person": "people", "entry": "entries", "reply": "replies", "copy": "copies"}
)


def plural(noun: str) -> str:
    """The plural of one of our nouns ("quote" → "quotes", "child" → "children", "post-it" → "post-its")."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def count(n: int, noun: str, many: str | None = None) -> str:
    """``n`` and the noun in the right number: ``count(1, "quote")`` is "1 quote", ``count(2, "quote")`` "2 quotes".

    ``many`` gives the plural when it is not regular ("1 theme heading", "3 theme headings" need none)."""
    return f"{n} {noun if n == 1 else (many or plural(noun))}"
