"""Opening the Day 2 wall at 1,000 / 5,000 / 10,000 post-its (one theme per 100), against as many bare items.

Figure: median time from making the wall's widget (it reads the wall) to its first paint being done, in a
1400×900 view. Floor, alternating in the same run: the same read (``wall.load_wall``), then one bare
``QGraphicsRectItem`` per post-it and theme at the same places, in a scene shown by a view of the same size
and transform, painted once. Goal (issue #22): ≤ 2× at each size.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QBrush, QColor, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsView
from pytestqt.qtbot import QtBot

from peerdesk.services import review, wall, wall_themes
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.widget import WallWidget
from tests.bench.report import report
from tests.conftest import PASSPHRASE
from tests.helpers.wall_data import seed_many

pytestmark = pytest.mark.bench

RUNS = 7  # a median of 3 swung by ±0.2 at 1,000, where the whole open is ~40 ms
COLUMNS = 40
PER_THEME = 20  # the first half of every other row of 40


def _store(path: Path, count: int) -> Store:
    store = review.create_review(path, PASSPHRASE, review.Essentials("Bench Council", "Wall", "Bench Person"))
    ids = seed_many(store, count, columns=COLUMNS)
    for n, row in enumerate(range(0, count // COLUMNS, 2)):
        if n < count // 100:
            wall_themes.group_as_theme(store, ids[row * COLUMNS : row * COLUMNS + PER_THEME], f"Theme {n}")
    return store


def _paint(view: QGraphicsView) -> None:
    QApplication.processEvents()
    view.viewport().repaint()


def _ours(qtbot: QtBot, session: ReviewSession) -> tuple[float, QTransform]:
    start = time.perf_counter()
    widget = WallWidget(session)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    _paint(widget.view)
    elapsed = (time.perf_counter() - start) * 1000
    transform = widget.view.transform()
    widget.close()
    widget.deleteLater()
    return elapsed, transform


def _floor(qtbot: QtBot, session: ReviewSession, transform: QTransform) -> float:
    start = time.perf_counter()
    state = session.call(wall.load_wall)
    scene = QGraphicsScene()
    brush = QBrush(QColor("#fde2e4"))
    for t in state.themes:
        scene.addItem(QGraphicsRectItem(t.x, t.y, t.width, t.height))
    for p in state.postits:
        item = QGraphicsRectItem(0, 0, wall.POSTIT_W, wall.POSTIT_H)
        item.setBrush(brush)
        item.setPos(p.x, p.y)
        scene.addItem(item)
    view = QGraphicsView(scene)
    view.resize(1400, 900)
    view.setTransform(transform)
    view.show()
    qtbot.waitExposed(view)
    _paint(view)
    elapsed = (time.perf_counter() - start) * 1000
    view.close()
    view.deleteLater()
    return elapsed


@pytest.mark.parametrize("count", [1000, 5000, 10000])
def test_opening_the_wall(qtbot: QtBot, tmp_path: Path, count: int) -> None:
    store = _store(tmp_path / "wall.peerdesk", count)
    session = ReviewSession(store)
    try:
        _, transform = _ours(qtbot, session)  # warm-up: fonts, statement caches
        ours: list[float] = []
        floor: list[float] = []
        for _ in range(RUNS):
            ms, transform = _ours(qtbot, session)
            ours.append(ms)
            floor.append(_floor(qtbot, session, transform))
            QApplication.processEvents()
        assert len(session.call(wall.load_wall).postits) == count, "the wall measured holds every post-it"
    finally:
        store.close()
    report(
        f"wall_open_{count}",
        statistics.median(ours),
        statistics.median(floor),
        "ms",
        postits=count,
        themes=count // 100,
        runs=RUNS,
        view="1400x900 offscreen",
        zoom=round(transform.m11(), 3),
        goal="≤ 2× the floor",
    )
