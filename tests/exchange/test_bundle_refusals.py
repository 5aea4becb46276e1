"""Every refusal names its reason in a sentence and leaves the review file exactly as it was."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import unicodedata
import zlib
from pathlib import Path

import pytest

from peerdesk.exchange import bundle, canonical, transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import records, sharing, team
from peerdesk.store import hlc
from tests.helpers.cli import run_peerdesk
from tests.helpers.exchange import PASSPHRASE, Team, craft, make_team, send, visit_start
from tests.helpers.files import all_bytes


@pytest.fixture(scope="module")
def closed_team(tmp_path_factory: pytest.TempPathFactory) -> Team:
    crew = make_team(tmp_path_factory.mktemp("team"))
    crew.close()
    return crew


def refusal(crew: Team, data: bytes, who: int = 1, **kwargs: object) -> BundleRefused:
    """Import ``data`` into member ``who``: it must be refused, in a sentence, changing nothing at all."""
    store = crew.stores[who]
    before = content_digest(store)
    raw_before = all_bytes(store.path)
    with pytest.raises(BundleRefused) as caught:
        transfer.import_bundle(store, data, **kwargs)  # type: ignore[arg-type]
    assert str(caught.value).endswith((".", ")")) and len(str(caught.value)) > 30
    assert content_digest(store) == before
    assert all_bytes(store.path) == raw_before
    return caught.value


def test_a_bundle_round_trips_and_importing_it_twice_is_the_same_as_once(crew: Team) -> None:
    lead, sam, _ = crew.stores
    records.create(lead, "quotes", text="Nobody explained why my placement ended")
    data = transfer.export_bundle(lead).data
    first = transfer.import_bundle(sam, data)
    assert first.summary == "Alex Lead: 1 new quote"
    digest = content_digest(sam)
    second = transfer.import_bundle(sam, data)
    assert second.summary == "Alex Lead: nothing new"
    assert content_digest(sam) == digest == content_digest(lead)


def test_inspect_tells_sender_dates_and_size_without_a_key(crew: Team, tmp_path: Path) -> None:
    lead = crew.stores[0]
    report = sharing.export_to(lead, tmp_path / "out.pdbundle")
    facts = sharing.inspect(report.path)
    assert facts["sender"] == "Alex Lead"
    assert facts["size"] == report.path.stat().st_size == report.size
    assert facts["expires"] == report.expires
    assert len(facts["recipients"]) == 2
    # The header names people and dates, never the host authority or any record.
    assert b"Westfold" not in report.path.read_bytes()


def test_an_unknown_signer_is_refused_before_anything_is_decrypted(crew: Team, tmp_path: Path) -> None:
    outsider = make_team(tmp_path / "other", size=2)
    try:
        data = craft(
            outsider.stores[0],
            review_id=crew.stores[0].review_id,
            recipients=[(crew.stores[1].member_id, _kem(crew, 1))],
        )
    finally:
        outsider.close()
    assert refusal(crew, data).reason == "unknown-signer"


def test_a_bundle_of_another_review_is_refused(crew: Team, tmp_path: Path) -> None:
    outsider = make_team(tmp_path / "other", size=2)
    try:
        data = transfer.export_bundle(outsider.stores[0]).data
    finally:
        outsider.close()
    assert refusal(crew, data).reason == "other-review"


def test_a_removed_members_later_bundles_are_refused(crew: Team) -> None:
    lead, sam, priya = crew.stores
    team.set_removed(lead, priya.member_id)
    send(lead, sam)
    assert refusal(crew, transfer.export_bundle(priya).data).reason == "removed-signer"
    assert [r[0] for r in _recipients(lead)] == [sam.member_id]


def test_a_bundle_not_encrypted_to_me_is_refused(crew: Team) -> None:
    lead, _sam, priya = crew.stores
    data = craft(priya, recipients=[(lead.member_id, _kem(crew, 0))])
    assert refusal(crew, data).reason == "not-addressed"


def test_an_expired_bundle_is_refused(crew: Team) -> None:
    data = transfer.export_bundle(crew.stores[0]).data
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=400)
    assert refusal(crew, data, now=later).reason == "expired"


def test_a_newer_format_is_refused_by_its_first_line(crew: Team) -> None:
    data = transfer.export_bundle(crew.stores[0]).data
    assert refusal(crew, b"peerdesk-bundle/2\n" + data[len(bundle.MAGIC_LINE) :]).reason == "newer-format"
    assert refusal(crew, b"PK\x03\x04 a zip file").reason == "not-a-bundle"


def test_a_malformed_payload_is_refused(crew: Team) -> None:
    lead = crew.stores[0]
    good = transfer.content(lead)
    unknown_table = {**good, "tables": {**good["tables"], "sqlite_master": []}}
    assert refusal(crew, craft(lead, content=unknown_table)).reason == "malformed"
    quotes_wrong_type = dict(good)
    review_rows = [dict(r) for r in good["tables"]["review"]]
    review_rows[0]["co_produced"] = "yes"
    quotes_wrong_type = {**good, "tables": {**good["tables"], "review": review_rows}}
    assert refusal(crew, craft(lead, content=quotes_wrong_type)).reason == "malformed"
    assert refusal(crew, craft(lead, plain=zlib.compress(b'{"format":1,"format":1}'))).reason == "malformed"
    assert refusal(crew, craft(lead, plain=zlib.compress(b'{"format": NaN}'))).reason == "malformed"
    assert refusal(crew, craft(lead, plain=b"not zlib at all")).reason == "malformed"


def test_a_decompression_bomb_is_refused(crew: Team) -> None:
    packer = zlib.compressobj(9)
    chunk = b"\x00" * 2**20
    plain = b"".join(packer.compress(chunk) for _ in range(bundle.MAX_PLAIN // 2**20 + 1)) + packer.flush()
    assert len(plain) < 2**20  # a small file...
    assert refusal(crew, craft(crew.stores[0], plain=plain)).reason == "bomb"


def test_an_oversized_file_is_refused_before_reading_it(crew: Team, tmp_path: Path) -> None:
    big = tmp_path / "big.pdbundle"
    with big.open("wb") as f:
        f.truncate(bundle.MAX_BUNDLE + 1)
    before = content_digest(crew.stores[1])
    with pytest.raises(BundleRefused) as caught:
        sharing.import_from(crew.stores[1], big)
    assert caught.value.reason == "oversized"
    assert content_digest(crew.stores[1]) == before


def test_only_the_lead_can_change_the_team(crew: Team) -> None:
    lead, sam, _ = crew.stores
    with_roster = transfer.content(lead)  # the lead's content holds the members table
    assert refusal(crew, craft(sam, content=with_roster), who=2).reason == "roster-not-lead"


def test_edits_stamped_far_in_the_future_are_refused_naming_the_clock(crew: Team) -> None:
    lead = crew.stores[0]
    good = transfer.content(lead)
    future = hlc.now_ms() + hlc.MAX_DRIFT_MS + 60_000
    rows = [dict(r) for r in good["tables"]["review"]]
    rows[0]["versions"] = {**rows[0]["versions"], "aim": f"{future:013d}.00000.{lead.member_id}"}
    rows[0]["aim"] = "I will win every conflict"
    error = refusal(crew, craft(lead, content={**good, "tables": {**good["tables"], "review": rows}}))
    assert error.reason == "clock-ahead"
    assert "clock" in str(error)


def test_a_stamp_written_in_other_digits_is_refused(crew: Team) -> None:
    # "١٧…" is 17… to int() (so it would pass the clock check) but sorts above every "1…" stamp as text, so it
    # would win every merge forever.
    lead = crew.stores[0]
    good = transfer.content(lead)
    rows = [dict(r) for r in good["tables"]["review"]]
    stamp = "\u0661\u0667" + rows[0]["versions"]["deleted"][2:]
    rows[0]["versions"] = {**rows[0]["versions"], "deleted": stamp}
    forged = craft(lead, content={**good, "tables": {**good["tables"], "review": rows}})
    assert refusal(crew, forged).reason == "malformed"


def test_text_that_is_not_valid_unicode_is_refused(crew: Team) -> None:
    lead = crew.stores[0]
    records.create(lead, "quotes", text="MARKER")
    plain = canonical.dumps(transfer.content(lead)).replace(b"MARKER", b"\\ud800")  # a lone surrogate escape
    error = refusal(crew, craft(lead, plain=zlib.compress(plain)))
    assert error.reason == "malformed"
    assert "not valid Unicode" in str(error)


def test_a_sealed_key_bound_to_another_recipient_does_not_open(crew: Team) -> None:
    lead, sam, priya = crew.stores
    data = craft(lead, seal_as={sam.member_id: priya.member_id})
    assert refusal(crew, data).reason == "undecryptable"


def test_my_own_bundle_is_not_imported(crew: Team) -> None:
    assert refusal(crew, transfer.export_bundle(crew.stores[1]).data).reason == "own-bundle"


def test_refusals_read_as_sentences_through_the_service(crew: Team, tmp_path: Path) -> None:
    path = tmp_path / "text.pdbundle"
    path.write_text("hello")
    with pytest.raises(BundleRefused, match="not a peerdesk bundle"):
        sharing.import_from(crew.stores[1], path)


def _kem(crew: Team, who: int) -> bytes:
    from peerdesk.exchange import roster

    with crew.stores[who].session() as s:
        return roster.my_keys(s).kem_public


def _recipients(store: object) -> list[tuple[str, bytes]]:
    from peerdesk.exchange import roster

    with store.session() as s:  # type: ignore[attr-defined]
        return roster.recipients(s)


def test_canonical_json_refuses_what_python_would_accept() -> None:
    with pytest.raises(canonical.NotCanonical):
        canonical.loads(b'{"a": 1}')  # spaces: not canonical
    assert canonical.loads(b'{"a":1}') == {"a": 1}


# --- reading is bounded: only regular files, from the command line too ---------------------------------------------


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``peerdesk ARGS`` in a child process: a hang fails the test at ``timeout`` instead of hanging the run."""
    return run_peerdesk(*args, env={**os.environ, "PEERDESK_PASSPHRASE": PASSPHRASE}, timeout=timeout)


