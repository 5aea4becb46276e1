"""Wires the workshop, follow-up and survey into the main window: three work tabs and their menu actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.shell.window import ShellWindow

if TYPE_CHECKING:  # imported when a tab is first built: the window shows sooner
    from peerdesk.ui.workshop.followup import FollowUpPanel
    from peerdesk.ui.workshop.panel import WorkshopPanel
    from peerdesk.ui.workshop.projector import ProjectorView
    from peerdesk.ui.workshop.survey import SurveyPanel


class WorkshopTabs:
    """The three tabs; each panel is built when its tab is first shown or it is asked for here."""

    def __init__(self, window: ShellWindow) -> None:
        self.window = window
        self._projector: ProjectorView | None = None

    @property
    def projector(self) -> ProjectorView | None:
        """The projector view on show; None once closed (Esc, or the lock: it is deleted on close)."""
        view = self._projector
        return view if view is not None and shiboken6.isValid(view) and view.isVisible() else None

    def present(self, view: ProjectorView) -> None:
        self._projector = view
        view.present()

    @property
    def workshop(self) -> WorkshopPanel:
        from peerdesk.ui.workshop.panel import WorkshopPanel

        panel = self.window.panels["tab-workshop"]
        assert isinstance(panel, WorkshopPanel)
        return panel

    @property
    def followup(self) -> FollowUpPanel:
        from peerdesk.ui.workshop.followup import FollowUpPanel

        panel = self.window.panels["tab-followup"]
        assert isinstance(panel, FollowUpPanel)
        return panel

    @property
    def survey(self) -> SurveyPanel:
        from peerdesk.ui.workshop.survey import SurveyPanel

        panel = self.window.panels["tab-survey"]
        assert isinstance(panel, SurveyPanel)
        return panel


def install(window: ShellWindow) -> WorkshopTabs:
    session = window.session
    tabs = WorkshopTabs(window)

    def project() -> None:
        if session.locked:
            return
        from peerdesk.ui.workshop.projector import ProjectorView

        window.flush_edits()
        # The window's own: full screen over the laptop when there is no second screen, it hid the lock screen with
        # the review on show; as the window's, the lock closes it with the window's dialogs.
        view = ProjectorView(session, start=tabs.workshop.projector_start(), parent=window)
        view.addAction(window.action_lock)  # Ctrl+L locks from the projector too (it closes with the lock)
        tabs.present(view)

    def workshop_panel() -> Panel:
        from peerdesk.ui.workshop.panel import WorkshopPanel

        panel = WorkshopPanel(session)
        panel.projector_requested.connect(project)
        return panel

    def followup_panel() -> Panel:
        from peerdesk.ui.workshop.followup import FollowUpPanel

        return FollowUpPanel(session)

    def survey_panel() -> Panel:
        from peerdesk.ui.workshop.survey import SurveyPanel

        return SurveyPanel(session)

    # Built when first shown; in ``panels`` from then on, so that locking and closing save what is being typed.
    window.add_lazy_work_tab("tab-workshop", "Workshop", workshop_panel, scroll=True)
    window.add_lazy_work_tab("tab-followup", "Follow-up", followup_panel)
    window.add_lazy_work_tab("tab-survey", "Survey", survey_panel, scroll=True)

    menu = QMenu("&Workshop", window)
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    projector = QAction("&Projector view", window, shortcut=QKeySequence("F5"))
    projector.setStatusTip("The workshop's current step, full screen, in large type; Esc leaves")
    projector.triggered.connect(project)
    show = QAction("&Record the workshop", window, shortcut=QKeySequence("Ctrl+Shift+W"))
    show.triggered.connect(lambda: window.show_work(tabs.workshop))
    export = QAction("&Export workshop slides…", window)
    export.triggered.connect(lambda: tabs.workshop.choose_export())
    summary = QAction("One-page &summary…", window)
    summary.triggered.connect(lambda: tabs.workshop.choose_summary())
    follow_action = QAction("&Follow-up visit", window)
    follow_action.triggered.connect(lambda: window.show_work(tabs.followup))
    survey_action = QAction("Leadership of change sur&vey", window)
    survey_action.triggered.connect(lambda: window.show_work(tabs.survey))
    for action in (show, projector, export, summary):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(follow_action)
    menu.addAction(survey_action)
    return tabs
