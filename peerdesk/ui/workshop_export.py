"""Workshop ▸ Export workshop slides…: one dialog for where the slides go and whether they follow the presentation.

Two file dialogs in a row (save as, then "append to?") made people guess what Cancel meant; here both choices
are visible at once, checked before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from peerdesk.ui.presentation import suggested_name


def default_paths(authority: str) -> tuple[Path, Path | None]:
    """Where the slides go by default, and the team's presentation to add them to if it is where Build left it."""
    documents = Path.home() / "Documents"
    folder = documents if documents.is_dir() else Path.home()
    presentation = folder / suggested_name(authority)
    return folder / "Workshop outcome.pptx", presentation if presentation.is_file() else None


class ExportSlidesDialog(QDialog):
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
        self.append = QLineEdit(str(presentation) if presentation else "")
        self.append.setObjectName("appendPath")
        self.append.setPlaceholderText("the .pptx the team built on Day 2 morning")
        self.append.setAccessibleName("Presentation to add the slides to")
        self.append.textEdited.connect(lambda _t: self.after.setChecked(True))
        (self.after if presentation else self.own).setChecked(True)
        pick = QPushButton("Browse…")
        pick.clicked.connect(self._browse_append)
        after_row = QHBoxLayout()
        after_row.setContentsMargins(24, 0, 0, 0)  # under its radio button, as its detail
        after_row.addWidget(self.append, 1)
        after_row.addWidget(pick)
        form.addRow("Slides", self.own)
        form.addRow("", self.after)
        form.addRow("", after_row)
        self.out = QLineEdit(str(out))
        self.out.setObjectName("slidesPath")
        self.out.setAccessibleName("Save the slides as")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        form.addRow("Save as", out_row)
        hint = QLabel("The presentation you add to is only read: the result is saved as the file above.")
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        export = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        export.setObjectName("primaryButton")
        buttons.accepted.connect(self._validate)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(680, self.sizeHint().height())

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the slides as", self.out.text(), "PowerPoint (*.pptx)")
        if path:
            self.out.setText(path if path.lower().endswith(".pptx") else path + ".pptx")

    def _browse_append(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Add the slides after", self.append.text() or str(Path.home()), "PowerPoint (*.pptx)"
        )
        if path:
            self.append.setText(path)
            self.after.setChecked(True)

    def _validate(self) -> None:
        out = self.output_path
        if out.suffix.lower() != ".pptx":
            self.error.setText("Save the slides as a .pptx file.")
        elif not out.parent.is_dir():
            self.error.setText(f"The folder {out.parent} does not exist.")
        elif self.after.isChecked() and not Path(self.append.text().strip()).expanduser().is_file():
            self.error.setText("Choose the presentation to add the slides to, or give them one of their own.")
        else:
            self.error.setText("")
            self.accept()

    @property
    def output_path(self) -> Path:
        return Path(self.out.text().strip()).expanduser()

    @property
    def append_path(self) -> Path | None:
        return Path(self.append.text().strip()).expanduser() if self.after.isChecked() else None
