"""The workshop's two outputs: its slides (added to the review's deck or on their own) and a one-page summary.

The slides are written off the UI thread; the survey chart they carry is drawn first, here, because QPainter
lives on the UI thread. The summary is small and written at once, as HTML or PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.export import content, workshop_pptx, workshop_summary
from peerdesk.services import review, workshop_outcome
from peerdesk.services import survey as survey_service
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.worker import run_task
from peerdesk.ui.workshop.export_dialog import ExportSlidesDialog, SummaryDialog, default_paths
from peerdesk.ui.workshop.survey_chart import chart_png


def choose_export(parent: QWidget, session: ReviewSession) -> None:
    """Ask where the slides go (and which deck they join), then write them."""
    out, presentation = default_paths(session.call(review.summary).authority)
    dialog = ExportSlidesDialog(parent, out, presentation)
    if dialog.exec() == ExportSlidesDialog.DialogCode.Accepted:
        export_slides(parent, session, dialog.output_path, dialog.append_path, template=dialog.template_path)


def export_slides(
    parent: QWidget,
    session: ReviewSession,
    out: Path,
    append_to: Path | None = None,
    on_done: Callable[[int], None] | None = None,
    *,
    template: Path | None = None,
) -> None:
    """Write the workshop's slides to ``out`` in the background; the status bar says how many were written."""
    outcome = workshop_outcome.outcome(session.store)
    results = survey_service.results(session.store)
    image = chart_png(results) if results.respondents else None  # drawn here: QPainter lives on the UI thread
    summary = review.summary(session.store)
    heading, date = summary.title, content.format_dates(summary.visit_end, "")

    def work(progress: Callable[[int, int, str], bool]) -> int:
        progress(0, 0, "Writing the slides…")
        return workshop_pptx.export(
            outcome,
            out,
            append_to=append_to,
            survey=results if results.respondents else None,
            survey_image=image,
            heading=heading,
            date=date,
            template=template,
        )

    def done(added: int) -> None:
        window = parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"{added} workshop slides written to {out.name}", 6000)
        if on_done:
            on_done(added)

    run_task(parent, "Exporting the workshop", work, done, lambda exc: messages.error(parent, "Export slides", exc))


def choose_summary(parent: QWidget, session: ReviewSession) -> None:
    """Ask where the one-page summary goes (and whether in full), then write it."""
    dialog = SummaryDialog(parent, default_paths("")[0].parent)
    if dialog.exec() == SummaryDialog.DialogCode.Accepted:
        save_summary(parent, session, dialog.output_path, full=dialog.full)


def save_summary(parent: QWidget, session: ReviewSession, out: Path, *, full: bool = False) -> None:
    """The summary as PDF when ``out`` ends in .pdf, else as HTML; a failure is said in a message."""
    summary = review.summary(session.store)
    outcome = workshop_outcome.outcome(session.store)
    render = workshop_summary.render_full if full else workshop_summary.render
    date = content.format_dates(summary.visit_end, "")  # "6 December 2026", as on the slides
    try:
        if out.suffix.lower() == ".pdf":
            from peerdesk.ui.kit.print_pdf import html_to_pdf

            html_to_pdf(render(outcome, summary.title, date), out)
        else:
            workshop_summary.write(outcome, out, summary.title, date, full=full)
    except PeerdeskError as exc:
        messages.error(parent, "One-page summary", exc)
        return
    # Said, as the slides are: written without a word, the facilitator could not tell it was done, or where to.
    messages.info(parent, "One-page summary", f"saved to {out}")
