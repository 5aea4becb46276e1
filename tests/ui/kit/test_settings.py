"""Per-user settings: the recent files list, newest first, without duplicates, at most ten."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.ui.kit import settings


@pytest.fixture(autouse=True)
def _no_recent_files() -> None:
    # QSettings keeps the file it first opened for the whole process: start each test from an empty list.
    settings.settings().remove("recent")


def test_a_recent_file_goes_first_and_only_once(tmp_path: Path) -> None:
    a, b = tmp_path / "a.peerdesk", tmp_path / "b.peerdesk"
    settings.add_recent(a)
    settings.add_recent(b)
    settings.add_recent(a)
    assert settings.recent_files() == [a.resolve(), b.resolve()]
    settings.remove_recent(a)
    assert settings.recent_files() == [b.resolve()]


def test_the_list_keeps_the_newest_ten(tmp_path: Path) -> None:
    for n in range(settings.MAX_RECENT + 2):
        settings.add_recent(tmp_path / f"{n}.peerdesk")
    recent = settings.recent_files()
    assert len(recent) == settings.MAX_RECENT and recent[0].name == f"{settings.MAX_RECENT + 1}.peerdesk"
