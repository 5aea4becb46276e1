"""Grouping draws a frame around the selection and nothing else; the other theme edits stay one undo step each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QMenu, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import wall, wall_themes
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall import theme_edits
from peerdesk.ui.wall.widget import WallWidget
from tests.helpers.user_actions import Counted, main_window
from tests.helpers.wall_data import seed_postits


def by_x(widget: WallWidget) -> list[str]:
    return [p.id for p in sorted(widget.scene.state.postits, key=lambda p: p.x)]


def frame(widget: WallWidget, theme_id: str) -> QRectF:
    item = widget.scene.themes[theme_id]
    return QRectF(item.scenePos(), item.boundingRect().size())


def test_ctrl_g_on_post_its_far_apart_frames_only_them(qtbot: QtBot, widget: WallWidget) -> None:
    first, _between, third, *_ = by_x(widget)
    widget.scene.postits[first].setSelected(True)
    widget.scene.postits[third].setSelected(True)  # the one between them is not picked
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    (theme,) = widget.scene.state.themes
    members = {p.id for p in widget.scene.state.postits if p.theme_id == theme.id}
    assert members == {first, third}
    shown = frame(widget, theme.id)
    for pid, item in widget.scene.postits.items():
        inside = shown.contains(item.sceneBoundingRect().center())
        assert inside == (pid in members), f"the frame {'misses' if pid in members else 'covers'} {pid}"
    assert widget.session.undo_stack.count() == 1, "gathering and grouping are one undo step"
    qtbot.keyClick(widget.view, Qt.Key.Key_Escape)  # leave the heading
    widget.session.undo_stack.undo()
    assert widget.scene.state.themes == ()
    assert {p.id: (p.x, p.y) for p in wall.load_wall(widget.session.store).postits}.keys() == set(by_x(widget))


def test_the_theme_in_hand_is_the_selected_one_or_the_one_its_post_its_share(widget: WallWidget) -> None:
    a, b, c, *_ = by_x(widget)
    assert theme_edits.theme_in_hand(widget.scene) is None
    widget.scene.postits[a].setSelected(True)
    widget.scene.postits[b].setSelected(True)
    theme_id = theme_edits.group(widget.scene)
    assert theme_id is not None
    widget.scene.clearSelection()
    widget.scene.postits[a].setSelected(True)
    assert theme_edits.theme_in_hand(widget.scene) == theme_id
    assert widget.action_make_insight.isEnabled()
    widget.scene.postits[c].setSelected(True)  # one outside the theme: which theme is meant is unclear
    assert theme_edits.theme_in_hand(widget.scene) is None
    assert not widget.action_make_insight.isEnabled()


def test_make_insight_on_a_theme_asks_for_it_by_its_id(qtbot: QtBot, widget: WallWidget) -> None:
    a, b, *_ = by_x(widget)
    widget.scene.postits[a].setSelected(True)
    widget.scene.postits[b].setSelected(True)
    theme_id = theme_edits.group(widget.scene)
    widget.scene.clearSelection()
    widget.scene.themes[str(theme_id)].setSelected(True)
    with qtbot.waitSignal(widget.insight_requested) as asked:
        widget.action_make_insight.trigger()
    assert asked.args == [theme_id]


def test_split_merge_and_ungroup_each_one_step(widget: WallWidget) -> None:
    a, b, c, d, *_ = by_x(widget)
    for pid in (a, b, c):
        widget.scene.postits[pid].setSelected(True)
    theme_edits.group(widget.scene)
    widget.scene.clearSelection()
    widget.scene.postits[c].setSelected(True)
    assert theme_edits.split(widget.scene) is not None
    assert len(widget.scene.state.themes) == 2
    widget.scene.clearSelection()
    for item in widget.scene.themes.values():
        item.setSelected(True)
    theme_edits.merge(widget.scene)
    assert len(widget.scene.state.themes) == 1
    widget.scene.clearSelection()
    next(iter(widget.scene.themes.values())).setSelected(True)
    theme_edits.ungroup(widget.scene)
    assert widget.scene.state.themes == ()
    assert d not in {p.id for p in widget.scene.state.postits if p.theme_id}


def test_ctrl_i_while_naming_a_theme_makes_the_insight_from_the_name_typed(qtbot: QtBot, widget: WallWidget) -> None:
    # Seen under X: Ctrl+G, type the heading, Ctrl+I straight away: the insight was made before the heading was
    # saved, so its statement came out empty.
    first, second, *_ = by_x(widget)
    widget.scene.postits[first].setSelected(True)
    widget.scene.postits[second].setSelected(True)
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget.view, "Close managers")
    headings_when_asked: list[str] = []
    widget.insight_requested.connect(
        lambda tid: headings_when_asked.append(next(t.heading for t in wall.load_wall(widget.session.store).themes))
    )
    qtbot.keyClick(widget.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert headings_when_asked == ["Close managers"]


def _two_themes(session: ReviewSession) -> tuple[list[str], str, str]:
    """Six post-its; the first in "Workload and staying power", the second in "Visible leadership"."""
    ids = seed_postits(session.store)
    workload = wall_themes.group_as_theme(session.store, [ids[0]], "Workload and staying power").created_id
    leaders = wall_themes.group_as_theme(session.store, [ids[1]], "Visible leadership").created_id
    return ids, workload, leaders


def _wall_in_window(qtbot: QtBot, session: ReviewSession) -> tuple[Counted, WallWidget]:
    main_window(qtbot, session)
    user = Counted(qtbot)
    user.key(Qt.Key.Key_F8)  # the Day 2 canvas, the keyboard on it
    window = QApplication.activeWindow()
    wall_widget: WallWidget = window.wall  # type: ignore[attr-defined]
    return user, wall_widget


def _click(qtbot: QtBot, widget: WallWidget, item: QGraphicsItem) -> None:
    widget.view.ensureVisible(item)
    at = widget.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def _choose(typed: str) -> Callable[[QWidget], None]:
    def answer(picker: QWidget) -> None:
        QTest.keyClicks(QApplication.focusWidget(), typed)  # the search box has the keyboard
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    return answer


def test_ctrl_t_moves_a_post_it_into_a_theme_found_by_typing_in_one_step_that_ctrl_z_undoes(
    qtbot: QtBot, session: ReviewSession
) -> None:
    ids, workload, leaders = _two_themes(session)
    loose = ids[3]
    user, widget = _wall_in_window(qtbot, session)
    _click(qtbot, widget, widget.scene.postits[loose])
    assert widget.action_move.isEnabled()
    steps = session.undo_stack.count()
    user.when_modal("themePicker", _choose("lead"))
    user.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    user.check()
    state = wall.load_wall(session.store)
    assert state.postit(loose).theme_id == leaders
    theme = next(t for t in state.themes if t.id == leaders)
    p = state.postit(loose)
    assert theme.contains(p.x + wall.POSTIT_W / 2, p.y + wall.POSTIT_H / 2)  # inside the frame people see
    assert session.undo_stack.count() == steps + 1
    widget.window().activateWindow()  # as a window manager does when the dialog goes (offscreen, nobody does)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.view)  # the keyboard is back on the wall
    user.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wall.load_wall(session.store).postit(loose).theme_id == ""
    assert {t.id for t in wall.load_wall(session.store).themes} == {workload, leaders}


def test_move_to_theme_is_in_the_context_menu_and_the_wall_menu_and_offers_only_other_themes(
    qtbot: QtBot, session: ReviewSession
) -> None:
    ids, _workload, leaders = _two_themes(session)
    _user, widget = _wall_in_window(qtbot, session)
    _click(qtbot, widget, widget.scene.postits[ids[0]])  # in "Workload…": only "Visible leadership" is offered
    assert theme_edits.themes_to_move_into(widget.scene) == [(leaders, "Visible leadership")]
    menu = next(a.menu() for a in widget.window().menuBar().actions() if a.text() == "W&all")
    menu.aboutToShow.emit()
    assert widget.action_move in menu.actions() and widget.action_move in widget.toolbar.actions()
    shown: list[list[str]] = []
    QTimer.singleShot(0, lambda: _close_menu(shown))
    widget.view.customContextMenuRequested.emit(widget.view.mapFromScene(widget.scene.postits[ids[0]].scenePos()))
    assert "Move to theme…" in shown[0]


def _close_menu(shown: list[list[str]]) -> None:
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    shown.append([a.text() for a in menu.actions()])
    menu.close()


def test_ctrl_m_on_one_theme_asks_which_to_merge_it_with(qtbot: QtBot, session: ReviewSession) -> None:
    ids, workload, leaders = _two_themes(session)
    user, widget = _wall_in_window(qtbot, session)
    _click(qtbot, widget, widget.scene.postits[ids[0]])
    user.key(Qt.Key.Key_Up)  # from the post-it up to its theme, by keyboard
    assert widget.scene.selected_themes() == [workload]
    steps = session.undo_stack.count()
    user.when_modal("themePicker", _choose("visible"))
    user.key(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    user.check()
    state = wall.load_wall(session.store)
    (theme,) = state.themes
    assert theme.id in (workload, leaders) and {p.id for p in state.members(theme.id)} == {ids[0], ids[1]}
    assert session.undo_stack.count() == steps + 1
