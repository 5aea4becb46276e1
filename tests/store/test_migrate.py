"""Schema migrations: a file with data at the first revision upgrades to head, backed up first."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.store import backup, migrate, sqlcipher
from peerdesk.store.engine import Store
from tests.helpers.files import digest
from tests.helpers.migrations import make_review_at


def test_a_file_with_data_migrates_from_the_first_revision_to_head(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    first = migrate.script().get_base()
    assert first == "0001"
    make_review_at(path, passphrase, first)
    with Store.open(path, passphrase) as store, store.session() as s:
        assert migrate.current(s.connection()) == migrate.head()
        assert s.execute(text("SELECT body FROM notes WHERE id='n1'")).scalar() == "They said the panel meets weekly"
        # The search index added by 0002 covers notes and quotes that existed before it.
        hits = s.execute(text("SELECT count(*) FROM note_chunks_fts WHERE note_chunks_fts MATCH 'panel'")).scalar()
        assert hits == 1
        assert s.execute(text("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'weekly'")).scalar() == 1


def test_upgrading_takes_an_encrypted_backup_first(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(path, passphrase, "0001")
    Store.open(path, passphrase).close()
    [snapshot] = backup.list_snapshots(path)
    assert "before-upgrade-0001" in snapshot.name
    assert b"panel meets weekly" not in snapshot.read_bytes()
    conn = sqlcipher.connect(snapshot, passphrase)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        conn.close()


def test_opening_a_file_already_at_head_changes_nothing(store: Store, passphrase: str) -> None:
    path = store.path
    store.close()
    before = digest(path)
    Store.open(path, passphrase).close()
    assert digest(path) == before
    assert backup.list_snapshots(path) == []


def test_every_revision_has_a_downgrade_and_a_single_head() -> None:
    script = migrate.script()
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert tuple(r.revision for r in reversed(revisions)) == migrate.REVISIONS, "migrate.REVISIONS lists them all"
    assert script.get_current_head() == migrate.head()


def test_opening_a_current_file_does_not_load_alembic(tmp_path: Path, passphrase: str) -> None:
    """Alembic costs half a second of start-up: it is loaded only when a file needs upgrading."""
    import subprocess
    import sys

    Store.create(tmp_path / "r.peerdesk", passphrase).close()
    program = (
        "import sys; from peerdesk.store.engine import Store; "
        "Store.open(sys.argv[1], sys.argv[2]).close(); print('alembic' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path / "r.peerdesk"), passphrase],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "False"


def test_the_migrated_schema_is_exactly_the_models(store: Store) -> None:
    """Every column a model declares was added by a migration (the search index, with the pieces of notes it
    indexes and their own index, is the migrations' own: no model, so it never travels)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from peerdesk.store.models import Base

    with store.session() as s:
        diffs = compare_metadata(MigrationContext.configure(s.connection()), Base.metadata)
    search_own = [d for d in diffs if d[0] == "remove_table" and ("_fts" in d[1].name or d[1].name == "note_chunks")]
    search_own += [d for d in diffs if d[0] == "remove_index" and d[1].table.name == "note_chunks"]  # 0014's
    assert [d for d in diffs if d not in search_own] == []


def test_0003_gives_existing_themes_the_day2_wall_and_items_a_one_to_five_scale(
    tmp_path: Path, passphrase: str
) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(
        path,
        passphrase,
        "0002",
        "INSERT INTO themes(id, author_id, versions, updated, deleted, heading, x, y, width, height, collapsed) "
        "VALUES ('t1', 'm1', '{}', '', 0, 'Waiting lists', 0, 0, 300, 200, 0)",
        "INSERT INTO survey_items(id, author_id, versions, updated, deleted, left_text, right_text, position) "
        "VALUES ('s1', 'm1', '{}', '', 0, 'Change is done to us', 'We lead the change', 1)",
    )
    with Store.open(path, passphrase) as store, store.session() as s:
        assert s.execute(text("SELECT heading, goal_id FROM themes")).one() == ("Waiting lists", "")
        assert s.execute(text("SELECT scale_low, scale_high FROM survey_items")).one() == (1, 5)
