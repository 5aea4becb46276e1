"""Canonical JSON: one byte string per value, so signatures and digests never depend on how it was written.

Sorted keys, no spaces, UTF-8, no NaN or infinities. ``loads`` is strict the other way round: it refuses
duplicate keys and the non-standard constants Python's json would otherwise accept from untrusted input.
"""

from __future__ import annotations

import json
from typing import Any


class NotCanonical(ValueError):
    """The bytes are not canonical JSON (or not JSON at all)."""


def dumps(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise NotCanonical(f"the key {key!r} appears twice")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise NotCanonical(f"{name} is not a JSON number")


def loads(data: bytes, *, require_canonical: bool = True) -> Any:
    """Parse untrusted JSON; with ``require_canonical`` the bytes must be exactly what ``dumps`` would write."""
    try:
        text = data.decode("utf-8")
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except NotCanonical:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise NotCanonical(f"not valid JSON ({type(exc).__name__})") from None
    try:
        canonical = dumps(value) if require_canonical else data
    except UnicodeEncodeError:  # a "\ud800" escape: valid JSON, but not text UTF-8 (or SQLite) can hold
        raise NotCanonical("it holds a character that is not valid Unicode") from None
    if canonical != data:
        raise NotCanonical("not in canonical form")
    return value
