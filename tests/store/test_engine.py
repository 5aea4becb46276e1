"""Opening a file that is not ours, or not with the right passphrase, says why and changes nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from peerdesk.errors import DamagedFile, FileMissing, NewerSchema, NotAReview, WrongPassphrase
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store
from tests.helpers.files import digest


@pytest.fixture
def closed_review(store: Store, review_path: Path) -> Path:
    store.close()
    return review_path


def assert_refused_untouched(path: Path, passphrase: str, error: type[Exception], match: str | None = None) -> None:
    """Opening ``path`` raises ``error`` (its message matching ``match``) and leaves every byte as it was."""
    before = digest(path)
    with pytest.raises(error, match=match):
        Store.open(path, passphrase)
    assert digest(path) == before


def test_wrong_passphrase_is_refused_and_the_file_is_untouched(closed_review: Path) -> None:
    assert_refused_untouched(closed_review, "not the passphrase at all", WrongPassphrase, "passphrase is not right")


def test_a_text_file_is_not_a_review(tmp_path: Path) -> None:
    path = tmp_path / "notes.peerdesk"
    path.write_text("Minutes of the planning meeting\n" * 300)
    assert_refused_untouched(path, "whatever passphrase", NotAReview, "text file")


def test_an_unencrypted_sqlite_database_is_not_a_review(tmp_path: Path) -> None:
    path = tmp_path / "plain.peerdesk"
    # closing(): a connection's own context manager only commits; Python 3.13 warns about the unclosed connection.
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t(x)")
    assert_refused_untouched(path, "whatever passphrase", NotAReview, "unencrypted SQLite")


def test_an_empty_file_is_not_a_review(tmp_path: Path) -> None:
    path = tmp_path / "empty.peerdesk"
    path.write_bytes(b"")
    with pytest.raises(NotAReview, match="empty"):
        Store.open(path, "whatever passphrase")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileMissing, match="There is no file"):
        Store.open(tmp_path / "nowhere.peerdesk", "whatever passphrase")


def test_another_programs_sqlcipher_file_is_not_a_review(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "other.db"
    conn = sqlcipher.connect(path, passphrase)
    conn.execute("CREATE TABLE t(x)")
    conn.close()
    assert_refused_untouched(path, passphrase, NotAReview, "another program")


def truncated(data: bytes) -> bytes:
    return data[: len(data) - 1000]


def cut_at_a_page_boundary(data: bytes) -> bytes:
    return data[: len(data) // 2 // sqlcipher.PAGE_SIZE * sqlcipher.PAGE_SIZE]


def a_page_corrupted(data: bytes) -> bytes:
    damaged = bytearray(data)
    damaged[sqlcipher.PAGE_SIZE * 3 + 100] ^= 0xFF  # inside a later page: its HMAC no longer matches
    return bytes(damaged)


@pytest.mark.parametrize(
    ("damage", "match"),
    [(truncated, "truncated"), (cut_at_a_page_boundary, None), (a_page_corrupted, None)],
    ids=["truncated", "cut-at-a-page-boundary", "a-page-corrupted"],
)
def test_a_damaged_file_is_refused_and_untouched(
    closed_review: Path, passphrase: str, damage: Callable[[bytes], bytes], match: str | None
) -> None:
    closed_review.write_bytes(damage(closed_review.read_bytes()))
    assert_refused_untouched(closed_review, passphrase, DamagedFile, match)


def test_a_file_from_a_newer_peerdesk_is_refused_untouched(closed_review: Path, passphrase: str) -> None:
    conn = sqlcipher.connect(closed_review, passphrase)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert_refused_untouched(closed_review, passphrase, NewerSchema, "newer version of peerdesk")


def test_the_right_passphrase_opens_it(closed_review: Path, passphrase: str) -> None:
    with Store.open(closed_review, passphrase) as store:
        assert store.review_id


def test_a_new_review_is_filled_while_its_key_is_derived_and_only_its_encrypted_file_is_written(
    tmp_path: Path, passphrase: str
) -> None:
    from sqlalchemy import text

    path = tmp_path / "new.peerdesk"

    def fill(store: Store) -> None:
        assert path.stat().st_size == 0  # the draft is in memory: no page, journal or WAL on disk yet
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-journal", "-shm"))]
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('review_id', 'Westfold secret plans')"))

    with Store.create(path, passphrase, fill) as store:
        assert store.review_id == "Westfold secret plans"
    assert b"Westfold" not in path.read_bytes() and not path.read_bytes().startswith(sqlcipher.SQLITE_HEADER)
    with Store.open(path, passphrase) as again:
        assert again.review_id == "Westfold secret plans"


def test_a_fill_that_fails_leaves_no_file_and_no_lock(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "new.peerdesk"

    def fail(_store: Store) -> None:
        raise RuntimeError("refused half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        Store.create(path, passphrase, fail)
    assert not path.exists()
    Store.create(path, passphrase).close()  # the name is free again, and the lock was let go


def test_a_fact_read_twice_between_writes_is_read_from_the_file_once(store: Store) -> None:
    reads: list[int] = []

    def read() -> int:
        reads.append(1)
        return len(reads)

    assert store.remembered("fact", read) == 1
    assert store.remembered("fact", read) == 1  # kept: the views refreshing together ask once
    assert len(reads) == 1


def test_a_commit_drops_what_was_kept(store: Store) -> None:
    from peerdesk.services import review

    assert review.summary(store).focus == "Children in care"
    review.update_review(store, focus="Early help")  # a unit of work's commit
    assert review.summary(store).focus == "Early help"
    assert store.remembered("fact", lambda: "before") == "before"
    store.raw().close()  # a raw connection may write: nothing kept outlives it
    assert store.remembered("fact", lambda: "after") == "after"


def test_a_value_read_while_a_commit_landed_is_not_kept(store: Store) -> None:
    def read_while_the_autosave_commits() -> str:
        store.wrote()  # the saver's thread commits in the middle of this read
        return "maybe older than the file"

    store.remembered("fact", read_while_the_autosave_commits)
    assert store.remembered("fact", lambda: "read again") == "read again"


def test_a_fact_missing_from_the_file_is_not_asked_for_again(closed_review: Path, passphrase: str) -> None:
    with Store.open(closed_review, passphrase) as store:
        asked: list[str] = []
        with store.reading() as conn:  # no engine yet: every plain read is made on this first connection
            conn.set_trace_callback(asked.append)
        assert store.meta("no_such_fact", "default") == "default"
        assert store.meta("no_such_fact", "other default") == "other default"
        assert sum("FROM meta" in sql for sql in asked) == 1


def run_python(program: str, *args: str) -> list[str]:
    """The lines ``program`` prints, run in a fresh interpreter (what it imports is then its own doing)."""
    done = subprocess.run(
        [sys.executable, "-c", program, *args], check=True, timeout=60, capture_output=True, text=True
    )
    return done.stdout.splitlines()


def test_opening_a_review_and_reading_it_plainly_imports_no_sqlalchemy(closed_review: Path, passphrase: str) -> None:
    # Importing SQLAlchemy and mapping the models costs more than the rest of the window's start together.
    program = (
        "import sys\n"
        "from peerdesk.store.engine import Store\n"
        "store = Store.open(sys.argv[1], sys.argv[2])\n"
        "print(store.rows('SELECT authority FROM review')[0][0], store.meta('review_id') == store.review_id)\n"
        "print('sqlalchemy' in sys.modules)\n"
        "store.engine\n"
        "print('sqlalchemy' in sys.modules)\n"
        "store.close()\n"
    )
    read, before, after = run_python(program, str(closed_review), passphrase)
    assert read == "Westfold County Council True"
    assert (before, after) == ("False", "True")  # SQLAlchemy comes with the engine, and not before


def test_the_engine_is_made_on_a_thread_of_its_own_before_the_first_edit_needs_it(
    closed_review: Path, passphrase: str
) -> None:
    program = (
        "import sys\n"
        "from peerdesk.store.engine import Store\n"
        "from peerdesk.services import review\n"
        "store = Store.open(sys.argv[1], sys.argv[2])\n"
        "print(sorted({'sqlalchemy', 'peerdesk.store.models'} & set(sys.modules)))\n"
        "worker = store.make_engine_meanwhile()\n"
        "worker.join(60)\n"
        "print(worker.name, worker.is_alive())\n"
        "print(sorted({'sqlalchemy', 'peerdesk.store.models'} & set(sys.modules)))\n"
        "review.update_review(store, focus='Early help')\n"
        "print(review.summary(store).focus)\n"
        "store.close()\n"
    )
    before, thread, after, focus = run_python(program, str(closed_review), passphrase)
    assert before == "[]" and thread == "peerdesk-engine False"
    assert after == "['peerdesk.store.models', 'sqlalchemy']" and focus == "Early help"


def test_a_closed_store_makes_no_engine_on_its_thread(closed_review: Path, passphrase: str) -> None:
    store = Store.open(closed_review, passphrase)
    store.close()
    store.make_engine_meanwhile().join(60)
    assert store.rows is not None and store._engine is None  # nothing reopened behind the closed file


def test_the_engine_takes_over_the_first_connection(closed_review: Path, passphrase: str) -> None:
    with Store.open(closed_review, passphrase) as store:
        with store.reading() as first:
            pass
        with store.engine.connect() as conn:
            assert conn.connection.driver_connection is first  # keyed once, not twice
        with store.reading() as db:  # plain reads now borrow from the engine's pool
            assert db.execute("SELECT authority FROM review").fetchone() == ("Westfold County Council",)
        assert store.engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_an_engine_made_during_a_plain_read_leaves_that_read_its_connection(
    closed_review: Path, passphrase: str
) -> None:
    with Store.open(closed_review, passphrase) as store:
        with store.reading() as first:
            with store.session() as s:  # an ORM read in the middle of a plain one, on the same thread
                assert s.connection().connection.driver_connection is not first
            assert first.execute("SELECT count(*) FROM meta").fetchone()[0] > 0  # still open, still reading
        with pytest.raises(dbapi2.ProgrammingError, match="closed"):
            first.execute("SELECT 1")  # closed once the read was done: the engine has connections of its own


def test_plain_reads_see_one_snapshot_while_another_connection_commits(store: Store) -> None:
    from peerdesk.services import review

    with store.reading() as db:
        before = db.execute("SELECT focus FROM review").fetchone()
        worker = threading.Thread(target=review.update_review, args=(store,), kwargs={"focus": "Early help"})
        worker.start()
        worker.join()
        assert db.execute("SELECT focus FROM review").fetchone() == before  # the same read transaction
    assert store.rows("SELECT focus FROM review") == [("Early help",)]


def test_a_read_sees_what_was_committed_and_hands_its_connection_back(store: Store) -> None:
    from peerdesk.services import review

    review.update_review(store, focus="Early help")
    before = store.engine.pool.checkedout()  # type: ignore[attr-defined]
    with store.reading() as db:
        assert db.execute("SELECT focus FROM review").fetchone() == ("Early help",)
        assert store.engine.pool.checkedout() == before + 1  # type: ignore[attr-defined]
    assert store.engine.pool.checkedout() == before  # type: ignore[attr-defined]
    assert store.remembered("fact", lambda: "kept") == "kept"
    with store.reading():
        pass
    assert store.remembered("fact", lambda: "read again") == "kept"  # a read writes nothing: what is kept stands
