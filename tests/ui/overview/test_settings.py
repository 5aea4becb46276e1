"""The traceability threshold on the planning form: saved as the review setting, an undo step, within the rule."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import identifiability
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.panel import OverviewPanel


def test_the_threshold_is_set_on_the_planning_form_and_undone(qtbot: QtBot, session: ReviewSession) -> None:
    panel = OverviewPanel(session)
    qtbot.addWidget(panel)
    panel.rest.build()  # the planning form is below the review
    spin = panel.traceable_below
    assert spin.value() == identifiability.DEFAULT_THRESHOLD
    assert (spin.minimum(), spin.maximum()) == (1, 50), "the range is the rule's"
    spin.setValue(5)
    assert identifiability.threshold(session.store) == 5
    session.undo_stack.undo()
    assert identifiability.threshold(session.store) == 3
    assert spin.value() == 3, "the form shows the value undo brought back"


def test_a_threshold_set_elsewhere_shows_on_the_form(qtbot: QtBot, session: ReviewSession) -> None:
    panel = OverviewPanel(session)
    qtbot.addWidget(panel)
    panel.rest.build()  # the planning form is below the review
    session.apply(lambda s: identifiability.set_threshold(s, 7))  # as a colleague's bundle would
    assert panel.traceable_below.value() == 7
