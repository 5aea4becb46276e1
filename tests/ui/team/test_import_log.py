"""What came in: the list of imported bundles, newest first, that replaces the modal "Bundle imported" box."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from peerdesk.services.changes import Changes
from peerdesk.services.sharing import ImportReport
from peerdesk.ui.team.import_log import ImportLogDialog, changed_lines
from tests.helpers.layout import tooltip_shown


def report(sender: str, summary: str, conflicts: int = 0) -> ImportReport:
    return ImportReport(sender, summary, conflicts, Changes())


def test_a_summary_becomes_one_line_per_kind_of_change_without_the_sender() -> None:
    assert changed_lines(report("Sam Okafor", "Sam Okafor: 2 new quotes, 1 theme changed")) == [
        "2 new quotes",
        "1 theme changed",
    ]
    assert changed_lines(report("Sam", "nothing new")) == ["nothing new"]


def test_bundles_are_listed_newest_first_and_conflicts_offer_their_window(qtbot: QtBot) -> None:
    opened: list[str] = []
    log = ImportLogDialog(lambda: opened.append("conflicts"))
    qtbot.addWidget(log)
    log.add(report("Sam", "Sam: 2 new quotes"))
    assert not log.conflicts_button.isVisibleTo(log)
    log.add(report("Priya", "Priya: 1 insight changed", conflicts=1))
    lines = log.lines()
    assert lines[0].endswith("from Priya") and lines[1] == "1 insight changed"
    assert "kept in Conflicts" in lines[2]
    assert lines[3].endswith("from Sam") and lines[4] == "2 new quotes"
    assert log.conflicts_button.isVisibleTo(log) and not log.isModal()
    log.conflicts_button.click()
    assert opened == ["conflicts"]


def test_each_bundle_is_named_by_its_file_beside_who_sent_it(qtbot: QtBot, tmp_path: Path) -> None:
    # Seen in the team's walk: two bundles from Sam were listed as "from Sam", and nothing said which file was in.
    log = ImportLogDialog(lambda: None)
    qtbot.addWidget(log)
    first = tmp_path / "Downloads" / "peerdesk-so-2026-12-05.pdbundle"
    log.add(ImportReport("Sam", "Sam: 2 new quotes", 0, Changes(), first))
    log.add(
        ImportReport("Sam", "Sam: 1 theme changed", 0, Changes(), first.with_name("peerdesk-so-2026-12-06.pdbundle"))
    )
    lines = log.lines()
    assert lines[0].endswith(" — peerdesk-so-2026-12-06.pdbundle from Sam") and lines[1] == "1 theme changed"
    assert lines[2].endswith(" — peerdesk-so-2026-12-05.pdbundle from Sam") and lines[3] == "2 new quotes"
    assert str(tmp_path) not in lines[0]  # the folder would crowd the line; it is in the tooltip
    assert tooltip_shown(log.list.item(2).toolTip()) == str(first)
