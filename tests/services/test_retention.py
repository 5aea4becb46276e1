"""Retention: once the follow-up has passed, interview records are deleted for good, and only they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peerdesk.cli import app as cli
from peerdesk.cli.common import PASSPHRASE_ENV
from peerdesk.services import backups, retention
from peerdesk.services import review as review_service
from peerdesk.store.engine import Store
from peerdesk.store.models import Insight, Interview, Note, Quote, Review
from tests.conftest import PASSPHRASE
from tests.helpers.pages import decrypt_pages, plaintext
from tests.helpers.seed import INSIGHT_TEXT, SECRET_WORDS, seed


def test_retention_date_defaults_to_the_follow_up_visit(store: Store) -> None:
    summary = review_service.summary(store)
    assert summary.retention_date == summary.followup_date == "2026-07-10"


def test_countdown_counts_the_days_then_asks_for_deletion(store: Store) -> None:
    before = retention.status(store, dt.date(2026, 6, 30))
    assert before.days_left == 10 and not before.due
    assert "10 days" in before.sentence and "10 July 2026" in before.sentence
    far = retention.status(store, dt.date(2026, 3, 1))
    assert "about 4 months" in far.sentence
    assert retention.status(store, dt.date(2026, 7, 10)).due
    late = retention.status(store, dt.date(2026, 8, 1))
    assert late.due and "delete them now" in late.sentence


def test_a_review_without_a_date_says_to_set_one() -> None:
    assert "Set the follow-up date" in retention.countdown_text("", None)


def test_purge_deletes_interview_records_and_keeps_summary_and_insights(store: Store) -> None:
    seeded = seed(store)
    report = retention.purge(store, today=dt.date(2026, 7, 11))
    assert report.counts["notes"] == 3 and report.counts["quotes"] == 2 and report.counts["postits"] == 2
    with store.session() as s:
        assert s.query(Note).count() == 0 and s.query(Quote).count() == 0
        insight = s.get(Insight, seeded.insight_id)
        assert insight is not None and insight.statement == INSIGHT_TEXT
        assert s.get(Review, store.review_id) is not None
        assert s.get(Interview, seeded.interview_id) is not None  # the timetable says who was heard, not what
        conn = s.connection()
        assert conn.exec_driver_sql("SELECT count(*) FROM conflicts").scalar() == 0
        found = conn.exec_driver_sql("SELECT count(*) FROM note_chunks_fts WHERE note_chunks_fts MATCH 'quillfeather'")
        assert found.scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM note_chunks").scalar() == 0  # the pieces went with them
    state = retention.status(store, dt.date(2026, 7, 11))
    assert state.purged_on == "2026-07-11" and not state.due and "were deleted" in state.sentence


def test_after_purge_no_deleted_text_is_in_any_decrypted_page(store: Store, review_path: Path) -> None:
    seeded = seed(store, notes=40)  # enough text to spill over many pages
    store.close()
    before = plaintext(review_path, PASSPHRASE)
    assert all(word.encode() in before for word in SECRET_WORDS)  # the hunt can find them when present
    with Store.open(review_path, PASSPHRASE) as reopened:
        retention.purge(reopened)
    pages = decrypt_pages(review_path, PASSPHRASE)
    after = b"".join(pages).lower()
    for text in seeded.secret_texts:
        assert text.lower().encode() not in after
    for word in SECRET_WORDS:
        assert word.encode() not in after, word
    assert INSIGHT_TEXT.lower().encode() in after  # the decryption works: what stays is readable
    assert not Path(f"{review_path}-wal").exists() or Path(f"{review_path}-wal").stat().st_size == 0


def test_purge_removes_the_backups_that_hold_the_records(store: Store) -> None:
    seed(store)
    backups.make_backup(store, "manual")
    report = retention.purge(store)
    assert report.backups_removed == 1
    assert backups.snapshots(store.path) == []


def test_cli_purge_refuses_before_the_date_unless_asked(
    store: Store, review_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(store)
    review_service.update_review(store, retention_date=(dt.date.today() + dt.timedelta(days=30)).isoformat())
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["purge", str(review_path)]) == 2
    assert "Not due yet" in capsys.readouterr().err
    with Store.open(review_path, PASSPHRASE) as s:
        assert review_service.info(s)["notes"] == 2
    assert cli.main(["purge", str(review_path), "--now"]) == 0
    assert "Deleted" in capsys.readouterr().out
    with Store.open(review_path, PASSPHRASE) as s:
        assert review_service.info(s)["notes"] == 0
        assert review_service.info(s)["insights"] == 1


def test_cli_purge_goes_ahead_once_the_date_has_passed(
    store: Store, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(store)
    review_service.update_review(store, retention_date="2020-01-01")
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["purge", str(review_path)]) == 0
    words = plaintext(review_path, PASSPHRASE)
    assert not any(w.encode() in words for w in SECRET_WORDS)


def test_delete_review_removes_the_file_sidecars_and_backups(store: Store, review_path: Path) -> None:
    backups.make_backup(store, "manual")
    store.close()
    Path(f"{review_path}-wal").write_bytes(b"")
    retention.delete_review(review_path)
    assert list(review_path.parent.iterdir()) == []


def test_purge_and_delete_remove_a_restores_leftover_copy(store: Store, review_path: Path) -> None:
    seed(store)
    backups.make_backup(store, "manual")
    staging = review_path.with_name(review_path.name + ".restoring")
    staging.write_bytes(backups.snapshots(review_path)[0][0].read_bytes())  # what a restore cut short leaves
    retention.purge(store)
    assert not staging.exists()
    store.close()
    staging.write_bytes(b"\x01" * 4096)
    retention.delete_review(review_path)
    assert list(review_path.parent.iterdir()) == []


def test_purge_keeps_the_workshops_idea_walls(store: Store) -> None:
    from peerdesk.services import insights, wall, wall_themes, workshop_goals

    seed(store)
    insights.create_insight(store, "i-1", statement="Thresholds are applied unevenly")
    goal = workshop_goals.add_goal(store, "i-1", "Decisions at the front door are consistent")[0]
    ideas = [wall.add_postit(store, wall.IDEA, t, goal_id=goal).created_id for t in ("Shadow a duty manager", "Huddle")]
    wall_themes.group_as_theme(store, ideas, "Learning from each other")
    retention.purge(store)
    goal_wall = wall.load_wall(store, goal)
    assert {p.id for p in goal_wall.postits} == set(ideas) and len(goal_wall.themes) == 1
    assert not wall.load_wall(store).postits  # the Day 2 wall, built from the interviews, is gone


def test_the_purge_report_says_what_went_in_words(store: Store) -> None:
    seed(store)
    backups.make_backup(store, "manual")
    sentence = retention.purge(store).sentence
    assert sentence.startswith("Deleted for good: 3 interview notes, 2 quotes, ")
    assert sentence.endswith(" and 1 backup.") and "quote_tags" not in sentence
    assert retention.PurgeReport({"notes": 1}, 0).sentence == "Deleted for good: 1 interview note and 0 backups."
    again = retention.purge(store).sentence
    assert again == "There were no interview records left to delete."
