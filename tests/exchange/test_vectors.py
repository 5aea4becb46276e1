"""The bundle test vectors: each file names what it tests and the one outcome it must have (age's test kit)."""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.exchange.errors import BundleRefused
from peerdesk.store.engine import Store
from tests.helpers import vector_world
from tests.helpers.files import all_bytes

VECTORS = Path(__file__).resolve().parent / "vectors"
FILES = sorted(VECTORS.glob("*.vector"))


def read_vector(path: Path) -> tuple[str, bytes]:
    head, _, data = path.read_bytes().partition(b"\n---\n")
    fields = dict(line.split(": ", 1) for line in head.decode().splitlines())
    return fields["expect"], data


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("world") / "me.peerdesk"
    vector_world.build_recipient_file(path).close()
    return path


@pytest.fixture(scope="module")
def recipient(world: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One file for every refusal: each must leave it unchanged, which the test checks."""
    target = tmp_path_factory.mktemp("recipient") / "me.peerdesk"
    shutil.copy(world, target)
    store = Store.open(target, vector_world.PASSPHRASE, make_backup=False)
    yield store
    store.close()


def test_the_kit_matches_its_generator() -> None:
    from tests.exchange.vectors.generate import vectors

    assert {p.stem for p in FILES} == set(vectors())


SUMMARIES = {  # what each accepted vector brings
    "valid": "Lead: 1 new quote",
    "sender_name_controls": "Lead: 1 new quote",  # the roster's name for the signer, not the header's
    "conflict_kept": "Lead: 1 new quote, 1 conflict",
    "review_valid": "Lead: 1 new interview, 1 new note, 1 new post-it, 1 new quote, 1 new review detail, 1 new slot",
}


def safe_to_show(text: str) -> bool:
    """No control, format (bidi, zero-width) or separator character: nothing that can steer a terminal or a label."""
    return not any(unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"} for c in text)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_vector(path: Path, recipient: Store, world: Path, tmp_path: Path) -> None:
    expect, data = read_vector(path)
    if expect == "success":
        shutil.copy(world, tmp_path / "fresh.peerdesk")
        with Store.open(tmp_path / "fresh.peerdesk", vector_world.PASSPHRASE, make_backup=False) as fresh:
            summary = transfer.import_bundle(fresh, data).summary
        assert summary.startswith(SUMMARIES[path.stem]) and safe_to_show(summary), summary
        return
    before, raw = content_digest(recipient), all_bytes(recipient.path)
    with pytest.raises(BundleRefused) as caught:
        transfer.import_bundle(recipient, data)
    assert caught.value.reason == expect, str(caught.value)
    assert safe_to_show(str(caught.value)) and len(str(caught.value)) < 600, str(caught.value)
    assert content_digest(recipient) == before and all_bytes(recipient.path) == raw


def test_a_review_that_accepted_every_legal_vector_opens_exports_a_deck_and_purges(world: Path, tmp_path: Path) -> None:
    from peerdesk.export import pptx, presentation
    from peerdesk.services import retention, review, timetable, wall

    shutil.copy(world, tmp_path / "me.peerdesk")
    accepted = [p for p in FILES if read_vector(p)[0] == "success"]
    assert {p.stem for p in accepted} == set(SUMMARIES)
    with Store.open(tmp_path / "me.peerdesk", vector_world.PASSPHRASE, make_backup=False) as store:
        for path in accepted:
            transfer.import_bundle(store, read_vector(path)[1])
        for path in FILES:  # every refusal on a file that holds a review changes nothing either
            expect, data = read_vector(path)
            if expect not in ("success", "expired"):  # expiry is the lead's retention date here, 2099
                with pytest.raises(BundleRefused) as caught:
                    transfer.import_bundle(store, data)
                assert caught.value.reason == expect, path.stem
        assert review.summary(store).retention_date == "2099-06-30"
        grid = timetable.timetable(store)
        assert [i.title for i in grid.interviews] == ["Foster carers"]
        assert len(wall.load_wall(store).postits) == 1
        deck = presentation.prepare(store)
        assert pptx.build(deck, tmp_path / "deck.pptx").stat().st_size > 0
        report = retention.purge(store, today=dt.date(2099, 7, 1))
        assert report.counts["quotes"] == 2 and retention.status(store).purged_on == "2099-07-01"
