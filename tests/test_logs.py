"""The log hides what could be review text and keeps tracebacks readable."""

from __future__ import annotations

import traceback

from peerdesk.logs import redact

NOTE = "the social worker in Larkspur Lane said nobody rings back on fridays"


def _traceback() -> str:
    def save(body: str) -> None:
        raise ValueError(f"could not save {body!r}; it's over the limit")

    try:
        save(NOTE)
    except ValueError:
        return traceback.format_exc()
    raise AssertionError("unreachable")


def test_a_traceback_keeps_its_structure_and_loses_only_the_confidential_value() -> None:
    original = _traceback()
    hidden = redact(original)
    assert "Larkspur" not in hidden
    kept = [line for line in original.splitlines() if line.startswith(("Traceback", "  File", "    "))]
    assert kept and all(line in hidden.splitlines() for line in kept), "a traceback line was mangled"
    assert hidden.splitlines()[-1].startswith("ValueError: could not save '<")
    assert "it's over the limit" in hidden


def test_an_apostrophe_in_one_line_does_not_hide_the_lines_after_it() -> None:
    text = "it's done\n  File \"/app/peerdesk/x.py\", line 3, in f\n    save(note)\nKeyError: 'short'"
    assert redact(text) == text
