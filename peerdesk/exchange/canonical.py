"""Canonical JSON: one byte string per value, so signatures and digests never depend on how it was written.

Sorted keys, no spaces, UTF-8, no NaN or infinities. ``loads`` is strict the other way round: it refuses
duplicate keys, the non-standard constants Python's json would otherwise accept from untrusted input, numbers that
overflow to infinity (``1e999``) and integers of more than 17 digits, before ``int()`` sees them (Python refuses
more than 4,300 digits with a ValueError; every such error becomes ``NotCanonical``). Each field's range is the
schema's business (``peerdesk.store.rules``).

``loads`` also bounds the work before parsing: at most ``max_containers`` objects and arrays, ``max_strings``
strings and ``max_items`` commas (so members and elements), counted (as an upper bound) from the bytes themselves,
so a small input of ``[{},{},…]`` or ``[1,1,…]`` cannot become gigabytes of Python objects or seconds of parsing.
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


def _int(text: str) -> int:
    # Called with the digits before any conversion: the length test keeps int() away from huge strings (the
    # range itself, |n| <= MAX_INT, is each field's rule). Floats need no hook: one that overflows to infinity
    # cannot be written back by ``dumps``, which refuses it below.
    if len(text) > 17:
        raise NotCanonical(f"the number {text[:12]}… is too large")
    return int(text)


def loads(
    data: bytes,
    *,
    require_canonical: bool = True,
    max_containers: int | None = None,
    max_strings: int | None = None,
    max_items: int | None = None,
) -> Any:
    """Parse untrusted JSON; with ``require_canonical`` the bytes must be exactly what ``dumps`` would write."""
    if max_containers is not None and data.count(b"{") + data.count(b"[") > max_containers:
        raise NotCanonical(f"it holds more than {max_containers} objects and lists")
    if max_strings is not None and data.count(b'"') > 2 * max_strings:
        raise NotCanonical(f"it holds more than {max_strings} texts")
    if max_items is not None and data.count(b",") > max_items:
        raise NotCanonical(f"it holds more than {max_items} values")
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_int=_int,
        )
    except NotCanonical:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError, OverflowError, MemoryError) as exc:
        raise NotCanonical(f"not valid JSON ({type(exc).__name__})") from None
    try:
        canonical = dumps(value) if require_canonical else data
    except UnicodeEncodeError:  # a "\ud800" escape: valid JSON, but not text UTF-8 (or SQLite) can hold
        raise NotCanonical("it holds a character that is not valid Unicode") from None
    except ValueError:  # 1e999 parses as infinity, which JSON cannot write
        raise NotCanonical("it holds a number too large for JSON") from None
    except RecursionError:
        raise NotCanonical("it is nested too deeply") from None
    if canonical != data:
        raise NotCanonical("not in canonical form")
    return value
