"""The workshop's outputs from the panel: its slides written in the background, and the one-page summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pytestqt.qtbot import QtBot

from peerdesk.export import content
from peerdesk.services import review
from peerdesk.ui.kit import messages
from peerdesk.ui.workshop import exports
from peerdesk.ui.workshop.panel import WorkshopPanel
from tests.export.test_workshop_pptx import record_workshop


def test_the_slides_are_written_in_the_background_and_counted(qtbot: QtBot, panel: WorkshopPanel) -> None:
    store = panel.session.store
    record_workshop(store)
    written: list[int] = []
    out = store.path.parent / "workshop.pptx"
    exports.export_slides(panel, panel.session, out, on_done=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=10_000)
    assert written[0] >= 8
    assert len(Presentation(str(out)).slides) == written[0]


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own note that it could not open the file
def test_the_summary_is_written_as_html_or_pdf_and_a_failure_is_said(
    panel: WorkshopPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_workshop(panel.session.store)
    told: list[str] = []
    monkeypatch.setattr(messages, "info", lambda _parent, title, text: told.append(f"{title}: {text}"))
    exports.save_summary(panel, panel.session, tmp_path / "summary.html")
    assert told == [f"One-page summary: saved to {tmp_path / 'summary.html'}"], "it says it is done, and where"
    html = (tmp_path / "summary.html").read_text(encoding="utf-8")
    assert "Pilot a joint duty rota from May" in html
    visit_end = review.summary(panel.session.store).visit_end
    assert content.format_dates(visit_end, "") in html and visit_end not in html  # "6 December 2026", not ISO
    exports.save_summary(panel, panel.session, tmp_path / "summary.pdf", full=True)
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
    said: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _parent, title, exc, **_kw: said.append(f"{title}: {exc}"))
    exports.save_summary(panel, panel.session, tmp_path / "missing" / "summary.pdf")
    assert said and said[0].startswith("One-page summary: ")
    assert len(told) == 2, "a failure is not also said to be saved"
    assert not (tmp_path / "missing").exists()
