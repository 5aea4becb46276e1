"""Read an iCalendar file back strictly, the way a calendar application would (RFC 5545 unfolding and unescaping)."""

from __future__ import annotations

import re

LINE = re.compile(r"^(?P<name>[A-Z-]+)(?P<params>(;[A-Z-]+=[^:;]*)*):(?P<value>.*)$")


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n"), "every content line ends in CRLF"
    raw = text[:-2].split("\r\n")
    for line in raw:
        assert "\n" not in line and "\r" not in line, "no bare line breaks"
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    lines: list[str] = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            nxt = value[i + 1]
            out.append({"n": "\n", "N": "\n"}.get(nxt, nxt))
            assert nxt in "nN\\;,", f"bad escape \\{nxt}"
            i += 2
            continue
        assert char not in ";,", f"unescaped {char!r} in a TEXT value"
        out.append(char)
        i += 1
    return "".join(out)


def events(text: str) -> list[dict[str, str]]:
    """Each VEVENT's properties (name with its parameters → value; TEXT values unescaped)."""
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    depth: list[str] = []
    for line in unfold(text):
        match = LINE.match(line)
        assert match, f"not a content line: {line!r}"
        name, value = match["name"], match["value"]
        if name == "BEGIN":
            depth.append(value)
            if value == "VEVENT":
                current = {}
            continue
        if name == "END":
            assert depth.pop() == value, "BEGIN/END nest"
            if value == "VEVENT" and current is not None:
                found.append(current)
                current = None
            continue
        if current is not None and depth[-1] == "VEVENT":
            key = name + (match["params"] or "")
            current[key] = unescape(value) if name in ("SUMMARY", "DESCRIPTION") else value
    assert depth == [], "every BEGIN has its END"
    return found
