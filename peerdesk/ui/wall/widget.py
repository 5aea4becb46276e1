"""The Wall tab: a toolbar, the view, and (on Day 1 evening) the read-out card beside the sheets.

The workshop reuses the same widget for each goal's idea wall (``goal_id``): the canvas only, with ideas instead of
roses, thorns and buds, and the same moving, grouping, undo, keyboard and export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import plural, wall, wall_layout
from peerdesk.services.changes import Changes
from peerdesk.services.wall import POSTIT_H, POSTIT_W
from peerdesk.ui.kit.dialogs import run_through_lock
from peerdesk.ui.kit.plain import plain_label
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall import render, theme_edits
from peerdesk.ui.wall.dialogs import PostItDialog, ReadOutPanel
from peerdesk.ui.wall.scene import DAY2, EVENING, WallScene
from peerdesk.ui.wall.view import WallView


def default_mode(state: wall.WallState) -> str:
    """Evening while post-its are still being read out onto the sheets; the Day 2 canvas after."""
    if state.themes:
        return DAY2
    return EVENING if any(not p.placed for p in state.postits) or not state.postits else DAY2


class WallWidget(QWidget):
    insight_requested = Signal(str)  # a theme to make into an insight (the window routes it to the Insights dock)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None, *, goal_id: str | None = "") -> None:
        """The Day 2 wall (``goal_id`` ""), or a goal's idea wall (``None`` until a goal is chosen)."""
        super().__init__(parent)
        self.session = session
        self.ideas = goal_id != wall.DAY2_WALL
        self.setObjectName("ideaWall" if self.ideas else "wallTab")
        self.scene = WallScene(session, DAY2, self, goal_id=goal_id)
        self.scene.dialog_parent = self
        if not self.ideas:
            self.scene.set_mode(default_mode(self.scene.state))
        self.view = WallView(self.scene)
        self.read_out = ReadOutPanel()
        self.read_out.hide()
        self.read_out.place.connect(self.place_postit)
        self.read_out.finished.connect(self.stop_read_out)
        self.status = plain_label()  # it names the post-it or theme in focus: their words as written
        self.status.setObjectName("hintText")
        self.status.setAccessibleName("Wall status")

        self.toolbar = QToolBar("Ideas" if self.ideas else "Wall")
        self.toolbar.setObjectName("ideaWallToolbar" if self.ideas else "wallToolbar")
        # At the toolbar's right end, never folded into its » menu when the wall is narrower than its buttons (the
        # Day 2 wall on a 1366-pixel laptop, the evening's beside the notes): ``pin_right``.
        self.pinned = QToolBar("Wall view")
        self.pinned.setObjectName("wallPinnedToolbar")
        self.pinned.hide()
        self._build_actions()
        if not self.ideas:  # #20: buds into solution ideas for the workshop
            from peerdesk.ui.wall.solution_ideas import install as install_solution_ideas

            self.action_solution_ideas = install_solution_ideas(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.pinned)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addWidget(self.read_out)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)

        self.scene.selectionChanged.connect(self._update_actions)
        self.scene.busy_changed.connect(self._update_actions)
        self.scene.request_edit.connect(self.edit_postit_dialog)
        self.scene.focus_changed.connect(self._show_focus)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        session.changed.connect(self._on_changed)
        self._update_actions()

    # --- actions ------------------------------------------------------------------------------------------------
    def pin_right(self, action: QAction) -> None:
        """``action`` as a button at the right end of the toolbar, always in sight: the toolbar folds what does not
        fit into its » menu from its end, and this button is not part of it."""
        if not self.pinned.actions():
            self.pinned.addSeparator()
        self.pinned.addAction(action)
        self.pinned.show()

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString()})" if shortcut else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        modes = QActionGroup(self)
        self.action_evening = QAction("Evening sheets", self, checkable=True)
        self.action_evening.setStatusTip("Day 1 evening: roses, thorns and buds on three sheets")
        self.action_day2 = QAction("Day 2 canvas", self, checkable=True)
        self.action_day2.setStatusTip("Day 2 morning: one canvas to group post-its into themes")
        for action, mode, key in ((self.action_evening, EVENING, "F7"), (self.action_day2, DAY2, "F8")):
            # F7/F8 are the window's (Wall menu, ui/wall/window_actions.py): they bring the wall forward from any
            # tab, which a wall-only key could not do (the wall is hidden then). Both at once would cancel out.
            action.setToolTip(f"{action.text()} ({key})")
            self.addAction(action)
            modes.addAction(action)
            action.triggered.connect(lambda _c=False, m=mode: self.set_mode(m))
            if not self.ideas:  # an idea wall is a canvas only
                self.toolbar.addAction(action)
        (self.action_evening if self.scene.mode == EVENING else self.action_day2).setChecked(True)
        if not self.ideas:
            self.toolbar.addSeparator()
        std = QKeySequence.StandardKey
        noun = "idea" if self.ideas else "post-it"
        self.action_new = self._action(f"New {noun}", self.new_postit_dialog, "Ins", f"Write a new {noun}")
        self.action_edit = self._action("Edit", self.edit_selected, "F2", "Change the words on the post-it")
        self.action_delete = self._action("Delete", self.delete_selected, QKeySequence(std.Delete).toString())
        self.action_rose = self._action("Rose", lambda: self.recolour("rose"), "Ctrl+1", "Make it a rose")
        self.action_thorn = self._action("Thorn", lambda: self.recolour("thorn"), "Ctrl+2", "Make it a thorn")
        self.action_bud = self._action("Bud", lambda: self.recolour("bud"), "Ctrl+3", "Make it a bud")
        # Ctrl+R is the window's (Wall ▸ Read out, ui/wall/window_actions.py): it works wherever the focus is.
        self.action_read_out = self._action("Read out", self.start_read_out, None, "Show post-its one at a time")
        self.action_read_out.setToolTip("Show post-its one at a time, large, and place them (Ctrl+R)")
        self.action_make_insight = self._action(
            "Make insight", self.request_insight, "Ctrl+I", "Turn the theme into an insight, quotes and all"
        )
        self.action_group = self._action(
            "Group as theme", self.group_selected, "Ctrl+G", "Put the selected post-its in a new theme"
        )
        self.action_ungroup = self._action(
            "Ungroup", lambda: theme_edits.ungroup(self.scene), "Ctrl+Shift+G", "Remove the theme, keep its post-its"
        )
        self.action_merge = self._action(
            "Merge themes", lambda: theme_edits.merge(self.scene, self), "Ctrl+M", "Merge the selected themes"
        )
        self.action_move = self._action(
            "Move to theme…",
            lambda: self._show_theme(theme_edits.move_to_theme(self.scene, self)),
            "Ctrl+T",
            "Put the selected post-its into a theme chosen by name",
        )
        self.action_split = self._action(
            "Split theme", self.split_selected, "Ctrl+Shift+M", "Move the selected post-its into a theme of their own"
        )
        self.action_collapse = self._action(
            "Collapse/expand", lambda: theme_edits.fold(self.scene), "Ctrl+E", "Fold a theme to its heading, or open it"
        )
        self.action_fit = self._action("Fit all", self.view.fit_all, "Ctrl+0", "Show the whole wall")
        self.action_zoom_in = self._action("Zoom in", lambda: self.view.zoom_by(1.25), QKeySequence(std.ZoomIn))
        self.action_zoom_out = self._action("Zoom out", lambda: self.view.zoom_by(0.8), QKeySequence(std.ZoomOut))
        self.action_export = self._action(
            # not Ctrl+Shift+E, the window's Export bundle: a key two actions share does nothing at all
            "Export…",
            lambda: render.export_dialog(self, self.scene, ideas=self.ideas),
            "Ctrl+Shift+S",
            "Save the wall as a picture (PNG, SVG) or a table (CSV)",
        )
        for action in (self.action_new, self.action_read_out):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.action_group, self.action_ungroup, self.action_merge, self.action_split, self.action_move):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.action_fit, self.action_export):
            self.toolbar.addAction(action)

    def _update_actions(self) -> None:
        postits = self.scene.selected_postits()
        themes = self.scene.selected_themes()
        day2 = self.scene.mode == DAY2
        for action in (self.action_rose, self.action_thorn, self.action_bud):
            action.setEnabled(bool(postits) and not self.ideas)
            action.setVisible(not self.ideas)
        self.action_delete.setEnabled(bool(postits))
        self.action_new.setEnabled(self.scene.goal_id is not None)
        self.action_export.setEnabled(self.scene.goal_id is not None)
        self.action_edit.setEnabled(len(postits) == 1 or (day2 and len(themes) == 1))
        self.action_read_out.setEnabled(not self.ideas)
        self.action_read_out.setVisible(not self.ideas)
        in_hand = theme_edits.theme_in_hand(self.scene)
        self.action_make_insight.setEnabled(day2 and not self.ideas and in_hand is not None)
        self.action_make_insight.setVisible(not self.ideas)
        self.action_group.setEnabled(day2 and bool(postits))
        self.action_ungroup.setEnabled(day2 and bool(themes))
        state = self.scene.state
        self.action_merge.setEnabled(day2 and len(themes) >= 1 and len(state.themes) >= 2)  # one: ask with which
        theme_of = {state.postit(p).theme_id for p in postits} if postits else set()
        self.action_split.setEnabled(day2 and len(theme_of) == 1 and "" not in theme_of)
        self.action_move.setEnabled(day2 and bool(theme_edits.themes_to_move_into(self.scene)))
        self.action_collapse.setEnabled(day2 and bool(themes))
        for action in (self.action_group, self.action_ungroup, self.action_merge, self.action_split, self.action_move):
            action.setVisible(day2)
        parts = [plural.count(len(state.postits), "idea" if self.ideas else "post-it")]
        if day2:
            parts.append(plural.count(len(state.themes), "theme"))
        else:
            parts.append(f"{sum(1 for p in state.postits if not p.placed)} still to read out")
        if postits or themes:
            parts.append(f"{len(postits) + len(themes)} selected")
        self.status.setText(" · ".join(parts))

    def _show_focus(self, text: str) -> None:
        self.status.setText(text)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.view.itemAt(pos)
        if item is not None and not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        menu = QMenu(self)
        for action in (
            self.action_edit,
            self.action_rose,
            self.action_thorn,
            self.action_bud,
            self.action_delete,
            None,
            self.action_group,
            self.action_ungroup,
            self.action_merge,
            self.action_split,
            self.action_move,
            self.action_collapse,
            None,
            self.action_make_insight,
        ):
            if action is None:
                menu.addSeparator()
            elif action.isVisible() and action.isEnabled():
                menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # --- which wall, which mode --------------------------------------------------------------------------------
    def show_wall(self, goal_id: str | None) -> None:
        """An idea wall shows another goal's ideas (``None``: no goal chosen, nothing to show)."""
        if self.ideas and goal_id != self.scene.goal_id:
            self.scene.show_wall(goal_id)
            self._update_actions()
            self.view.fit_all()

    def set_mode(self, mode: str) -> None:
        if self.ideas:
            return
        if mode == DAY2:
            self.stop_read_out()
        self.scene.set_mode(mode)
        (self.action_evening if mode == EVENING else self.action_day2).setChecked(True)
        self._update_actions()
        self.view.fit_all()

    def start_read_out(self) -> None:
        if self.scene.mode != EVENING:
            self.set_mode(EVENING)
        queue = wall.read_out_queue(self.scene.state)
        self.read_out.set_queue(queue)
        self.read_out.show()
        self.read_out.place_button.setFocus()
        self.view.fit_all()
        if not self.read_out.place_button.isEnabled():
            self.read_out.setFocus()  # Esc still closes the card
        waiting = plural.count(len(queue), "post-it")
        self.say(f"Reading out: {waiting} to place" if queue else self.read_out.progress.text())

    def say(self, text: str) -> None:
        """Feedback that reaches the user wherever the focus is: the window's status bar, and the wall's own."""
        self.status.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 6000)

    def stop_read_out(self) -> None:
        if self.read_out.isVisible():
            # The card's focused button, hidden, would pass the keys on to whatever comes next (the window's tabs):
            # they go back to the wall the reader is looking at.
            focused = QApplication.focusWidget()
            had_focus = focused is not None and self.read_out.isAncestorOf(focused)
            self.read_out.hide()
            if had_focus:
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.view.fit_all()

    def place_postit(self, postit_id: str) -> None:
        self.scene.run("Place post-it", lambda s: wall.set_placed(s, [postit_id], True))

    def _on_changed(self, changes: Changes) -> None:
        if self.read_out.isVisible() and changes.touches("postits", "members"):
            current = self.read_out.current()
            self.read_out.set_queue(wall.read_out_queue(self.scene.state), current.id if current else None)

    # --- post-its -----------------------------------------------------------------------------------------------
    def new_postit_dialog(self) -> None:
        if self.scene.goal_id is None:
            return
        dialog = PostItDialog(self, "New idea" if self.ideas else "New post-it", wall.IDEA if self.ideas else "rose")
        run_through_lock(dialog, self.session, lambda: self.add_postit(*dialog.values()))

    def add_postit(self, kind: str, text: str) -> str | None:
        """A new post-it: on its sheet in the evening, at the middle of the view on Day 2 (or the nearest place off
        other post-its and themes), after the others on an idea wall (typed one after another, never on one spot)."""
        if (goal_id := self.scene.goal_id) is None:
            return None
        if self.ideas:
            edit = self.scene.run("New idea", lambda s: wall.add_postit(s, wall.IDEA, text, goal_id=goal_id))
        elif self.scene.mode == DAY2:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            x, y = wall_layout.free_place(self.scene.state, centre.x() - POSTIT_W / 2, centre.y() - POSTIT_H / 2)
            edit = self.scene.run("New post-it", lambda s: wall.add_postit(s, kind, text, x=x, y=y, placed=True))
        else:
            edit = self.scene.run("New post-it", lambda s: wall.add_postit(s, kind, text))
        return edit.created_id if edit and edit.created else None

    def edit_selected(self) -> None:
        postits = self.scene.selected_postits()
        if len(postits) == 1:
            self.edit_postit_dialog(postits[0])
            return
        themes = self.scene.selected_themes()
        if len(themes) == 1:
            self.scene.themes[themes[0]].heading.start_edit()

    def edit_postit_dialog(self, postit_id: str) -> None:
        view = self.scene.state.postit(postit_id)
        dialog = PostItDialog(self, "Edit idea" if self.ideas else "Edit post-it", view.kind, view.text)
        run_through_lock(dialog, self.session, lambda: self.edit_postit(postit_id, *dialog.values()))

    def edit_postit(self, postit_id: str, kind: str, text: str) -> None:
        view = self.scene.state.postit(postit_id)
        stack = self.session.undo_stack
        stack.beginMacro("Edit post-it")
        try:
            if text.strip() != view.text:
                self.scene.run("Edit post-it", lambda s: wall.edit_postit(s, postit_id, text))
            if kind != view.kind:
                self.scene.run("Change colour", lambda s: wall.recolour(s, [postit_id], kind))
        finally:
            stack.endMacro()

    def recolour(self, kind: str) -> None:
        ids = self.scene.selected_postits()
        if ids:
            self.scene.run(f"Make {wall.KIND_LABELS[kind].lower()}", lambda s: wall.recolour(s, ids, kind))

    def delete_selected(self) -> None:
        ids = self.scene.selected_postits()
        if ids:
            noun = "idea" if self.ideas else "post-it"
            label = f"Delete {noun}" if len(ids) == 1 else f"Delete {len(ids)} {noun}s"
            self.scene.run(label, lambda s: wall.delete_postits(s, ids))

    # --- themes (theme_edits.py: each an undo step on the selection) ----------------------------------------------
    def group_selected(self) -> None:
        self._edit_heading(theme_edits.group(self.scene))

    def split_selected(self) -> None:
        self._edit_heading(theme_edits.split(self.scene))

    def _edit_heading(self, theme_id: str | None) -> None:
        item = self.scene.themes.get(theme_id or "")
        if item is not None:
            self.scene.clearSelection()
            item.setSelected(True)
            self.view.setFocus()
            # The new frame may sit where the post-its were gathered, off the view: show it and its heading being
            # typed (once the scene has grown around the frame, or the scroll bars would stop short of it).
            QTimer.singleShot(0, self, lambda: self._show_theme(theme_id))
            item.heading.start_edit()

    def _show_theme(self, theme_id: str | None) -> None:
        item = self.scene.themes.get(theme_id or "")
        if item is not None:
            self.view.ensureVisible(item, 20, 20)  # the whole frame, not only the text cursor Qt keeps in view

    def request_insight(self) -> None:
        theme_edits.finish_heading(self.scene)
        theme_id = theme_edits.theme_in_hand(self.scene)
        if theme_id is None or self.scene.mode != DAY2:
            return
        self.insight_requested.emit(theme_id)
        route = getattr(self.window(), "theme_to_insight", None)  # the main window's Insights dock, when there is one
        if callable(route):
            route(theme_id)

    # --- export -------------------------------------------------------------------------------------------------
    def export(self, path: Path) -> None:
        render.export(self, self.scene, path)
