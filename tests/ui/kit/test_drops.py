"""What peerdesk takes from a drag: reviews and bundles only, local files only; a text field passes them on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.drops import openable_in
from tests.helpers.drags import drag_onto, local, mime_of

# Labelled vectors: what a drag may hold, and the files peerdesk takes from it.
DRAGGED = {
    "a review": (["eastmere.peerdesk"], ["eastmere.peerdesk"]),
    "a bundle named in capitals (Windows)": (["FROM-JO.PDBUNDLE"], ["FROM-JO.PDBUNDLE"]),
    "a review and a bundle, in their order": (["b.pdbundle", "a.peerdesk"], ["b.pdbundle", "a.peerdesk"]),
    "a document": (["notes.docx"], []),
    "a file with no suffix": (["peerdesk"], []),
    "a review among other files": (["x.txt", "a.peerdesk", "y.pdf"], ["a.peerdesk"]),
}


@pytest.mark.parametrize(("names", "taken"), DRAGGED.values(), ids=DRAGGED.keys())
def test_only_local_reviews_and_bundles_are_taken_from_a_drag(names: list[str], taken: list[str]) -> None:
    folder = Path("/reviews")
    found = openable_in(mime_of(*(local(folder / n) for n in names)))
    assert found == [folder / n for n in taken]


def test_a_link_or_text_is_not_a_file_to_open() -> None:
    assert openable_in(mime_of(QUrl("https://example.org/eastmere.peerdesk"))) == []
    text = QMimeData()
    text.setText("/reviews/eastmere.peerdesk")
    assert openable_in(text) == [] and openable_in(None) == []


@pytest.mark.parametrize("field", ["a note", "a planning answer"])
def test_a_text_field_passes_a_dragged_bundle_on_to_its_window_and_takes_words(qtbot: QtBot, field: str) -> None:
    """Some file managers add the file's path as words: a note must not get a path typed into it."""
    from peerdesk.ui.kit.autosave_text import AutoSaveText
    from peerdesk.ui.notes.editor import NoteEditor

    widget = NoteEditor() if field == "a note" else AutoSaveText(lambda _text: None)
    qtbot.addWidget(widget)
    bundle = Path("/mail/from-jo.pdbundle")
    area = widget.viewport()  # where a text field takes what is dragged over it
    assert not drag_onto(area, mime_of(local(bundle), text=str(bundle)))  # Qt offers it to the window then
    words = QMimeData()
    words.setText("Carers said the line is slow")
    assert drag_onto(area, words)  # words dragged from elsewhere are still taken
