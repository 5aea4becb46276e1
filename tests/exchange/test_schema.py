"""The strict shape of a bundle's content: shared tables only, their columns only, the right JSON types."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from peerdesk.exchange import schema, transfer
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import records
from peerdesk.store.engine import Store


@pytest.fixture
def content(store: Store) -> dict[str, Any]:
    records.create(store, "quotes", text="We are heard at last.")
    return transfer.content(store)


def test_what_a_file_exports_is_valid_content(content: dict[str, Any]) -> None:
    assert schema.validate(content) is content


@pytest.mark.parametrize(
    ("spoil", "reason", "says"),
    [
        (lambda c: c.pop("known"), "malformed", "top level has the wrong fields"),
        (lambda c: c.update(format=2), "malformed", "unknown content format"),
        (lambda c: c["tables"].update(secrets=[]), "malformed", "unknown table 'secrets'"),
        (lambda c: c["tables"]["quotes"][0].update(extra="x"), None, "quotes"),
        (lambda c: c["tables"]["quotes"][0].update(text=5), None, "quotes.text"),
    ],
)
def test_a_spoilt_content_is_refused_naming_what_is_wrong(
    content: dict[str, Any], spoil: Any, reason: str | None, says: str
) -> None:
    bad = copy.deepcopy(content)
    spoil(bad)
    with pytest.raises(BundleRefused, match=says) as refused:
        schema.validate(bad)
    assert reason is None or refused.value.reason == reason


def test_column_kinds_give_each_column_its_json_kind() -> None:
    kinds = schema.column_kinds("quotes")
    assert kinds["id"] == "str" and kinds["deleted"] == "bool" and kinds["versions"] == "versions"
    assert "versions" not in schema.edit_fields("quotes") and "deleted" in schema.edit_fields("quotes")
    assert "text" in schema.text_fields("quotes") and "id" not in schema.text_fields("quotes")


def test_a_stamp_is_wall_time_counter_and_member() -> None:
    assert schema.is_stamp("1767225600000.00001.member-1")
    assert not schema.is_stamp("yesterday") and not schema.is_stamp(17)


def test_a_reference_to_a_record_nobody_holds_is_refused(content: dict[str, Any]) -> None:
    quote = content["tables"]["quotes"][0]
    quote["interview_id"] = "no-such-interview"
    assert "no-such-interview" in schema.references(content)["interviews"]
    with pytest.raises(BundleRefused) as refused:
        schema.dangling(content, {})
    assert refused.value.reason == "dangling"
    schema.dangling(content, {"interviews": {"no-such-interview"}})  # the receiver holds it: fine
