"""A path typed or browsed for, and the save dialog that checks its target before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFormLayout
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.file_fields import PathField, SaveFileDialog, save_target_problem


def test_the_path_is_the_trimmed_text_with_home_expanded(qtbot: QtBot) -> None:
    field = PathField("  ~/deck.pptx ", caption="Save the deck", saving=True)
    qtbot.addWidget(field)
    assert field.path == Path.home() / "deck.pptx"
    assert field.edit.accessibleName() == "Save the deck" and field.browse_button.text() == "Browse…"


def test_a_save_target_needs_the_right_suffix_and_an_existing_folder(tmp_path: Path) -> None:
    assert save_target_problem(tmp_path / "deck.pptx") == ""
    assert save_target_problem(tmp_path / "deck.txt", noun="the deck") == "Save the deck as a .pptx file."
    assert "does not exist" in save_target_problem(tmp_path / "missing" / "deck.pptx")
    assert save_target_problem(tmp_path / "summary.HTML", ".html") == ""
    # A name no file can have: said, where Python's own check raised and the dialog showed the error box.
    assert save_target_problem(tmp_path / ("x" * 300 + ".pptx")) == "That name cannot be used: file name too long."
    (tmp_path / "a file").write_text("")
    assert "is a file, not a folder" in save_target_problem(tmp_path / "a file" / "deck.pptx")


class _Dialog(SaveFileDialog):
    noun = "the deck"

    def __init__(self, out: Path) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.finish_form(form, PathField(str(out), caption="Save", saving=True), "Save")


def test_the_dialog_says_what_is_wrong_and_accepts_only_a_good_target(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _Dialog(tmp_path / "deck.txt")
    qtbot.addWidget(dialog)
    dialog._validate()
    assert dialog.error.text() == "Save the deck as a .pptx file." and not dialog.error.isHidden()
    assert dialog.result() == 0
    dialog.out_field.edit.setText(str(tmp_path / "deck.pptx"))
    dialog._validate()
    assert dialog.error.isHidden() and dialog.result() == 1 and dialog.output_path == tmp_path / "deck.pptx"
