"""Wires the workshop, follow-up and survey into the main window: three work tabs and their menu actions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from peerdesk.ui.shell.window import ShellWindow
from peerdesk.ui.workshop.followup import FollowUpPanel
from peerdesk.ui.workshop.panel import WorkshopPanel
from peerdesk.ui.workshop.projector import ProjectorView
from peerdesk.ui.workshop.survey import SurveyPanel


@dataclass
class WorkshopTabs:
    workshop: WorkshopPanel
    followup: FollowUpPanel
    survey: SurveyPanel
    projector: ProjectorView | None = None


def install(window: ShellWindow) -> WorkshopTabs:
    session = window.session
    workshop = WorkshopPanel(session)
    follow = FollowUpPanel(session)
    survey = SurveyPanel(session)
    window.add_work_tab(workshop, "Workshop", scroll=True)
    window.add_work_tab(follow, "Follow-up")
    window.add_work_tab(survey, "Survey", scroll=True)
    # In ``panels`` so that locking and closing save what is being typed (flush_edits).
    window.panels["tab-workshop"] = workshop
    window.panels["tab-followup"] = follow
    window.panels["tab-survey"] = survey

    tabs = WorkshopTabs(workshop, follow, survey)

    def project() -> None:
        if session.locked:
            return
        window.flush_edits()
        tabs.projector = ProjectorView(session, start=workshop.projector_start())
        tabs.projector.present()

    workshop.projector_requested.connect(project)
    menu = QMenu("&Workshop", window)
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    projector = QAction("&Projector view", window, shortcut=QKeySequence("F5"))
    projector.setStatusTip("The workshop's current step, full screen, in large type; Esc leaves")
    projector.triggered.connect(project)
    show = QAction("&Record the workshop", window, shortcut=QKeySequence("Ctrl+Shift+W"))
    show.triggered.connect(lambda: window.show_work(workshop))
    export = QAction("&Export workshop slides…", window)
    export.triggered.connect(workshop.choose_export)
    summary = QAction("One-page &summary…", window)
    summary.triggered.connect(workshop.choose_summary)
    follow_action = QAction("&Follow-up visit", window)
    follow_action.triggered.connect(lambda: window.show_work(follow))
    survey_action = QAction("Leadership of change &survey", window)
    survey_action.triggered.connect(lambda: window.show_work(survey))
    for action in (show, projector, export, summary):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(follow_action)
    menu.addAction(survey_action)
    return tabs
