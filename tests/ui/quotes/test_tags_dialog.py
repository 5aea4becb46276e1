"""Renaming and merging tags: one selected tag can be renamed, several merged, and the list follows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from peerdesk.services.quotes import TagRow
from peerdesk.ui.quotes.tags_dialog import TagsDialog


class _Owner:
    def __init__(self) -> None:
        self.tags = [TagRow("t1", "kindness", 2), TagRow("t2", "Kindness", 1), TagRow("t3", "delay", 4)]
        self.done: list[tuple[str, object]] = []

    def rename_tag(self, tag_id: str, name: str) -> None:
        self.done.append(("rename", (tag_id, name)))
        self.tags = [TagRow(t.id, name if t.id == tag_id else t.name, t.count) for t in self.tags]

    def merge_tags(self, source_ids: list[str], into_id: str) -> None:
        self.done.append(("merge", (source_ids, into_id)))
        self.tags = [t for t in self.tags if t.id not in source_ids]


def test_the_list_shows_each_tag_with_its_count_and_buttons_follow_the_selection(qtbot: QtBot) -> None:
    owner = _Owner()
    dialog = TagsDialog(owner)
    qtbot.addWidget(dialog)
    assert [dialog.list.item(n).text() for n in range(dialog.list.count())] == [
        "kindness  (2)",
        "Kindness  (1)",
        "delay  (4)",
    ]
    assert not dialog.rename.isEnabled() and not dialog.merge.isEnabled()
    dialog.list.item(0).setSelected(True)
    assert dialog.rename.isEnabled() and not dialog.merge.isEnabled()
    dialog.list.item(1).setSelected(True)
    assert dialog.merge.isEnabled() and not dialog.rename.isEnabled()


def test_merging_keeps_the_chosen_name_and_refills_the_list(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    owner = _Owner()
    dialog = TagsDialog(owner)
    qtbot.addWidget(dialog)
    dialog.list.item(0).setSelected(True)
    dialog.list.item(1).setSelected(True)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("kindness", True))
    dialog.merge.click()
    assert owner.done == [("merge", (["t2"], "t1"))]
    assert dialog.list.count() == 2
