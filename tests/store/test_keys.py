"""Raw SQLCipher keys derived by us: the same files as SQLCipher's own derivation makes, either way round."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from peerdesk.errors import WrongPassphrase
from peerdesk.store import keys, sqlcipher
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE

ACCENTED = "pässphrase für Zoë 2026"  # the key is derived from the passphrase's UTF-8 bytes, as SQLCipher does


def old_style_file(path: Path, passphrase: str) -> None:
    """A file keyed the way every review was before raw keys: SQLCipher derives the key from the passphrase."""
    conn = sqlcipher.connect(path, passphrase)
    try:
        conn.execute("CREATE TABLE t(x)")
        conn.execute("INSERT INTO t VALUES ('kept')")
    finally:
        conn.close()


@pytest.mark.parametrize("passphrase", [PASSPHRASE, ACCENTED])
def test_the_derived_key_opens_a_file_sqlcipher_keyed_from_the_passphrase(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.db"
    old_style_file(path, passphrase)
    salt = keys.file_salt(path)
    assert salt is not None
    conn = sqlcipher.connect_key(path, keys.derive(passphrase, salt))
    try:
        assert conn.execute("SELECT x FROM t").fetchall() == [("kept",)]
    finally:
        conn.close()


@pytest.mark.parametrize("passphrase", [PASSPHRASE, ACCENTED])
def test_a_review_made_with_a_raw_key_opens_with_the_passphrase_alone(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "new.peerdesk"
    Store.create(path, passphrase).close()
    assert sqlcipher.opens_with(path, passphrase)  # PRAGMA key = 'passphrase': SQLCipher's own derivation
    assert not sqlcipher.opens_with(path, passphrase + "!")


def test_an_old_style_review_opens_and_stays_usable(tmp_path: Path) -> None:
    path = tmp_path / "old.peerdesk"
    Store.create(path, PASSPHRASE).close()
    # Re-key it the old way (SQLCipher derives from the passphrase, new salt): what an older peerdesk left.
    conn = sqlcipher.connect(path, PASSPHRASE)
    old = tmp_path / "older.peerdesk"
    try:
        sqlcipher.export_into(conn, old, PASSPHRASE)
    finally:
        conn.close()
    with Store.open(old, PASSPHRASE) as store:
        assert store.meta("missing", "default") == "default"


def test_a_wrong_passphrase_is_still_refused_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = store.path
    store.close()
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase):
        Store.open(path, "not the passphrase at all")
    assert path.read_bytes() == before


def test_the_parameters_are_sqlcipher_4s_and_the_key_is_never_shown() -> None:
    salt = bytes(range(16))
    key = keys.derive(PASSPHRASE, salt)
    assert key.key == hashlib.pbkdf2_hmac("sha512", PASSPHRASE.encode(), salt, 256_000, 32)
    assert key.pragma_value() == f"x'{key.key.hex()}{salt.hex()}'"
    assert key.key.hex() not in repr(key) and key.key.hex() not in str(key)


def test_derive_refuses_a_nul_and_a_salt_of_the_wrong_size() -> None:
    with pytest.raises(ValueError, match="NUL"):
        keys.derive("nul\x00inside", bytes(16))
    with pytest.raises(ValueError, match="16 bytes"):
        keys.derive(PASSPHRASE, b"short")


def test_a_derivation_runs_on_its_thread_and_gives_the_same_key(tmp_path: Path) -> None:
    salt = keys.new_salt()
    assert keys.Derivation(PASSPHRASE, salt).result() == keys.derive(PASSPHRASE, salt)
    with pytest.raises(ValueError, match="NUL"):  # an error on the thread is raised where the key is awaited
        keys.Derivation("nul\x00inside", salt).result()


def test_a_derivation_for_a_file_without_a_salt_gives_nothing(tmp_path: Path) -> None:
    short = tmp_path / "short.peerdesk"
    short.write_bytes(b"tiny")
    assert keys.Derivation.for_file(short, PASSPHRASE).result() is None
    assert keys.Derivation.for_file(tmp_path / "absent.peerdesk", PASSPHRASE).result() is None


def test_open_with_a_derivation_made_for_another_salt_derives_again(tmp_path: Path) -> None:
    path = tmp_path / "r.peerdesk"
    Store.create(path, PASSPHRASE).close()
    stale = keys.Derivation(PASSPHRASE, keys.new_salt())  # e.g. the file was replaced after it was started
    with Store.open(path, PASSPHRASE, deriving=stale) as store:
        assert store.meta("missing", "x") == "x"
    with Store.open(path, PASSPHRASE, deriving=keys.Derivation.for_file(path, PASSPHRASE)) as store:
        assert store.meta("missing", "x") == "x"
