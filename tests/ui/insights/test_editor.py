"""The insight editor on its own: it shows an insight, saves each field through the callback, warns gently."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from pytestqt.qtbot import QtBot

from peerdesk.services import insights
from peerdesk.ui.insights.editor import InsightEditor, key_hint
from peerdesk.ui.kit.session import ReviewSession
from tests.helpers import day2
from tests.helpers.layout import on_screen


def test_it_shows_the_insight_statement_and_quotes_first(qtbot: QtBot, session: ReviewSession) -> None:
    seeded = day2.seed(session.store)
    saved: list[tuple[str, object]] = []
    editor = on_screen(qtbot, InsightEditor(session, lambda field, value: saved.append((field, value))), 600, 400)
    detail = insights.detail(session.store, seeded.insights[0])
    editor.show_detail(detail, 1)
    assert editor.heading.text().startswith("Insight 1 — from “Workload")
    assert editor.texts["statement"].toPlainText() == detail.fields["statement"]
    assert [q.id for q in editor.quote_model.rows] == [q.id for q in detail.quotes]
    layout_order = [editor.form.itemAt(i).widget() for i in range(editor.form.count())]
    assert layout_order.index(editor.texts["statement"]) < layout_order.index(editor.texts["description"])
    assert (
        editor.quote_view.mapTo(editor, editor.quote_view.rect().topLeft()).y()
        < editor.texts["description"].mapTo(editor, editor.texts["description"].rect().topLeft()).y()
    )
    editor.texts["statement"].setFocus()
    editor.texts["statement"].selectAll()
    qtbot.keyClicks(editor.texts["statement"], "We must fix the rota")
    assert editor.goal_hint.isVisible()
    editor.flush()
    assert saved == [("statement", "We must fix the rota")]


def test_taking_the_current_quote_off_keeps_the_quote(qtbot: QtBot, session: ReviewSession) -> None:
    seeded = day2.seed(session.store)
    editor = InsightEditor(session, lambda _f, _v: None)
    qtbot.addWidget(editor)
    editor.show()
    editor.show_detail(insights.detail(session.store, seeded.insights[0]), 1)
    editor.quote_view.setFocus()
    editor.quote_view.setCurrentIndex(editor.quote_model.index(0))
    # Delete is the list's own key (pressed in the real window in the panel test and the Day 2 walkthrough)
    keys = [s.key().toString() for s in editor.quote_view.findChildren(QShortcut)]
    assert QKeySequence(QKeySequence.StandardKey.Delete).toString() in keys
    editor.remove_selected_quote()
    assert insights.quotes_of(session.store, seeded.insights[0]) == []
    assert "Delete" in editor.remove_quote_button.toolTip()


def test_a_key_hint_names_the_keys() -> None:
    assert key_hint("Make insight", "Ctrl+I") == "Make insight (Ctrl+I)"
