"""The evidence pane: a theme's quotes and post-its, picked onto the insight by keyboard."""

from __future__ import annotations

from PySide6.QtGui import QShortcut
from pytestqt.qtbot import QtBot

from peerdesk.services import insights
from peerdesk.ui.insights.evidence import EvidencePane
from peerdesk.ui.kit.session import ReviewSession
from tests.helpers import day2
from tests.helpers.layout import tooltip_shown


def test_enter_on_a_quote_puts_it_on_the_insight_and_the_list_ticks_it(qtbot: QtBot, session: ReviewSession) -> None:
    seeded = day2.seed(session.store)
    partners = seeded.insights[2]  # no quote yet
    pane = EvidencePane(session)
    qtbot.addWidget(pane)
    pane.show()
    pane.load(partners, set())
    assert pane.title.text() == "Evidence"
    assert tooltip_shown(pane.title.toolTip()) == f"The post-its and quotes of “{day2.THEMES['partners']}”"
    assert {p.id for p in pane.postit_model.rows} == set(seeded.postits["partners"])
    pane.quote_view.setFocus()
    pane.quote_view.setCurrentIndex(pane.quote_model.index(1))
    wanted = pane.quote_model.rows[1].id
    keys = {s.key().toString() for s in pane.quote_view.findChildren(QShortcut)}
    assert {"Return", "Enter", "Space"} <= keys  # pressed for real in the panel test and the walkthrough
    pane.use_selected()
    assert [q.id for q in insights.quotes_of(session.store, partners)] == [wanted]
    pane.load(partners, {wanted})
    assert pane.quote_model.index(1).data().startswith("✓")


def test_every_quote_can_be_shown_and_no_insight_disables_the_pane(qtbot: QtBot, session: ReviewSession) -> None:
    seeded = day2.seed(session.store)
    pane = EvidencePane(session)
    qtbot.addWidget(pane)
    pane.load(seeded.insights[0], set())
    pane.all_quotes.setChecked(True)
    assert len(pane.quote_model.rows) == sum(len(q) for q in day2.QUOTES.values())
    pane.load(None, set())
    assert not pane.isEnabled() and pane.quote_model.rows == []
