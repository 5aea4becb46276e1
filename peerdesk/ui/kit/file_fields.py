"""A path typed or browsed for, in one row: the pieces the export dialogs share."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from peerdesk import files
from peerdesk.ui.kit.widgets import accept_buttons, error_label, push_button

PPTX_FILTER = "PowerPoint (*.pptx)"


class PathField(QWidget):
    """A line edit with a Browse… button: a file to save (``saving``) or an existing one to read."""

    def __init__(
        self, text: str, *, caption: str, saving: bool, suffix: str = ".pptx", file_filter: str = PPTX_FILTER
    ) -> None:
        super().__init__()
        self.caption, self.saving, self.suffix, self.file_filter = caption, saving, suffix, file_filter
        self.edit = QLineEdit(text)
        self.edit.setAccessibleName(caption)
        self.browse_button = push_button("Browse…", self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse_button)

    def browse(self) -> None:
        start = self.edit.text() or str(Path.home())
        if self.saving:
            path, _ = QFileDialog.getSaveFileName(self, self.caption, start, self.file_filter)
            if path and not path.lower().endswith(self.suffix):
                path += self.suffix
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.file_filter)
        if path:
            self.edit.setText(path)
            self.edit.textEdited.emit(path)  # a browsed path is a choice, as a typed one is

    @property
    def path(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()


def save_target_problem(path: Path, suffix: str = ".pptx", noun: str = "it") -> str:
    """Why ``path`` cannot be written as a new file of that kind ("" when it can)."""
    if path.suffix.lower() != suffix:
        return f"Save {noun} as a {suffix} file."
    if why := files.unusable_name(path):
        return f"That name cannot be used: {why}."
    if not files.is_folder_here(path.parent):
        return f"The folder {path.parent} does not exist."
    return ""


class SaveFileDialog(QDialog):
    """A dialog that ends in a file to write (``out_field``): its verb button checks everything first and
    says what is wrong under the form, so nothing is written from a choice that cannot work."""

    noun = "it"  # what is saved, for the messages
    suffixes: tuple[str, ...] = (".pptx",)  # the kinds of file it may be saved as, the first the usual one

    def finish_form(self, form: QFormLayout, out_field: PathField, verb: str) -> None:
        self.out_field = out_field
        self.error = error_label()
        form.addRow("", self.error)
        form.addRow(accept_buttons(self, verb, self._validate))

    def choice_problem(self) -> str:
        """What is wrong with the dialog's other choices ("" when nothing is)."""
        return ""

    def _validate(self) -> None:
        given = self.output_path.suffix.lower()
        suffix = given if given in self.suffixes else self.suffixes[0]
        problem = save_target_problem(self.output_path, suffix, noun=self.noun) or self.choice_problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if not problem:
            self.accept()

    @property
    def output_path(self) -> Path:
        return self.out_field.path
