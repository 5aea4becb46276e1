"""Writing a post-it: its kind and words; an idea has words only."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import wall
from peerdesk.ui.wall.dialogs import PostItDialog


def test_a_post_it_is_written_with_its_kind_and_words(qtbot: QtBot) -> None:
    dialog = PostItDialog(None, "New post-it", "thorn", "Calls are not returned")
    qtbot.addWidget(dialog)
    assert dialog.values() == ("thorn", "Calls are not returned") and not dialog.kind.isHidden()
    dialog.kind.setCurrentIndex(dialog.kind.findData("bud"))
    assert dialog.values()[0] == "bud"


def test_an_idea_has_no_kind_to_choose(qtbot: QtBot) -> None:
    dialog = PostItDialog(None, "New idea", wall.IDEA)
    qtbot.addWidget(dialog)
    assert dialog.kind.isHidden() and dialog.values() == (wall.IDEA, "")


def test_an_unknown_kind_starts_as_the_first(qtbot: QtBot) -> None:
    dialog = PostItDialog(None, "New post-it", "cactus")
    qtbot.addWidget(dialog)
    assert dialog.values()[0] == "rose"
