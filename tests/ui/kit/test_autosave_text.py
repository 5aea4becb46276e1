"""The self-saving text field: it saves once typing pauses or focus leaves, and never for a value it was given."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.autosave_text import AutoSaveText


def test_it_saves_the_typed_text_once_on_flush_and_not_the_text_it_was_given(qtbot: QtBot) -> None:
    saved: list[str] = []
    field = AutoSaveText(saved.append, "Say something")
    qtbot.addWidget(field)
    field.set_value("from the file")
    field.flush()
    assert saved == []
    field.setPlainText("typed by me")
    field.flush()
    field.flush()
    assert saved == ["typed by me"]


def test_a_pause_in_typing_saves_by_itself(qtbot: QtBot) -> None:
    saved: list[str] = []
    field = AutoSaveText(saved.append)
    qtbot.addWidget(field)
    field.setPlainText("typed")
    qtbot.waitUntil(lambda: saved == ["typed"], timeout=3000)
