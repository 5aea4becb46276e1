"""Writing a post-it: its kind and words; an idea has words only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.services import wall
from peerdesk.ui.wall.dialogs import PostItDialog, ReadOutPanel


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


def answer_later(button_text: str, asked: list[str]) -> None:
    """Click ``button_text`` in the question box if one shows (it runs its own event loop); note what it asked."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "confirmDiscard":
            asked.append(box.text())
            next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, answer)


def open_dialog(qtbot: QtBot, *args: str) -> PostItDialog:
    dialog = PostItDialog(None, *args)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_esc_on_a_half_typed_post_it_asks_before_throwing_it_away(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, "New post-it", "rose")
    qtbot.keyClicks(dialog.text, "Carers feel heard")
    asked: list[str] = []
    answer_later("Keep typing", asked)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.values() == ("rose", "Carers feel heard")  # kept, still open
    answer_later("Throw it away", asked)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == PostItDialog.DialogCode.Rejected
    assert len(asked) == 2 and "this post-it" in asked[0]


def test_esc_closes_without_asking_when_nothing_was_typed_or_changed(qtbot: QtBot) -> None:
    for args in (("New post-it", "rose"), ("Edit post-it", "thorn", "Calls are not returned"), ("New idea", wall.IDEA)):
        dialog = open_dialog(qtbot, *args)
        asked: list[str] = []
        answer_later("Keep typing", asked)  # a question box, if one showed, would keep the dialog open
        qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
        QApplication.processEvents()  # a question box would be shown from the event loop
        assert asked == [] and not dialog.isVisible(), args


def test_esc_on_a_changed_idea_asks_too(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, "Edit idea", wall.IDEA, "A buddy for new carers")
    qtbot.keyClicks(dialog.text, " and their children")
    asked: list[str] = []
    answer_later("Throw it away", asked)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and "this idea" in asked[0]


def _card(qtbot: QtBot) -> tuple[ReadOutPanel, list[str], list[str]]:
    card = ReadOutPanel()
    qtbot.addWidget(card)
    queue = [wall.PostItView(f"p{i}", "rose", f"Post-it {i}", "", 0, 0, i, False, "", "AB", "") for i in range(3)]
    card.set_queue(queue)
    placed: list[str] = []
    finished: list[str] = []
    card.place.connect(placed.append)
    card.finished.connect(lambda: finished.append("done"))
    card.show()
    with qtbot.waitActive(card):
        card.activateWindow()
    return card, placed, finished


def test_enter_on_the_read_out_card_does_what_the_focused_button_says(qtbot: QtBot) -> None:
    # Seen under X: Tab to "Finish reading out" (or Back, or Skip) and Enter placed the post-it on show instead.
    card, placed, finished = _card(qtbot)
    card.place_button.setFocus()
    qtbot.keyClick(card.place_button, Qt.Key.Key_Return)
    assert placed == ["p0"], "Enter on Place, as its tooltip says, places"
    card.skip.setFocus()
    qtbot.keyClick(card.skip, Qt.Key.Key_Return)
    assert card.current() is not None and card.current().id == "p1" and placed == ["p0"]
    card.back.setFocus()
    qtbot.keyClick(card.back, Qt.Key.Key_Enter)
    assert card.current() is not None and card.current().id == "p0" and placed == ["p0"]
    card.done.setFocus()
    qtbot.keyClick(card.done, Qt.Key.Key_Return)
    assert finished == ["done"] and placed == ["p0"]
    card.setFocus()  # the card itself (nothing to place with a button): Enter places
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert placed == ["p0", "p0"]


def test_ctrl_enter_in_the_words_keeps_the_post_it(qtbot: QtBot) -> None:
    # Walked under X: Enter starts a new line (a post-it may have two), and Ctrl+Enter did nothing but that too;
    # the only way to keep it from the keyboard was Tab, Tab, Enter.
    dialog = PostItDialog(None, "New post-it")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()  # shortcuts reach only the active window
    qtbot.keyClicks(dialog.text, "Calls are not returned")
    try:
        with qtbot.waitSignal(dialog.accepted, timeout=1000):
            qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    finally:
        kept = dialog.values()
        dialog.text.clear()  # closed by the test, a dialog still holding words would ask before throwing them away
    assert kept == ("rose", "Calls are not returned")


def test_the_read_out_card_names_the_writer_as_their_initials_came(qtbot: QtBot) -> None:
    card = ReadOutPanel()
    qtbot.addWidget(card)
    card.set_queue([wall.PostItView("p", "rose", "Words", "", 0, 0, 0, False, "", "<i>", "")])  # 4 characters
    assert card.author.text().endswith("written by <i>")
    assert card.author.textFormat() == Qt.TextFormat.PlainText
