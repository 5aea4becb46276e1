"""Day 1 evening, as the team does it in the real window: every post-it read out and placed on its sheet, by
keyboard, from wherever the focus was. Every key is counted: one to start, one per post-it, one to finish."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.services import wall
from peerdesk.ui.kit.session import ReviewSession
from tests.helpers.user_actions import Counted, main_window
from tests.helpers.wall_data import seed_postits


def test_reading_out_six_post_its_takes_eight_keys(qtbot: QtBot, session: ReviewSession) -> None:
    ids = seed_postits(session.store, positioned=False)  # written during the day, none read out yet
    window = main_window(qtbot, session)
    user = Counted(qtbot)
    field = next(e for e in window.overview.findChildren(QLineEdit) if e.isVisible())
    field.setFocus()  # someone was typing in the overview
    qtbot.waitUntil(field.hasFocus)

    user.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Wall ▸ Read out, from anywhere
    card = window.wall.read_out
    assert card.isVisible() and window.statusBar().currentMessage() == "Reading out: 6 post-its to place"
    for n in range(len(ids)):
        shown = card.current()
        assert shown is not None and card.card.text() == shown.text
        assert card.progress.text() == f"1 of {len(ids) - n} still to read out"
        user.key(Qt.Key.Key_Return)  # place it on its sheet; the next one shows
        assert wall.load_wall(session.store).postit(shown.id).placed
    assert card.progress.text() == "Every post-it has been read out and placed."
    assert not card.place_button.isEnabled(), "nothing left to place"
    user.key(Qt.Key.Key_Escape)  # finish
    assert not card.isVisible()
    sheets = window.wall.scene.sheets
    assert sum(s.placed for s in sheets.values()) == len(ids)
    print(f"Evening read-out of {len(ids)} post-its: {user.count} actions", *user.log, sep="\n  ")
    assert user.count == len(ids) + 2
