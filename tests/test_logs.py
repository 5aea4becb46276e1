"""The log hides what could be review text and keeps tracebacks readable; a whole session in the app logs what was
done and what went wrong, never a note or a quote, even inside an error message."""

from __future__ import annotations

import importlib.util
import logging
import traceback
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, text

from peerdesk.cli import app as cli
from peerdesk.cli.common import PASSPHRASE_ENV
from peerdesk.errors import NotFound, UserError
from peerdesk.logs import log_dir, redact, setup_logging
from peerdesk.services import guard, records, retention
from peerdesk.store.engine import Store
from peerdesk.store.models import Note, Quote
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.helpers.seed import seed

NOTE = "the social worker in Larkspur Lane said nobody rings back on fridays"


def _traceback() -> str:
    def save(body: str) -> None:
        raise ValueError(f"could not save {body!r}; it's over the limit")

    try:
        save(NOTE)
    except ValueError:
        return traceback.format_exc()
    raise AssertionError("unreachable")


def test_a_traceback_keeps_its_structure_and_loses_only_the_confidential_value() -> None:
    original = _traceback()
    hidden = redact(original)
    assert "Larkspur" not in hidden
    kept = [line for line in original.splitlines() if line.startswith(("Traceback", "  File", "    "))]
    assert kept and all(line in hidden.splitlines() for line in kept), "a traceback line was mangled"
    assert hidden.splitlines()[-1].startswith("ValueError: could not save '<")
    assert "it's over the limit" in hidden


def test_sql_parameters_are_hidden_whole_even_with_a_bracket_inside_a_value() -> None:
    message = (
        "(sqlite3.IntegrityError) UNIQUE constraint failed\n[SQL: INSERT INTO notes (body) VALUES (?)]\n"
        "[parameters: ('Jane [Year 9] told me about Larkspur Lane',)]\n(Background on this error at: https://x)"
    )
    hidden = redact(message)
    assert "Larkspur" not in hidden and "Year 9" not in hidden
    assert "[SQL: INSERT INTO notes (body) VALUES (?)]" in hidden and "(Background on this error" in hidden


def test_an_apostrophe_in_one_line_does_not_hide_the_lines_after_it() -> None:
    text = "it's done\n  File \"/app/peerdesk/x.py\", line 3, in f\n    save(note)\nKeyError: 'short'"
    assert redact(text) == text


HAS_DEMO = importlib.util.find_spec("peerdesk.services.demo") is not None


def write_review(path: Path) -> None:
    """The demo review when this build has it, else our own seeded one."""
    if HAS_DEMO:
        from peerdesk.services import demo

        demo.write_demo(path, PASSPHRASE).close()
        return
    from peerdesk.services import review

    with review.create_review(path, PASSPHRASE, review.Essentials("Eastmere", "Front door", "Alex")) as store:
        seed(store, notes=5)


def log_text(folder: Path) -> str:
    for handler in logging.getLogger("peerdesk").handlers:
        handler.flush()
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("peerdesk.log*")))


def test_a_demo_session_logs_operations_and_errors_but_no_note_or_quote_text(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_logging()  # where the app and the CLI log: the user's log folder (a temporary home in tests)
    folder = log_dir()
    assert str(folder).startswith(str(Path.home()))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # errors are shown (and logged), not waited on
    path = tmp_path / "demo.peerdesk"
    write_review(path)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["info", str(path)]) == 0

    store = Store.open(path, PASSPHRASE)
    session = ReviewSession(store)
    window = MainWindow(session)
    qtbot.addWidget(window)
    with store.session() as s:
        note_id = s.scalars(select(Note.id).where(Note.deleted.is_(False))).first()
        quote_id = s.scalars(select(Quote.id).where(Quote.deleted.is_(False))).first()
    assert note_id and quote_id
    secret_note = "Interviewees said the Carrowmere duty desk closes early every Friday afternoon."
    secret_quote = "Honestly the Tamblewick panel is the only place anyone listens to us."
    # Through the UI's undo commands, as panels do, and straight through services.
    ops.set_fields(window, session, "notes", note_id, {"body": secret_note}, "Edit note", merge_key="b")
    ops.create_record(window, session, "quotes", {"text": secret_quote}, "Add quote")
    session.undo_stack.undo()
    session.undo_stack.redo()
    session.apply(lambda s: records.set_fields(s, "quotes", quote_id, text=secret_quote + " Twice."))
    guard.add_name(store, "Morwenna Achterberg", "interviewee")
    guard.flagged_quotes(store)

    # Errors: a refused edit, a bug whose message quotes the text, a database error whose parameters hold it.
    messages.error(window, "Could not save the note", NotFound("That note no longer exists."))
    try:
        raise ValueError(f"cannot split {secret_note!r}")
    except ValueError as exc:
        messages.error(window, "Could not split the note", exc)
    try:
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('review_id', :v)"), {"v": secret_quote})
    except Exception as exc:
        messages.error(window, "Could not save", exc)

    # A step's name may carry the review's words (a tag as typed, a member's name, the start of a post-it).
    def too_long(_store: Store) -> Any:
        raise UserError("A tag is at most 80 characters.")

    ops.run(window, session, "Tag “Calderbrook Hall residents”", too_long, too_long)
    messages.error(window, "Group post-it with “Quillstone said nobody calls…”", RuntimeError("disk is full"))
    monkeypatch.setenv(PASSPHRASE_ENV, "not the right passphrase")
    window.close()
    assert cli.main(["info", str(path)]) == 2

    with Store.open(path, PASSPHRASE) as reopened, reopened.session() as s:
        texts = [*s.scalars(select(Note.body)), *s.scalars(select(Quote.text))]
    texts += [secret_note, secret_quote, "Morwenna Achterberg"]
    logged = log_text(folder)
    assert "saved: notes" in logged and "unexpected error" in logged and "command info" in logged
    assert "NotFound" in logged and "WrongPassphrase" in logged
    for written in texts:
        if len(written) >= 12:  # "" and one-word fields could match anything
            assert written not in logged
            assert written[:24] not in logged
    for word in ("Carrowmere", "Tamblewick", "Achterberg", "Calderbrook", "Quillstone"):
        assert word not in logged
    with Store.open(path, PASSPHRASE) as again:
        retention.purge(again)  # (and the purge's own line names no text)
    assert "purged interview records" in log_text(folder)


def test_the_log_and_peerdesks_own_folders_above_it_are_the_users_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import stat

    before = os.umask(0o022)
    try:
        path = setup_logging()
    finally:
        os.umask(before)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.parent.parent.name == "peerdesk" and stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
