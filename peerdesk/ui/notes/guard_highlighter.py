"""The names guard while typing: words in the notes that could identify someone get a red wavy underline.

A ``QSyntaxHighlighter`` re-checks only the paragraph being edited, so a long interview's notes stay instant;
the check itself is ``services.guard.check_text`` (one compiled pattern per list of names).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from peerdesk.services import guard

UNDERLINE = QColor("#c0392b")


class GuardHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.names: tuple[str, ...] = ()
        self.flag_format = QTextCharFormat()
        self.flag_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.flag_format.setUnderlineColor(UNDERLINE)
        self.flag_format.setToolTip("This may identify someone: notes and quotes name groups, never people.")

    def set_names(self, names: tuple[str, ...]) -> None:
        if names != self.names:
            self.names = names
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for finding in guard.check_text(text, self.names):
            # Python counts code points, Qt UTF-16 units; they differ only past the BMP (emoji), where we
            # accept an underline a character off rather than pay a conversion per keystroke.
            self.setFormat(finding.start, finding.end - finding.start, self.flag_format)
