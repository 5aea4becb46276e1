"""The open review file: its keyed connections, and one SQLAlchemy engine over them, made when first needed.

Opening a file and reading what the window first shows use the connection the open keyed, with plain SQL: no
SQLAlchemy is imported until something asks for ``engine`` (a unit of work, an ORM read), which then takes that
connection over. Importing SQLAlchemy and mapping the models costs more than the rest of the start together.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from peerdesk.errors import (
    DamagedFile,
    DamagedWithBackup,
    NewerSchema,
    NotAReview,
    OlderSchema,
    UserError,
    WrongPassphrase,
)
from peerdesk.files import new_private_file
from peerdesk.store import backup, keys, migrate, sqlcipher, wal
from peerdesk.store.handle import MIN_PASSPHRASE as MIN_PASSPHRASE
from peerdesk.store.handle import check_passphrase as check_passphrase
from peerdesk.store.lock import ReviewLock
from peerdesk.store.tables import WRITE_OPTION as WRITE_OPTION  # where the unit of work has always taken it from

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
T = TypeVar("T")


class Store:
    """An open review file. Use ``Store.open`` or ``Store.create``; close it when done."""

    def __init__(self, path: Path, key: keys.FileKey | None, first: Any, lock: ReviewLock | None = None) -> None:
        self.path = path
        self._key = key  # keys more connections for the engine (None: a draft, whose engine is made at once)
        self._first: Any | None = first  # the keyed connection the open checked: plain reads until the engine
        self._first_lock = threading.Lock()  # guards the first connection, whether it is busy, and the engine
        self._first_busy = False  # a plain read is using the first connection
        self._engine: Engine | None = None
        self._meta_cache: dict[str, str | None] = {}  # None: the fact is not in the file
        self._reads: dict[str, tuple[int, Any]] = {}  # see ``remembered``
        self._writes = 0  # commits made through this store (and raw connections handed out)
        self.write_lock = threading.RLock()  # SQLite has one writer; our threads take turns politely
        self._lock = lock  # one writer per file across windows and processes, held until close
        self.recovery_notes: list[str] = []  # what the open had to tell (committed work it could not apply)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) the first time it is asked for. It takes over the
        first connection, unless a plain read is using it (then that read closes it when done)."""
        engine = self._engine
        if engine is None:
            from peerdesk.store import pool

            with self._first_lock:
                if self._engine is None:
                    assert self._key is not None, "a draft store is given its engine when made"
                    spare = None if self._first_busy else self._first
                    self._engine = pool.file_engine(self.path, self._key, spare)
                    self._first = None  # the engine's now, or closed by the read using it when it is done
                engine = self._engine
        return engine

    def make_engine_meanwhile(self) -> threading.Thread:
        """Make the engine on a thread of its own, so that the first edit does not wait ~0.3 s for SQLAlchemy and
        the models to load. Python hands its lock between threads every few milliseconds, so the window stays
        responsive meanwhile. Called once the window has shown what it reads first."""

        def make() -> None:
            try:
                if self._lock is not None:  # not once the store is closed
                    import_module("peerdesk.store.uow")  # the models and SQLAlchemy's ORM, which every edit uses
                    self.engine  # noqa: B018 - made and kept: that is the point
            except Exception:  # the first real use makes it again, and says what is wrong
                log.warning("making the database engine ahead of time failed", exc_info=True)

        worker = threading.Thread(target=make, name="peerdesk-engine", daemon=True)
        worker.start()
        return worker

    def _take_first(self) -> Any | None:
        """The first connection for a plain read, if no engine has taken it and no other read is using it."""
        with self._first_lock:
            if self._engine is not None or self._first is None or self._first_busy:
                return None
            self._first_busy = True
            return self._first

    def _give_first_back(self, conn: Any) -> None:
        with self._first_lock:
            self._first_busy = False
            if conn is not self._first:  # let go meanwhile (an engine was made, the store closed or rekeyed)
                conn.close()

    # --- opening -------------------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        make_backup: bool = True,
        upgrade: bool = True,
        deriving: keys.Derivation | None = None,
    ) -> Store:
        """Open an existing review; refuse clearly, leaving the file untouched, if it cannot be one.

        ``deriving``: the file's key, derivation already under way (``keys.Derivation.for_file``), so that a caller
        can do other work meanwhile; without it the key is derived here. ``upgrade=False``: a file an older
        peerdesk saved is refused (``OlderSchema``) rather than upgraded in place (a backup is looked at, not changed).
        """
        path = Path(path)
        sqlcipher.preflight(path)
        lock = ReviewLock.acquire(path)
        try:
            backup.clear_leftovers(path)
            backup.tighten(path)  # before SQLite creates -wal and -shm, which take the file's mode
            leftover = wal.keep_leftover(path)  # before SQLite replays the WAL, or drops what it cannot
            key = _file_key(path, passphrase, deriving)
            store = cls._open_keyed(path, key, passphrase, lock, make_backup=make_backup, upgrade=upgrade)
        except BaseException:
            lock.release()
            raise
        if leftover is not None and leftover.lost_commits:
            log.warning("a damaged WAL: %d commits could not be applied", leftover.lost_commits)
            store.recovery_notes.append(leftover.message)
        try:
            store._finish_interrupted(passphrase)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_keyed(
        cls, path: Path, key: keys.FileKey, passphrase: str, lock: ReviewLock, *, make_backup: bool, upgrade: bool
    ) -> Store:
        first = sqlcipher.connect_key(path, key)
        try:
            app_id = _check_readable(first, path, key, passphrase)
            if app_id != sqlcipher.APPLICATION_ID:
                raise NotAReview(str(path), "it is an encrypted database made by another program.")
            revision = migrate.current_raw(first)
            if revision is None:
                raise NotAReview(str(path), "it holds no peerdesk schema.")
            if revision not in migrate.known_revisions():
                raise NewerSchema(str(path), revision)
            if revision != migrate.head() and not upgrade:
                raise OlderSchema(str(path), revision)
        except BaseException:
            first.close()
            raise
        needs_upgrade = revision != migrate.head()
        if needs_upgrade and make_backup:
            # Back up before touching anything: a migration that fails leaves this copy to go back to.
            backup.snapshot(first, path, reason=f"before-upgrade-{revision}", passphrase=passphrase)
        sqlcipher.configure(first)  # as the engine configures every connection it makes
        store = cls(path, key, first, lock)
        if needs_upgrade:
            with store.engine.begin() as conn:
                migrate.upgrade(conn)
            log.info("upgraded review schema from %s to %s", revision, migrate.head())
        return store

    def _finish_interrupted(self, passphrase: str) -> None:
        """Complete what a kill or power cut interrupted last time (a purge, a passphrase change)."""
        from peerdesk.store import maintenance, rekey  # they build on Store

        rekey.finish_interrupted(self.path, passphrase)
        if maintenance.purge_unfinished(self):
            log.info("finishing an interrupted purge")
            maintenance.finish_purge(self)

    @classmethod
    def create(cls, path: Path | str, passphrase: str, fill: Callable[[Store], None] | None = None) -> Store:
        """Make a new review file: the schema, then whatever ``fill`` writes (through this store, as usual).

        The key derivation is the slow part of making a file. It runs on a thread while the schema is built and
        filled in an in-memory draft; the draft is then sealed into the file, encrypted with the derived key, and
        the store goes on with the file. Nothing reaches the disk before it is encrypted.
        """
        path = Path(path)
        check_passphrase(passphrase)
        if path.exists():
            raise UserError(f"{path} already exists; choose another name or open it.")
        if not path.parent.exists():
            raise UserError(f"The folder {path.parent} does not exist.")
        new_private_file(path)  # owner-only from the start; SQLite gives -wal and -shm the same mode
        lock = ReviewLock.acquire(path)
        deriving = keys.Derivation(passphrase, keys.new_salt())
        draft = sqlcipher.draft()
        from peerdesk.store import pool

        store = cls(path, None, None, lock)
        store._engine = pool.draft_engine(draft)
        try:
            with store.engine.begin() as conn:
                migrate.upgrade(conn)
            if fill is not None:
                fill(store)
            key = deriving.result()
            assert key is not None
            store._seal(draft, key)
        except BaseException:
            store.close()
            sqlcipher.remove_with_sidecars(path)
            raise
        return store

    def _seal(self, draft: Any, key: keys.FileKey) -> None:
        """Write the draft into this store's (empty) file, encrypted with ``key``, and continue on the file."""
        draft.execute(f"PRAGMA application_id = {sqlcipher.APPLICATION_ID}")
        sqlcipher.export_into(draft, self.path, key)
        self.engine.dispose()
        draft.close()
        first = sqlcipher.connect_key(self.path, key)
        sqlcipher.configure(first)  # WAL from now on, as every open finds it
        self._engine, self._key, self._first = None, key, first

    def close(self) -> None:
        self._drop_connections()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def reconnect(self, passphrase: str, first: Any | None = None) -> None:
        """Drop every pooled connection and key new ones with ``passphrase`` (after a passphrase change).

        ``first``, if given, is an already keyed connection to reuse. Hold ``write_lock`` around the change that
        made this necessary.
        """
        self._drop_connections()
        key = _file_key(self.path, passphrase, None)
        first = first or sqlcipher.connect_key(self.path, key)
        sqlcipher.configure(first)
        self._key, self._first = key, first
        self.forget_meta()

    def _drop_connections(self) -> None:
        with self._first_lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
            if self._first is not None and not self._first_busy:  # else the read using it closes it
                self._first.close()
            self._first = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sessions -------------------------------------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (use ``UnitOfWork`` to write)."""
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def meta(self, key: str, default: str = "") -> str:
        if key not in self._meta_cache:
            with self.reading() as conn:
                row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            self._meta_cache[key] = None if row is None else str(row[0])
        value = self._meta_cache[key]
        return default if value is None else value

    def forget_meta(self) -> None:
        self._meta_cache.clear()
        self.wrote()

    def remembered(self, key: str, read: Callable[[], T]) -> T:
        """``read()``, kept until the next write. The views that refresh together (as the window opens, after a
        change) ask for the same facts — the review's dates, the planning answers — several times over: the file
        is asked once. One writer per file (``ReviewLock``), and every write through this store says so
        (``wrote``), so a kept value is never older than the file. Immutable values only."""
        writes = self._writes  # taken before reading: a commit meanwhile (the autosave's thread) makes it stale
        kept = self._reads.get(key)
        if kept is not None and kept[0] == writes:
            return kept[1]  # type: ignore[no-any-return]
        value = read()
        self._reads[key] = (writes, value)
        return value

    def wrote(self) -> None:
        """A write was committed (or may be, through a raw connection): what ``remembered`` kept is dropped."""
        self._writes += 1
        self._reads.clear()

    def known_meta(self, key: str) -> str | None:
        """The fact if this store already read or wrote it (no query: safe inside a unit of work), else None."""
        return self._meta_cache.get(key)  # None too when the file has no such fact: the caller reads it

    def remember_meta(self, key: str, value: str) -> None:
        """Keep a fact just committed (one writer per file: the file cannot change it behind our back)."""
        self._meta_cache[key] = value

    @property
    def member_id(self) -> str:
        return self.meta("member_id")

    @property
    def review_id(self) -> str:
        return self.meta("review_id")

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A DB-API connection for fixed statements that only read, in one read transaction (so that they agree
        even while the autosave's thread or a merge commits). It is the first connection while no engine exists
        (opening the window needs none), else a pooled one, handed back after. No SQLAlchemy ``Connection``
        around it: its events and transaction bookkeeping cost as much as a short search's own SQL. Nothing may
        be written on it (writes go through the unit of work)."""
        first = self._take_first()
        if first is not None:
            try:
                with _read_transaction(first) as conn:
                    yield conn
            finally:
                self._give_first_back(first)
            return
        pooled = self.engine.raw_connection()
        try:
            with _read_transaction(pooled.driver_connection) as conn:
                yield conn
        finally:
            pooled.close()

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Every row of one fixed query that only reads (see ``reading``)."""
        with self.reading() as conn:
            return list(conn.execute(sql, params).fetchall())

    def raw(self) -> Any:
        """A raw DB-API connection (for maintenance: checkpoint, vacuum, rekey). Caller closes it."""
        self.wrote()  # it may write: nothing kept by ``remembered`` outlives it
        return self.engine.raw_connection()


@contextmanager
def _read_transaction(conn: Any) -> Iterator[Any]:
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:  # SQLite may have ended it already, after an error
            conn.execute("ROLLBACK")  # it only read: nothing to keep, and the snapshot is let go at once


def _file_key(path: Path, passphrase: str, deriving: keys.Derivation | None) -> keys.FileKey:
    """The raw key of the file at ``path`` (already checked by ``preflight``: it has a salt)."""
    salt = keys.file_salt(path)
    if salt is None:
        raise NotAReview(str(path), "it is too small to be an encrypted review.")
    key = deriving.result() if deriving is not None else None
    # A derivation started before the file was locked: if another program replaced the file since, start again.
    return key if key is not None and key.salt == salt else keys.derive(passphrase, salt)


def _check_readable(conn: Any, path: Path, key: keys.FileKey, passphrase: str) -> int:
    """``sqlcipher.check_readable``, telling a damaged first page from a wrong passphrase by the review's backups."""
    try:
        return sqlcipher.check_readable(conn, path)
    except WrongPassphrase:
        damaged = sqlcipher.later_page_authenticates(path, key)  # the key is right: page 1 is not
        newest_first = list(reversed(backup.list_snapshots(path)))  # the names sort by time
        # Each backup tried costs a key derivation: a mere typo must not wait for all of them (a damaged salt, in
        # the first 16 bytes, can only be told by a backup: the newest two are tried).
        for snap in newest_first if damaged else newest_first[:2]:
            if sqlcipher.opens_with(snap, passphrase):
                stamp = snap.stem.removeprefix(path.stem + "-")  # YYYYmmdd-HHMMSS-...
                made = f"{stamp[6:8]}/{stamp[4:6]}/{stamp[:4]} {stamp[9:11]}:{stamp[11:13]}"
                raise DamagedWithBackup(str(path), str(snap), made) from None
        if damaged:
            raise DamagedFile(str(path), "its first page fails its check, although the passphrase is right") from None
        raise
