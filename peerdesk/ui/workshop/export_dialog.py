"""Workshop ▸ Export workshop slides… and ▸ One-page summary…: each choice visible at once, checked before writing.

Two file dialogs in a row (save as, then "append to?") made people guess what Cancel meant; here both choices
are visible at once. The summary dialog offers the one-page summary (it always fits one A4 sheet) or the full
record (every word, as many pages as it takes), as a PDF or a web page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QRadioButton, QWidget

from peerdesk import files
from peerdesk.ui.insights.build_deck import suggested_name
from peerdesk.ui.kit.file_fields import PathField, SaveFileDialog


def default_paths(authority: str) -> tuple[Path, Path | None]:
    """Where the slides go by default, and the team's presentation to add them to if it is where Build left it."""
    documents = Path.home() / "Documents"
    folder = documents if documents.is_dir() else Path.home()
    presentation = folder / suggested_name(authority)
    return folder / "Workshop outcome.pptx", presentation if presentation.is_file() else None


def _either(dialog: QWidget, first: str, second: str) -> tuple[QRadioButton, QRadioButton]:
    """Two radio buttons of which exactly one is on, whatever else the dialog holds."""
    buttons = QRadioButton(first), QRadioButton(second)
    group = QButtonGroup(dialog)
    for button in buttons:
        group.addButton(button)
    return buttons


class ExportSlidesDialog(SaveFileDialog):
    noun = "the slides"

    def __init__(self, parent: QWidget | None, out: Path, presentation: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export workshop slides")
        self.setObjectName("exportSlidesDialog")
        form = QFormLayout(self)
        self.own, self.after = _either(self, "In a presentation of their own", "After the slides of this presentation:")
        self.append_field = PathField(
            str(presentation) if presentation else "", caption="Add the slides after", saving=False
        )
        self.append = self.append_field.edit
        self.append.setObjectName("appendPath")
        self.append.setPlaceholderText("the .pptx the team built on Day 2 morning")
        self.append.textEdited.connect(lambda _t: self.after.setChecked(True))
        (self.after if presentation else self.own).setChecked(True)
        self.append_field.setContentsMargins(24, 0, 0, 0)  # under its radio button, as its detail
        self.template_field = PathField("", caption="Choose a template", saving=False)
        self.template = self.template_field.edit
        self.template.setObjectName("workshopTemplate")
        self.template.setPlaceholderText("peerdesk's template, or your authority's .pptx")
        self.template.textEdited.connect(lambda _t: self.own.setChecked(True))
        self.template_field.setContentsMargins(24, 0, 0, 0)
        form.addRow("Slides", self.own)
        form.addRow("", self.template_field)
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
        if self.after.isChecked() and not files.is_file_here(self.append_field.path):
            return "Choose the presentation to add the slides to, or give them one of their own."
        if self.own.isChecked() and self.template.text().strip() and not files.is_file_here(self.template_field.path):
            return "There is no template at that path: choose one, or leave it empty for peerdesk's."
        return ""

    @property
    def template_path(self) -> Path | None:
        """The template for slides of their own (None: peerdesk's)."""
        return self.template_field.path if self.own.isChecked() and self.template.text().strip() else None

    @property
    def append_path(self) -> Path | None:
        return self.append_field.path if self.after.isChecked() else None


SUMMARY_NAMES = ("workshop-summary", "workshop-record")  # the one-page summary, the full record
SUMMARY_FILTER = "PDF (*.pdf);;Web page (*.html)"


class SummaryDialog(SaveFileDialog):
    noun = "the summary"
    suffixes = (".pdf", ".html")

    def __init__(self, parent: QWidget | None, folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Workshop summary")
        self.setObjectName("workshopSummaryDialog")
        form = QFormLayout(self)
        self.one_page, self.full_record = _either(
            self,
            "One page: fits one A4 sheet (long texts shortened if need be)",
            "The full record: every word, as many pages as it takes",
        )
        self.one_page.setChecked(True)
        form.addRow("Print", self.one_page)
        form.addRow("", self.full_record)
        self.out_field = PathField(
            str(folder / f"{SUMMARY_NAMES[0]}.pdf"),
            caption="Save the summary as",
            saving=True,
            suffix=".pdf",
            file_filter=SUMMARY_FILTER,
        )
        self.out = self.out_field.edit
        self.out.setObjectName("summaryPath")
        form.addRow("Save as", self.out_field)
        self.full_record.toggled.connect(self._rename)
        self.finish_form(form, self.out_field, "Save")
        self.resize(620, self.sizeHint().height())

    def _rename(self, full: bool) -> None:
        """Keep the suggested name in step with the choice, unless the user named the file themselves."""
        path = self.out_field.path
        if path.stem == SUMMARY_NAMES[int(not full)]:
            self.out.setText(str(path.with_name(SUMMARY_NAMES[int(full)] + path.suffix)))

    @property
    def full(self) -> bool:
        return self.full_record.isChecked()
