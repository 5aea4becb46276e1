"""Words shown as typed: labelled vectors of markup a colleague's bundle could carry, each shown character for
character by a plain label and a plain tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.plain import plain_label, plain_menu_text, plain_tip
from tests.helpers.layout import tooltip_shown

VECTORS = {
    "a tag": "<b>bold</b> words",
    "an image as big as a wall": "<img src='x.png' width='99999' height='99999'>",
    "a link to a local file": "<a href='file:///etc/passwd'>the minutes</a>",
    "a table left open": "<table><tr><td>cell",
    "a style sheet": "<style>*{font-size:200pt}</style>hello",
    "entities": "fish &amp; chips &lt;3",
    "a tag after some words": "Goal: <h1>huge</h1>",
    "two lines": "first line\nsecond <i>line</i>",
    "quotes and ampersands": '"It\'s A&E," she said',
}


@pytest.mark.parametrize("text", VECTORS.values(), ids=VECTORS.keys())
def test_a_plain_label_shows_the_text_as_typed(qtbot: QtBot, text: str) -> None:
    label = plain_label(text)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == text
    label.setText(f"again: {text}")  # and every text given to it later
    assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize("text", VECTORS.values(), ids=VECTORS.keys())
def test_a_plain_tooltip_shows_the_text_as_typed_line_by_line(text: str) -> None:
    assert tooltip_shown(plain_tip(text)) == text


def test_no_text_is_no_tooltip() -> None:
    assert plain_tip("") == ""


@pytest.mark.parametrize("text", ["A&E front door", "Q&A", "&&", "Tag “fish & chips”", "plain"])
def test_a_menu_text_shows_its_ampersands_and_takes_no_alt_key(qtbot: QtBot, text: str) -> None:
    action = QAction(plain_menu_text(text))
    assert action.iconText() == text  # what a menu or a button shows
    assert QKeySequence.mnemonic(action.text()).isEmpty()  # no letter of it taken for Alt
