"""Unit of work: one transaction, rolled back unless ``commit()`` is called; stamps versions as it writes."""

from __future__ import annotations

from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, event, insert, select, update
from sqlalchemy.orm import Session, UOWTransaction

from peerdesk.errors import NotFound, UserError
from peerdesk.store import hlc, rules
from peerdesk.store.engine import WRITE_OPTION, Store
from peerdesk.store.labels import label
from peerdesk.store.models import Meta, Shared, new_id
from peerdesk.store.tables import BOOKKEEPING

S = TypeVar("S", bound=Shared)
# The clock's last stamp, kept with every commit that stamped (so a restart never stamps behind it): no read first.
_IDS_PER_READ = 500  # ids bound in one read: well within SQLite's limit on parameters
_READ_META = "SELECT value FROM meta WHERE key = ?"
_SAVE_CLOCK = "INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"


class UnitOfWork:
    """``with UnitOfWork(store) as uow: ...; uow.commit()`` — everything or nothing reaches the file.

    The commit is durable when it returns (WAL, synchronous=FULL): that is our autosave.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._session: Session | None = None
        self._clock: hlc.Clock | None = None
        self._committed = False
        self._member_id: str | None = None
        self._meta_written = False
        self._grown: set[str] = set()  # shared tables given new records: counted against their limit at commit

    def __enter__(self) -> UnitOfWork:
        self.store.write_lock.acquire()
        try:
            self._conn = self.store.engine.connect().execution_options(**{WRITE_OPTION: True})
            try:
                self._tx = self._conn.begin()  # BEGIN IMMEDIATE (the engine's begin event): SQLite's writer, now
            except BaseException:
                self._conn.close()
                raise
        except BaseException:
            self.store.write_lock.release()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._session is not None:
                if not self._committed:
                    self._session.rollback()  # it controls the transaction: this rolls it back
                self._session.close()
            elif not self._committed:
                self._tx.rollback()
            self._conn.close()
        finally:
            self.store.write_lock.release()

    @property
    def session(self) -> Session:
        """The ORM session of this transaction, made when first asked for: the autosave writes without one (a
        session and its commit were a third of the Python an autosave ran)."""
        if self._session is None:
            # It joins the transaction begun on entering, and owns it: its commit and rollback are the transaction's.
            self._session = Session(
                bind=self._conn, expire_on_commit=False, autoflush=True, join_transaction_mode="control_fully"
            )
            event.listen(self._session, "before_flush", self._note_new_records)
        return self._session

    def _note_new_records(self, session: Session, _flush: UOWTransaction, _instances: object) -> None:
        self._grown.update(getattr(row, "__tablename__", "") for row in session.new if isinstance(row, Shared))

    def _driver(self) -> Any:
        """This transaction's driver connection, with the session's pending changes flushed first. The statements
        the autosave sends straight to it are prepared once by the driver and kept; no SQLAlchemy statement runs."""
        if self._session is not None:
            self._session.flush()
        return self._conn.connection.driver_connection

    def _connection(self) -> Connection:
        """This transaction's connection, with the session's pending changes flushed first."""
        if self._session is not None:
            self._session.flush()
        return self._conn

    def commit(self) -> None:
        """Make everything durable, or raise ``TooManyRecords`` (a table past its limit) and keep nothing."""
        self._check_room()
        last = self._clock.last if self._clock is not None else None
        if last is not None:
            # One upsert, no read: the autosave commits this with every note it writes.
            self._driver().execute(_SAVE_CLOCK, (last,))
        if self._session is not None:
            self._session.commit()
        else:
            self._tx.commit()
        self._committed = True
        if self._meta_written:
            self.store.forget_meta()  # which drops the remembered reads too
        else:
            self.store.wrote()
        if last is not None:
            self.store.remember_meta("hlc", last)
        if self._member_id is not None and not self._meta_written:
            # Read from the file in this transaction and not written in it: kept, so the next autosave asks no more.
            self.store.remember_meta("member_id", self._member_id)

    def _check_room(self) -> None:
        """Every table given records here still holds at most ``rules.max_records``: no table grows past what one
        bundle may carry of it, and every view stays quick at those sizes. One count per such table, none when a
        commit adds nothing (the autosave)."""
        if self._session is not None:
            self._session.flush()  # its new records noted (``_note_new_records``) and in the counts
        for table in sorted(self._grown & rules.MAX_RECORDS_OF.keys()):
            limit = rules.max_records(table)
            # ``table`` is one of our models' names, never a bundle's: it names a table written here.
            (held,) = self._driver().execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            if held > limit:
                raise TooManyRecords(table, limit)

    @property
    def member_id(self) -> str:
        # Looked up once per unit of work (a bulk write adds thousands of rows), and kept by the store after that.
        if self._member_id is None:
            known = self.store.known_meta("member_id")
            self._member_id = known if known is not None else self._get_meta("member_id")
        return self._member_id

    # --- clock ---------------------------------------------------------------------------------------------
    @property
    def clock(self) -> hlc.Clock:
        if self._clock is None:
            # The store keeps the last stamp it committed: only this process writes the file (``ReviewLock``).
            known = self.store.known_meta("hlc")
            last = known if known is not None else self._get_meta("hlc")
            self._clock = hlc.Clock(self.member_id or "local", last or None)
        return self._clock

    def _get_meta(self, key: str) -> str:
        # Straight from the driver, as this transaction sees it (pending changes flushed): an autosave that needs
        # only the member id must not build an ORM session for it.
        row = self._driver().execute(_READ_META, (key,)).fetchone()
        return str(row[0]) if row else ""

    def _set_meta(self, key: str, value: str) -> None:
        row = self.session.get(Meta, key)
        if row is None:
            self.session.add(Meta(key=key, value=value))
        else:
            row.value = value

    def get_meta(self, key: str) -> str:
        """A fact of this file (``meta``), as this transaction sees it; "" when unset."""
        return self._get_meta(key)

    def set_meta(self, key: str, value: str) -> None:
        self._set_meta(key, value)
        self._meta_written = True  # the store forgets its facts once this commits (a read before saw the old one)
        if key == "member_id":
            self._member_id = value

    # --- a colleague's versions, as they are (the merge) ----------------------------------------------------
    # The merge writes records with the versions a bundle brings rather than stamping new ones, and in bulk:
    # thousands of records per import, where one ORM object each was most of the time an import took. These
    # two write in this unit of work's transaction with one executemany each.
    def insert_rows(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        """Insert whole records (``versions`` and ``author_id`` included) exactly as given."""
        if rows:
            self._grown.add(model.__tablename__)
            self._connection().execute(insert(model.__table__), rows)

    def update_rows(self, model: type[Any], rows: list[dict[str, Any]], *, key: str = "merge_row_id") -> None:
        """Set the given columns (the same set in every row) of the records whose id is ``rows[i][key]``."""
        if rows:
            t = model.__table__
            statement = update(t).where(t.c.id == bindparam(key))
            self._connection().execute(statement, rows)

    # --- versioned writes -----------------------------------------------------------------------------------
    def get(self, model: type[S], record_id: str, *, include_deleted: bool = False) -> S:
        row = self.session.get(model, record_id)
        if row is None or (row.deleted and not include_deleted):
            raise NotFound(f"That {_label(model)} no longer exists (it may have been deleted).")
        return row

    def add(self, model: type[S], record_id: str | None = None, **fields: Any) -> S:
        """Create a shared record authored by me, every given field stamped."""
        _check_fields(model, fields)
        row = model()
        row.id, row.author_id, row.deleted, row.versions = record_id or new_id(), self.member_id, False, {}
        self.session.add(row)
        self._write(row, {"deleted": False, **fields}, force=True)
        return row

    def add_or_restore(
        self, model: type[S], record_id: str | None, fields: dict[str, Any], new_fields: dict[str, Any] | None = None
    ) -> S:
        """Add a record with ``fields`` (and ``new_fields``, which only a new record takes), or, when
        ``record_id`` names one already in the file (the redo of an undone add), bring it back with ``fields``."""
        existing = self.session.get(model, record_id) if record_id else None
        if existing is not None:
            self.restore(existing)
            self.update(existing, **fields)
            return existing
        return self.add(model, record_id, **fields, **(new_fields or {}))

    def update(self, row: Shared, **fields: Any) -> bool:
        """Change fields; only those whose value really changes get a new version. True if anything did."""
        _check_fields(type(row), fields)
        return self._write(row, fields, force=False)

    def read_fields(
        self, model: type[Shared], record_ids: list[str], names: tuple[str, ...]
    ) -> dict[str, tuple[Any, ...]]:
        """The values of ``names`` (plain columns) of the live records among ``record_ids``, by id: one light read,
        no ORM object (the autosave reads where the note's quotes were before it writes where they are)."""
        _check_fields(model, dict.fromkeys(names))
        table = str(model.__table__.name)  # type: ignore[attr-defined]  # names checked above: safe in the SQL
        db = self._driver()
        found: dict[str, tuple[Any, ...]] = {}
        for at in range(0, len(record_ids), _IDS_PER_READ):
            ids = record_ids[at : at + _IDS_PER_READ]
            rows = db.execute(
                f"SELECT id, {', '.join(names)} FROM {table} WHERE deleted = 0 AND id IN ({', '.join('?' * len(ids))})",
                ids,
            )
            found.update((row[0], tuple(row[1:])) for row in rows)
        return found

    def set_fields(self, model: type[Shared], record_id: str, fields: dict[str, Any], *, differ: bool = False) -> bool:
        """What ``update`` does, without loading the record: one light read of which fields differ (compared in
        SQL, so a long note's text is not handed back), then one UPDATE stamping a version for each of those.
        ``differ``: the caller has just read that every field differs on a live record, and the read is skipped.
        True if anything changed. Plain values only (text, numbers); objects of this record already loaded in
        this unit of work are not refreshed.

        The autosave writes a note this way several times a minute: no ORM object, no SQL expression built, two
        statements the driver keeps prepared.
        """
        _check_fields(model, fields)
        if not all(v is None or isinstance(v, str | int | float) for v in fields.values()):
            raise ValueError("set_fields writes plain values only")
        table = str(model.__table__.name)  # type: ignore[attr-defined]  # names checked above: safe in the SQL
        db = self._driver()
        if not differ:
            checks = ", ".join(f"{name} IS ?" for name in fields)
            same = db.execute(
                f"SELECT {checks} FROM {table} WHERE id = ? AND deleted = 0", (*fields.values(), record_id)
            ).fetchone()
            if same is None:
                raise NotFound(f"That {_label(model)} no longer exists (it may have been deleted).")
            fields = {n: v for (n, v), equal in zip(fields.items(), same, strict=True) if not equal}
        if not fields:
            return False
        stamps: list[str] = []
        for name, value in fields.items():
            why = rules.check(table, name, value)
            if why is not None:
                raise UserError(f"That {_label(model)}'s {name.replace('_', ' ')} {why}; nothing was saved.")
            stamps += [f"$.{name}", self.clock.tick()]
        # ``updated`` is the newest of the versions: the newer of what it was and the stamps written now.
        db.execute(
            f"UPDATE {table} SET {', '.join(f'{name} = ?' for name in fields)}, "
            "versions = json_set(CASE json_type(versions) WHEN 'object' THEN versions ELSE '{}' END"
            f"{', ?, ?' * len(fields)}), updated = max(updated, ?) WHERE id = ? AND deleted = 0",
            (*fields.values(), *stamps, stamps[-1], record_id),
        )
        return True

    def delete(self, row: Shared) -> None:
        """A tombstone: the deletion merges like any other write and can be undone."""
        self._write(row, {"deleted": True}, force=False)

    def restore(self, row: Shared) -> None:
        self._write(row, {"deleted": False}, force=False)

    def _write(self, row: Shared, fields: dict[str, Any], *, force: bool) -> bool:
        versions = dict(row.versions or {})
        changed = False
        table = str(getattr(row, "__tablename__", ""))
        for name, value in fields.items():
            if not force and getattr(row, name) == value:
                continue
            # The backstop of every local edit: what colleagues' files would refuse in a bundle is never written
            # here (the services say why first, in their own words; this catches any path they miss).
            why = rules.check(table, name, value)
            if why is not None:
                raise UserError(f"That {_label(type(row))}'s {name.replace('_', ' ')} {why}; nothing was saved.")
            setattr(row, name, value)
            versions[name] = self.clock.tick()
            changed = True
        if changed:
            row.versions = versions  # a new dict, so SQLAlchemy sees the JSON change
            row.updated = max(versions.values())
        return changed

    def query(self, model: type[S], **where: Any) -> list[S]:
        stmt = select(model).where(model.deleted.is_(False))
        for name, value in where.items():
            stmt = stmt.where(getattr(model, name) == value)
        return list(self.session.scalars(stmt))


class TooManyRecords(UserError):
    """A commit would take ``table`` past the records a review may hold (nothing of it was kept)."""

    def __init__(self, table: str, limit: int) -> None:
        self.table, self.limit = table, limit
        super().__init__(
            f"A review can hold at most {limit:,} {label(table, limit)}, deleted ones included, and this one "
            "would have more. Nothing was added."
        )


def _label(model: type[Shared]) -> str:
    return str(getattr(model, "__tablename__", "record")).rstrip("s").replace("_", " ")


def _check_fields(model: type[Shared], fields: dict[str, Any]) -> None:
    columns = set(model.__table__.columns.keys())  # type: ignore[attr-defined]
    bad = [f for f in fields if f in BOOKKEEPING or f not in columns]
    if bad:
        raise ValueError(f"{model.__name__} has no editable field {', '.join(bad)}")
