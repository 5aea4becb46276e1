"""The questioning approaches: stable keys, the labels people read, and keys from text typed any old way."""

from __future__ import annotations

import pytest

from peerdesk.services import approaches


def test_every_approach_has_a_label() -> None:
    assert set(approaches.APPROACHES) <= set(approaches.LABELS)
    assert approaches.label("appreciative") == "Appreciative inquiry"
    assert approaches.label("") == "No approach chosen"
    assert approaches.label("unknown-key") == "unknown-key"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("appreciative", "appreciative"),
        ("Appreciative Inquiry", "appreciative"),
        ("solution focused", "solution-focused"),
        ("Eth", None),  # too short to be a prefix
        ("ethno", "ethnographic"),
        ("", ""),
        ("  ", ""),
        ("interrogation", None),
    ],
)
def test_parse_reads_keys_labels_and_long_enough_prefixes(text: str, key: str | None) -> None:
    assert approaches.parse(text) == key
