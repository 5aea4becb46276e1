"""Words shown as typed. Qt draws a label's text, and any tooltip, as HTML whenever it looks like HTML (a tag in its
first line): a colleague's "<b>" or "<img …>" in a name, a theme, a quote or a goal, merged from their bundle, would
be drawn rather than shown. Every label and tooltip that shows the review's own words goes through here. So does
every menu item, button and group title that does: Qt takes an "&" in those for the Alt key and hides it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "") -> QLabel:
    """A label that shows ``text`` (and every text given to it later) character for character."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tip(text: str) -> str:
    """``text`` as a tooltip shows it, character for character and line by line ("" stays no tooltip)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def plain_menu_text(text: str) -> str:
    """``text`` for a menu item, a button or a group box's title: its ampersands shown ("A&E"), not taken for the
    Alt key (which would hide one and underline the letter after it)."""
    return text.replace("&", "&&")
