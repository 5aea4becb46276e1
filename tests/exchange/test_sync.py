"""Delta bundles: each file knows what its colleagues have, a bundle carries only what a recipient may lack, and a
lost or skipped bundle is refused until the gap is filled (by the earlier bundle, a later delta or everything)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.exchange import sync, transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import records, sharing
from peerdesk.store import hlc
from peerdesk.store.engine import Store
from peerdesk.store.uow import UnitOfWork
from tests.exchange import test_bundle_refusals
from tests.helpers.exchange import Team, craft


def stamp(ms: int, member: str, counter: int = 0) -> str:
    return str(hlc.Stamp(ms, counter, member))


A, B, C = "member-a", "member-b", "member-c"
# A team of three on real files, copied fresh for each test, as for the other refusals.
closed_team = test_bundle_refusals.closed_team  # the conftest copies it for each test (``crew``)


def refused(team: Team, data: bytes, reason: str) -> BundleRefused:
    """Sam imports ``data``: it is refused for ``reason``, in a sentence, and nothing changes at all."""
    error = test_bundle_refusals.refusal(team, data)
    assert error.reason == reason, str(error)
    return error


# --- vectors -----------------------------------------------------------------------------------------------------


def test_a_stamps_origin_is_the_member_after_its_fixed_width_clock() -> None:
    assert len(hlc.ZERO) == sync.ORIGIN_AT
    assert sync.origin(stamp(1_700_000_000_000, "m.with.dots", 7)) == "m.with.dots"


def test_vectors_join_and_meet_origin_by_origin() -> None:
    old, new = {A: stamp(1, A), B: stamp(5, B)}, {A: stamp(3, A)}
    assert sync.joined(old, new) == {A: stamp(3, A), B: stamp(5, B)}
    # An origin one side has never heard of is left out: that recipient needs all of it.
    assert sync.meet([old, new]) == {A: stamp(1, A)}
    assert sync.meet([]) == {}


def test_a_record_goes_when_one_of_its_writes_is_newer_than_the_base_of_its_origin() -> None:
    base = {A: stamp(10, A), B: stamp(10, B)}
    have = {A: stamp(20, A), B: stamp(20, B)}
    assert not sync.wanted({"text": stamp(9, A), "deleted": stamp(10, B)}, A, stamp(10, B), base, {**base})
    assert sync.wanted({"text": stamp(9, A), "deleted": stamp(11, B)}, A, stamp(11, B), base, have)  # a deletion
    assert sync.wanted({"text": stamp(2, C)}, C, stamp(2, C), base, have)  # an origin nobody confirmed
    # Its author's copy may be news (A has written since the base) and the record changed since: it goes too.
    assert sync.wanted({"text": stamp(12, B)}, A, stamp(12, B), {**base, B: stamp(12, B)}, have)
    assert not sync.wanted({"text": stamp(9, B)}, A, stamp(9, B), base, have)
    assert not sync.wanted({"text": stamp(9, B)}, "", stamp(9, B), base, have)


@pytest.mark.parametrize(
    "value",
    [
        [],
        {A: 3},
        {A: stamp(1, B)},  # a stamp of someone else
        {A: "0000000000001.00000"},
        {"bad id!": stamp(1, "bad id!")},
        {f"m{i}": stamp(1, f"m{i}") for i in range(sync.MAX_ENTRIES + 1)},
    ],
)
def test_a_vector_names_members_each_with_one_of_their_own_stamps(value: object) -> None:
    assert not sync.is_vector(value)


def test_the_sync_block_is_checked_strictly_and_its_absence_means_an_older_bundle() -> None:
    assert sync.parse({"format": 1}) is None
    good = {"base": {A: stamp(1, A)}, "have": {A: stamp(2, A)}, "complete": True}
    assert sync.parse({"sync": good}) == sync.Offer({A: stamp(1, A)}, {A: stamp(2, A)}, True)
    for bad in ({**good, "complete": 1}, {**good, "extra": {}}, {**good, "have": {A: stamp(2, B)}}, [good]):
        with pytest.raises(BundleRefused) as caught:
            sync.parse({"sync": bad})
        assert caught.value.reason == "malformed"


# --- on real files -------------------------------------------------------------------------------------------------


def send(store: object, path: Path, *, full: bool = False) -> tuple[bytes, sharing.ExportReport]:
    report = sharing.export_to(store, path, full=full)  # type: ignore[arg-type]
    return path.read_bytes(), report


def test_after_a_bundle_the_next_carries_only_the_changes_deletions_included(crew: Team, tmp_path: Path) -> None:
    lead, sam, priya = crew.stores
    ids = [records.create(lead, "quotes", text=f"Quote {n}: we were never told why " * 4)[0] for n in range(40)]
    first, report = send(lead, tmp_path / "1.pdbundle")
    assert report.everything and report.sending == "Sending everything"
    _, report = send(lead, tmp_path / "again.pdbundle")
    assert report.everything, "nobody has answered: nothing is assumed received"
    for member in (sam, priya):  # they import it and answer: their bundles say what they have
        transfer.import_bundle(member, first)
        transfer.import_bundle(lead, send(member, tmp_path / f"{member.member_id}.pdbundle")[0])
    records.set_fields(lead, "quotes", ids[0], text="Changed")
    records.delete(lead, "quotes", ids[1])
    second, report = send(lead, tmp_path / "2.pdbundle")
    assert not report.everything and report.changes == 2
    assert report.sending == "Sending 2 changes your colleagues may not have yet"
    assert len(second) < len(first) / 3
    for member in (sam, priya):
        assert transfer.import_bundle(member, second).summary == "Alex Lead: 1 quote changed, 1 quote deleted"
        assert content_digest(member) == content_digest(lead)


def pretend_confirmed(lead: Store, member: Store) -> None:
    """As a bundle made by another policy could: the lead believes ``member`` has all it has, though it does not."""
    with UnitOfWork(lead) as uow:
        uow.set_meta(sync.PEER_META + member.member_id, json.dumps({"acked": sync.have(uow)}))
        uow.commit()


def test_a_bundle_after_a_skipped_one_is_merged_and_says_what_is_still_missing(crew: Team, tmp_path: Path) -> None:
    lead, sam, priya = crew.stores
    records.create(lead, "quotes", text="In the first bundle")
    lost, _ = send(lead, tmp_path / "1.pdbundle")
    pretend_confirmed(lead, sam)
    pretend_confirmed(lead, priya)
    records.create(lead, "quotes", text="In the second")
    second, _ = send(lead, tmp_path / "2.pdbundle")
    with UnitOfWork(sam) as uow:
        before = sync.have(uow)
    summary = transfer.import_bundle(sam, second).summary
    assert summary.startswith("Alex Lead: 1 new quote, some earlier changes of Alex Lead are not here yet")
    assert "Send everything" in summary
    assert "In the first bundle" not in [q["text"] for q in records.rows(sam, "quotes", ["text"])]
    with UnitOfWork(sam) as uow:
        assert sync.have(uow).get(lead.member_id, "") == before.get(lead.member_id, ""), "it claims nothing it lacks"
    transfer.import_bundle(sam, lost)  # the earlier one, late, fills it
    assert content_digest(sam) == content_digest(lead)


def test_a_delta_that_needs_a_record_from_the_skipped_bundle_is_refused_and_changes_nothing(
    crew: Team, tmp_path: Path
) -> None:
    lead, sam, priya = crew.stores
    tag, _ = records.create(lead, "tags", name="Front door")
    quote, _ = records.create(lead, "quotes", text="We waited weeks")
    pretend_confirmed(lead, sam)
    pretend_confirmed(lead, priya)
    records.create(lead, "quote_tags", quote_id=quote, tag_id=tag)
    error = refused(crew, send(lead, tmp_path / "2.pdbundle")[0], "missing-earlier")
    assert "Send everything" in str(error)


def test_a_lost_email_is_sent_again_in_the_next_bundle_without_anyone_noticing(crew: Team, tmp_path: Path) -> None:
    lead, sam, priya = crew.stores
    for member in (sam, priya):  # everyone has answered once: their bundles say what they have
        transfer.import_bundle(lead, send(member, tmp_path / f"{member.member_id}.pdbundle")[0])
    records.create(lead, "quotes", text="Lost on the way")
    send(lead, tmp_path / "lost.pdbundle")  # never arrives
    records.create(lead, "quotes", text="After it")
    second, report = send(lead, tmp_path / "2.pdbundle")
    assert not report.everything
    for member in (sam, priya):
        transfer.import_bundle(member, second)
        assert content_digest(member) == content_digest(lead)


def test_send_everything_fills_any_gap(crew: Team, tmp_path: Path) -> None:
    lead, sam, _ = crew.stores
    records.create(lead, "quotes", text="Lost")
    send(lead, tmp_path / "lost.pdbundle")
    records.create(lead, "quotes", text="Also lost")
    send(lead, tmp_path / "lost2.pdbundle")
    everything, report = send(lead, tmp_path / "all.pdbundle", full=True)
    assert report.everything
    transfer.import_bundle(sam, everything)
    assert content_digest(sam) == content_digest(lead)
    records.create(lead, "quotes", text="Next")
    transfer.import_bundle(sam, send(lead, tmp_path / "next.pdbundle")[0])  # and deltas follow on from it
    assert content_digest(sam) == content_digest(lead)


def test_what_a_colleague_confirms_is_remembered_and_nothing_is_assumed_from_sending(
    crew: Team, tmp_path: Path
) -> None:
    lead, sam, _ = crew.stores
    records.create(lead, "quotes", text="One")
    send(lead, tmp_path / "1.pdbundle")
    with UnitOfWork(lead) as uow:
        assert sync.peer(uow, sam.member_id).acked == {}  # sent is not received: Sam has confirmed nothing
    transfer.import_bundle(lead, send(sam, tmp_path / "sam.pdbundle")[0])  # Sam had not read it yet
    with UnitOfWork(lead) as uow:
        assert sync.peer(uow, sam.member_id).acked[sam.member_id] > ""
        assert json.loads(uow.get_meta(sync.PEER_META + sam.member_id)).keys() == {"acked"}


def test_a_bundle_from_before_delta_bundles_still_merges_and_teaches_nothing(crew: Team) -> None:
    lead, sam, _ = crew.stores
    records.create(lead, "quotes", text="From an older peerdesk")
    content = transfer.content(lead)
    del content["sync"]

    def state() -> tuple[sync.Peer, sync.Vector]:
        with UnitOfWork(sam) as uow:
            return sync.peer(uow, lead.member_id), {k: v for k, v in sync.have(uow).items() if k != sam.member_id}

    before = state()
    assert transfer.import_bundle(sam, craft(lead, content=content)).summary == "Alex Lead: 1 new quote"
    assert state() == before


def test_a_vector_naming_a_stranger_is_taken_without_that_entry(crew: Team) -> None:
    lead, sam, _ = crew.stores
    content = transfer.content(lead)
    content["sync"]["have"]["stranger"] = stamp(hlc.now_ms(), "stranger")
    transfer.import_bundle(sam, craft(lead, content=content))
    with UnitOfWork(sam) as uow:
        assert "stranger" not in sync.have(uow)
        assert lead.member_id in sync.have(uow)
        assert "stranger" not in sync.peer(uow, lead.member_id).acked


@pytest.mark.parametrize(
    "change",
    [
        lambda block: block.update(complete="yes"),
        lambda block: block["base"].update({"x": "0000000000001.00000.y"}),
        lambda block: block.update(have=[]),
    ],
)
def test_a_malformed_sync_block_is_refused_and_changes_nothing(crew: Team, change: object) -> None:
    lead = crew.stores[0]
    content = transfer.content(lead)
    change(content["sync"])  # type: ignore[operator]
    error = test_bundle_refusals.refusal(crew, craft(lead, content=content))
    assert error.reason == "malformed", str(error)


def test_a_vector_dated_far_ahead_is_refused_as_a_clock_problem(crew: Team) -> None:
    lead = crew.stores[0]
    content = transfer.content(lead)
    ahead = hlc.now_ms() + 3 * hlc.MAX_DRIFT_MS
    content["sync"]["have"][lead.member_id] = stamp(ahead, lead.member_id)
    error = test_bundle_refusals.refusal(crew, craft(lead, content=content))
    assert error.reason == "clock-ahead", str(error)


def test_a_damaged_value_in_this_files_meta_reads_as_nothing_known(crew: Team) -> None:
    lead, sam, _ = crew.stores
    with UnitOfWork(lead) as uow:
        uow.set_meta(sync.PEER_META + sam.member_id, json.dumps({"acked": {"x": "not a stamp"}, "sent": 3}))
        uow.set_meta(sync.HAVE_META, "{not json")
        uow.commit()
    with UnitOfWork(lead) as uow:
        assert sync.peer(uow, sam.member_id) == sync.Peer({})
        assert set(sync.have(uow)) == {lead.member_id}
    assert transfer.export_bundle(lead).everything


def test_a_new_member_never_heard_from_gets_everything(crew: Team, tmp_path: Path) -> None:
    lead, sam, priya = crew.stores
    transfer.import_bundle(lead, send(sam, tmp_path / "sam.pdbundle")[0])
    transfer.import_bundle(lead, send(priya, tmp_path / "priya.pdbundle")[0])
    records.create(lead, "quotes", text="Small change")
    assert not transfer.export_bundle(lead).everything
    with UnitOfWork(lead) as uow:  # as if Priya had just joined: nothing confirmed, nothing sent
        uow.set_meta(sync.PEER_META + priya.member_id, "")
        uow.commit()
    assert transfer.export_bundle(lead).everything
