"""Canonical JSON: one byte string per value, and a strict reader for untrusted bytes."""

from __future__ import annotations

import pytest

from peerdesk.exchange import canonical


def test_dumps_sorts_keys_drops_spaces_and_keeps_unicode() -> None:
    assert canonical.dumps({"b": 1, "a": ["é", 2.5]}) == '{"a":["é",2.5],"b":1}'.encode()


def test_dumps_refuses_nan() -> None:
    with pytest.raises(ValueError):
        canonical.dumps(float("nan"))


def test_loads_reads_back_what_dumps_wrote() -> None:
    value = {"x": [1, "two", None, True], "y": {"z": -3}}
    assert canonical.loads(canonical.dumps(value)) == value


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b'{"a":1,"a":2}', "appears twice"),
        (b"NaN", "not a JSON number"),
        (b"123456789012345678", "too large"),
        (b"1e999", "too large for JSON"),
        (b'{"b":1, "a":2}', "canonical form"),
        (b"\xff", "not valid JSON"),
        (b'"\\ud800"', "not valid Unicode"),
    ],
)
def test_loads_refuses_what_is_not_canonical_json(data: bytes, says: str) -> None:
    with pytest.raises(canonical.NotCanonical, match=says):
        canonical.loads(data)


def test_loads_can_read_non_canonical_json_and_caps_its_size() -> None:
    assert canonical.loads(b'{"b":1, "a":2}', require_canonical=False) == {"a": 2, "b": 1}
    with pytest.raises(canonical.NotCanonical, match="more than 2 objects"):
        canonical.loads(b"[[[]]]", max_containers=2)
    with pytest.raises(canonical.NotCanonical, match="more than 1 texts"):
        canonical.loads(b'["a","b"]', max_strings=1)
    with pytest.raises(canonical.NotCanonical, match="more than 2 values"):
        canonical.loads(b"[1,2,3,4]", max_items=2)