def _not_regular(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.pdbundle"
    os.mkfifo(fifo)  # nobody ever writes to it: reading it would wait forever
    zero = tmp_path / "zero.pdbundle"
    zero.symlink_to("/dev/zero")  # reading it would never end
    folder = tmp_path / "folder.pdbundle"
    folder.mkdir()
    return {"fifo": fifo, "dev-zero": zero, "folder": folder}


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX only")
def test_import_and_inspect_refuse_a_pipe_a_device_and_a_folder_without_reading(
    closed_team: Team, tmp_path: Path
) -> None:
    review = tmp_path / "sam.peerdesk"
    review.write_bytes(closed_team.paths[1].read_bytes())
    before = all_bytes(review)
    for kind, path in _not_regular(tmp_path).items():
        for args in (("bundle", "import", str(review), str(path)), ("bundle", "inspect", str(path))):
            done = _cli(*args, timeout=30)
            assert done.returncode == 2, (kind, args, done.stderr)
            assert "not a bundle" in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert all_bytes(review) == before


def test_the_reader_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    for kind, path in _not_regular(tmp_path).items():
        with pytest.raises(BundleRefused) as caught:
            bundle.read_file(path)
        assert caught.value.reason == "not-a-file", kind


def test_inspect_and_import_end_in_a_refusal_or_success_for_every_vector(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never an internal error (exit 1): every vector, hostile or not, gives 0 or 2, with escaped output."""
    from peerdesk.cli import app as cli
    from tests.exchange.test_vectors import FILES, read_vector
    from tests.helpers import vector_world

    review = tmp_path / "me.peerdesk"
    vector_world.build_recipient_file(review).close()
    monkeypatch.setenv("PEERDESK_PASSPHRASE", vector_world.PASSPHRASE)
    for path in FILES:
        target = tmp_path / f"{path.stem}.pdbundle"
        target.write_bytes(read_vector(path)[1])
        for args in (["bundle", "inspect", str(target)], ["bundle", "import", str(review), str(target)]):
            code = cli.main(args)
            out, err = capsys.readouterr()
            assert code in (0, 2), (path.stem, args, err)
            assert not any(unicodedata.category(c) in {"Cc", "Cf"} for c in (out + err).replace("\n", "")), out + err


def test_inspect_shows_a_hostile_sender_name_escaped(tmp_path: Path) -> None:
    from tests.exchange.test_vectors import VECTORS, read_vector

    target = tmp_path / "evil.pdbundle"
    target.write_bytes(read_vector(VECTORS / "sender_name_controls.vector")[1])
    done = _cli("bundle", "inspect", str(target))
    assert done.returncode == 0, done.stderr
    sender = done.stdout.splitlines()[0]
    assert sender.startswith("sender") and "\\x1b[31m\\u202e\\x00\\x0a" in sender and "\x1b" not in done.stdout


# --- review-wide facts have an owner ---------------------------------------------------------------------------------


def test_a_member_relays_the_leads_dates_but_cannot_change_them(crew: Team) -> None:
    from peerdesk.services import review

    lead, sam, priya = crew.stores
    later = (visit_start() + dt.timedelta(days=400)).isoformat()
    review.update_review(lead, retention_date=later)
    send(lead, sam)
    relayed = send(sam, priya)  # the lead's edit, by way of Sam
    assert relayed.summary.startswith("Sam Okafor") and review.summary(priya).retention_date == later

    forged = transfer.content(sam)
    (record,) = forged["tables"]["review"]
    record["retention_date"] = "2999-01-01"
    record["versions"]["retention_date"] = hlc.Clock(sam.member_id).tick()
    caught = refusal(crew, craft(sam, content=forged), who=2)
    assert caught.reason == "review-not-lead"
    assert "review.retention_date" in str(caught) and "Sam Okafor" in str(caught)


def test_no_bundle_moves_the_retention_date_into_the_past(crew: Team) -> None:
    lead = crew.stores[0]
    content = transfer.content(lead)
    (record,) = content["tables"]["review"]
    record["retention_date"] = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    record["versions"]["retention_date"] = hlc.Clock(lead.member_id).tick()
    assert refusal(crew, craft(lead, content=content)).reason == "retention-past"


def test_expiry_is_the_receivers_retention_date_not_the_senders_claim(crew: Team) -> None:
    from peerdesk.services import review

    lead, sam, _ = crew.stores
    retention = review.summary(sam).retention_date
    assert retention  # the lead's, delivered with the roster
    after = dt.datetime.fromisoformat(retention).replace(tzinfo=dt.UTC) + dt.timedelta(days=1)
    # The header claims the year 2999: the bundle still expired with the review's own retention date.
    assert refusal(crew, craft(lead, expires="2999-12-31"), now=after).reason == "expired"
    # A header claiming an earlier expiry than the lead's date does not make a good bundle expire early.
    records.create(lead, "quotes", text="Claimed to expire early")
    assert transfer.import_bundle(sam, craft(lead, expires="2000-01-01")).summary.endswith("1 new quote")


@pytest.mark.parametrize(
    "text",
    [
        b'{"a":1e999}',
        b'{"a":-1e999}',
        b'{"a":NaN}',
        b'{"a":Infinity}',
        b'{"a":' + b"9" * 400 + b"}",
        b'{"a":' + b"9" * 5000 + b"}",
        b"[" * 200_000 + b"]" * 200_000,
    ],
    ids=["1e999", "-1e999", "NaN", "Infinity", "400 digits", "5000 digits", "deep"],
)
def test_canonical_json_refuses_numbers_json_cannot_hold_and_endless_nesting(text: bytes) -> None:
    with pytest.raises(canonical.NotCanonical):
        canonical.loads(text)


def test_canonical_json_counts_before_it_parses() -> None:
    with pytest.raises(canonical.NotCanonical, match="objects"):
        canonical.loads(b"[" + b"{}," * 10 + b"{}]", max_containers=5)
    with pytest.raises(canonical.NotCanonical, match="texts"):
        canonical.loads(b'["a","b","c"]', max_strings=2)
    with pytest.raises(canonical.NotCanonical, match="values"):
        canonical.loads(b"[1,2,3]", max_items=1)
    assert canonical.loads(b"[1,2,3]", max_containers=1, max_strings=0, max_items=2) == [1, 2, 3]
