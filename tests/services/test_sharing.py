"""Sharing by email: bundles to and from files, what a file name tells, and the conflicts an import kept."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import records, sharing
from peerdesk.store.engine import Store
from tests.helpers.conflicts import clash_on, make_conflict
from tests.helpers.exchange import Team


def test_the_suggested_name_says_whose_and_when_but_not_what(store: Store) -> None:
    name = sharing.suggested_name(store, dt.date(2026, 3, 11))
    assert name == "peerdesk-ar-2026-03-11.pdbundle"
    assert "westfold" not in name.lower()


def test_a_bundle_goes_through_a_file_and_its_import_reports_what_changed(duo: Team, tmp_path: Path) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="We are heard at last.")
    report = sharing.export_to(sam, tmp_path / "sam.pdbundle")
    assert report.path.stat().st_size == report.size and report.recipients == ["Alex Lead"]
    assert sharing.inspect(report.path)["sender"] == "Sam Okafor"
    imported = sharing.import_from(lead, report.path)
    assert imported.sender == "Sam Okafor" and "1 new quote" in imported.summary
    assert "quotes" in imported.changes and imported.conflicts == 0


def test_missing_files_and_folders_are_told_plainly(duo: Team, tmp_path: Path) -> None:
    lead, _ = duo.stores
    with pytest.raises(UserError, match="There is no file"):
        sharing.import_from(lead, tmp_path / "absent.pdbundle")
    with pytest.raises(UserError, match="does not exist"):
        sharing.export_to(lead, tmp_path / "no-folder" / "x.pdbundle")


def test_an_export_sends_what_the_colleague_has_not_confirmed_and_a_failed_one_changes_nothing(
    duo: Team, tmp_path: Path
) -> None:
    lead, sam = duo.stores
    assert sharing.export_to(lead, tmp_path / "1.pdbundle").everything  # Sam has confirmed nothing yet
    sharing.import_from(sam, tmp_path / "1.pdbundle")
    sharing.export_to(sam, tmp_path / "sam.pdbundle")
    sharing.import_from(lead, tmp_path / "sam.pdbundle")  # Sam's answer: what Sam has
    records.create(lead, "quotes", text="Before the failed export.")
    with pytest.raises(UserError):
        sharing.export_to(lead, tmp_path / "no-folder" / "x.pdbundle")
    records.create(lead, "quotes", text="After it.")
    second = sharing.export_to(lead, tmp_path / "2.pdbundle")
    assert (second.everything, second.changes) == (False, 2)  # the failed export counted for nothing
    assert sharing.export_to(lead, tmp_path / "3.pdbundle", full=True).everything


def test_the_report_says_what_the_bundle_sends(tmp_path: Path) -> None:
    def report(changes: int, everything: bool) -> str:
        return sharing.ExportReport(tmp_path / "b.pdbundle", 1, ["Sam"], "2026-07-01", changes, everything).sending

    assert report(120, True) == "Sending everything"
    assert report(3, False) == "Sending 3 changes your colleagues may not have yet"
    assert report(1, False) == "Sending 1 change your colleagues may not have yet"
    assert report(0, False) == "Nothing new for your colleagues"


def test_the_mail_link_fills_subject_and_body_and_says_to_attach_by_hand(tmp_path: Path) -> None:
    link = sharing.mailto(sharing.ExportReport(tmp_path / "b.pdbundle", 2_000_000, ["Sam"], "2026-07-01"))
    assert link.startswith("mailto:?")
    text = urllib.parse.unquote(link)
    assert "subject=peerdesk bundle" in text and "b.pdbundle, 2.00 MB" in text and "Attach the file by hand" in text


def test_a_lost_concurrent_edit_is_kept_as_a_conflict_that_can_be_restored(duo: Team) -> None:
    lead, _ = duo.stores
    quote_id = make_conflict(duo)
    [kept] = sharing.conflicts(lead)  # whichever wording lost, the lead's file keeps it
    assert {kept.lost_text, kept.current_text} == {"Lead's wording.", "Sam's wording."}
    assert kept.table == "quotes" and kept.row_id == quote_id and kept.field == "text"
    sharing.restore_conflict(lead, kept.id)
    assert records.values(lead, "quotes", quote_id, ["text"])["text"] == kept.lost_text
    assert sharing.conflicts(lead) == [] and len(sharing.conflicts(lead, include_resolved=True)) == 1


def test_a_conflict_says_what_its_text_belongs_to(duo: Team) -> None:
    lead, sam = duo.stores
    interview, _ = records.create(sam, "interviews", title="Foster carers at the hub")
    clash_on(duo, "quotes", "text", text="Original.", interview_id=interview)
    clash_on(duo, "insights", "meaning", statement="Thresholds differ by who is on duty")
    clash_on(duo, "themes", "heading", heading="Front door")
    contexts = {c.table: c.context for c in sharing.conflicts(lead)}
    assert contexts == {
        "quotes": "Foster carers at the hub",  # the interview it was said in
        "insights": "Thresholds differ by who is on duty",  # the insight's own statement
        "themes": "",  # the heading is what clashed: nothing else names a theme
    }


def test_importing_a_bundle_that_only_settles_a_conflict_announces_the_conflicts(duo: Team, tmp_path: Path) -> None:
    # Every change a merge makes reaches the views through the one change signal: the import's ``changes`` are
    # what it announces. A settling alone ("Keep the text now" where the conflict was found) named nothing.
    lead, sam = duo.stores
    make_conflict(duo)
    [kept] = sharing.conflicts(sam)
    sharing.set_conflict_resolved(sam, kept.id)
    report = sharing.import_from(lead, sharing.export_to(sam, tmp_path / "sam.pdbundle").path)
    assert "conflicts" in report.changes and kept.id in report.changes.ids
    assert report.summary == "Sam Okafor: 1 conflict settled" and report.conflicts == 0
