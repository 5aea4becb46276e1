"""Workshop ▸ Export workshop slides…: one dialog for where the slides go and whether they follow the presentation.

Two file dialogs in a row (save as, then "append to?") made people guess what Cancel meant; here both choices
are visible at once, checked before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QRadioButton, QWidget

from peerdesk.ui.insights.build_deck import suggested_name
from peerdesk.ui.kit.file_fields import PathField, SaveFileDialog


def default_paths(authority: str) -> tuple[Path, Path | None]:
    """Where the slides go by default, and the team's presentation to add them to if it is where Build left it."""
    documents = Path.home() / "Documents"
    folder = documents if documents.is_dir() else Path.home()
    presentation = folder / suggested_name(authority)
    return folder / "Workshop outcome.pptx", presentation if presentation.is_file() else None


class ExportSlidesDialog(SaveFileDialog):
    noun = "the slides"

    def __init__(self, parent: QWidget | None, out: Path, presentation: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export workshop slides")
        self.setObjectName("exportSlidesDialog")
        form = QFormLayout(self)
        self.own = QRadioButton("In a presentation of their own")
        self.after = QRadioButton("After the slides of this presentation:")
        group = QButtonGroup(self)
        group.addButton(self.own)
        group.addButton(self.after)
        self.append_field = PathField(
            str(presentation) if presentation else "", caption="Add the slides after", saving=False
        )
        self.append = self.append_field.edit
        self.append.setObjectName("appendPath")
        self.append.setPlaceholderText("the .pptx the team built on Day 2 morning")
        self.append.textEdited.connect(lambda _t: self.after.setChecked(True))
        (self.after if presentation else self.own).setChecked(True)
        self.append_field.setContentsMargins(24, 0, 0, 0)  # under its radio button, as its detail
        form.addRow("Slides", self.own)
        form.addRow("", self.after)
        form.addRow("", self.append_field)
        self.out_field = PathField(str(out), caption="Save the slides as", saving=True)
        self.out = self.out_field.edit
        self.out.setObjectName("slidesPath")
        form.addRow("Save as", self.out_field)
        hint = QLabel("The presentation you add to is only read: the result is saved as the file above.")
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.finish_form(form, self.out_field, "Export")
        self.resize(680, self.sizeHint().height())

    def choice_problem(self) -> str:
        if self.after.isChecked() and not self.append_field.path.is_file():
            return "Choose the presentation to add the slides to, or give them one of their own."
        return ""

    @property
    def append_path(self) -> Path | None:
        return self.append_field.path if self.after.isChecked() else None
