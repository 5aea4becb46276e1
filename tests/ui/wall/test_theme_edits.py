"""Grouping draws a frame around the selection and nothing else; the other theme edits stay one undo step each."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import wall
from peerdesk.ui.wall import theme_edits
from peerdesk.ui.wall.widget import WallWidget


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
