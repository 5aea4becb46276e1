"""Names shared without the models: they must name what the models hold."""

from __future__ import annotations

import subprocess
import sys

from peerdesk.store import tables
from peerdesk.store.models import SHARED_MODELS, Base


def test_the_records_deleted_after_the_follow_up_are_shared_tables() -> None:
    assert set(tables.INTERVIEW_RECORD_TABLES) <= set(SHARED_MODELS)
    assert len(set(tables.INTERVIEW_RECORD_TABLES)) == len(tables.INTERVIEW_RECORD_TABLES)
    assert {"notes", "quotes", "postits"} <= set(tables.INTERVIEW_RECORD_TABLES)
    assert "members" not in tables.INTERVIEW_RECORD_TABLES and "review" not in tables.INTERVIEW_RECORD_TABLES


def test_the_bookkeeping_columns_are_every_shared_tables() -> None:
    for table in SHARED_MODELS:
        assert set(Base.metadata.tables[table].c.keys()) >= tables.BOOKKEEPING, table


def test_naming_tables_and_facts_imports_no_sqlalchemy() -> None:
    program = "import sys, peerdesk.store.tables, peerdesk.store.rules; print('sqlalchemy' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60)
    assert found.stdout.strip() == "False"
