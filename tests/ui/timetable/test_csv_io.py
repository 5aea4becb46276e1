"""The timetable as CSV from the panel's side: export in one call, import on a worker as one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import timetable as tt
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable import csv_io
from tests.helpers.timetable import build_day


def test_export_writes_every_interview_and_an_import_is_one_undo_step(
    qtbot: QtBot, session: ReviewSession, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    build_day(session.store)
    path = tmp_path / "timetable.csv"
    assert csv_io.export_csv(parent, session, path) == len(tt.timetable(session.store).interviews)
    assert path.read_text(encoding="utf-8").startswith("day,starts,ends,team")
    more = tmp_path / "more.csv"
    more.write_text("starts,ends,team,stakeholder_group\n09:45,10:30,Team Z,Carers\n", encoding="utf-8")
    done: list[int] = []
    csv_io.import_csv(parent, session, more, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [1] and any(t.name == "Team Z" for t in tt.timetable(session.store).teams)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert not any(t.name == "Team Z" for t in tt.timetable(session.store).teams)
