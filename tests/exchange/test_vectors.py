"""The bundle test vectors: each file names what it tests and the one outcome it must have (age's test kit)."""

from __future__ import annotations

import shutil
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


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_vector(path: Path, recipient: Store, world: Path, tmp_path: Path) -> None:
    expect, data = read_vector(path)
    if expect == "success":
        shutil.copy(world, tmp_path / "fresh.peerdesk")
        with Store.open(tmp_path / "fresh.peerdesk", vector_world.PASSPHRASE, make_backup=False) as fresh:
            assert transfer.import_bundle(fresh, data).summary == "Lead: 1 new quote"
        return
    before, raw = content_digest(recipient), all_bytes(recipient.path)
    with pytest.raises(BundleRefused) as caught:
        transfer.import_bundle(recipient, data)
    assert caught.value.reason == expect, str(caught.value)
    assert content_digest(recipient) == before and all_bytes(recipient.path) == raw
