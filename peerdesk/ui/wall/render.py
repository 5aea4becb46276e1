"""The wall as a picture: PNG (the flipchart record) or SVG (sharp at any size), drawn without a window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QFileDialog, QGraphicsItem, QWidget

from peerdesk.errors import UserError
from peerdesk.files import private_target
from peerdesk.services import wall, wall_csv
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.scene import DAY2, WallScene

MARGIN = 40.0
MAX_SIDE = 12_000  # pixels: a very large wall is drawn smaller rather than as a gigabyte image
PICTURE_SUFFIXES = (".png", ".svg")
NO_CACHE = QGraphicsItem.CacheMode.NoCache


def render(scene: WallScene, path: Path, *, scale: float = 1.5) -> QSize:
    """Draw the whole wall (no selection marks) to ``path``; the suffix picks the format."""
    suffix = path.suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise UserError(f"Save the wall as .png or .svg (or .csv for a table), not {suffix or 'no suffix'}.")
    selected = scene.selectedItems()
    focus = scene.focusItem()
    scene.clearSelection()
    scene.clearFocus()
    # Each item drawn anew for the picture: from its cached pixels (kept for dragging on screen), an SVG held a
    # bitmap of every post-it, blurred once zoomed into, and its words could not be found or copied.
    cached = [(item, item.cacheMode()) for item in scene.items() if item.cacheMode() != NO_CACHE]
    for item, _mode in cached:
        item.setCacheMode(NO_CACHE)
    try:
        source = scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if source.isEmpty():
            source = QRectF(0, 0, 400, 300)
        scale = min(scale, MAX_SIDE / max(source.width(), source.height()))
        size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
        with private_target(path) as staging:  # whole or not at all, owner-only (``files``)
            _picture(scene, staging, source, size)
            if staging.stat().st_size == 0:
                raise UserError(f"Could not write {path}; check the folder exists and you may write there.")
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
        for item in selected:
            item.setSelected(True)
        if focus is not None:
            focus.setFocus()
    return size


def _picture(scene: WallScene, out: Path, source: QRectF, size: QSize) -> None:
    """The wall's ``source`` rectangle drawn at ``size`` into ``out``, as PNG or SVG by its suffix."""
    if out.suffix.lower() == ".png":
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        _draw(scene, QPainter(image), source, size)
        if not image.save(str(out)):  # the format from the suffix, kept by the staging file
            raise UserError(f"Could not write {out.name}; check you may write in its folder.")
        return
    generator = QSvgGenerator()
    generator.setFileName(str(out))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle("Post-it wall")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
    _draw(scene, painter, source, size)
    del generator  # its file is closed with it: renamed while open, it would fail on Windows


def _draw(scene: WallScene, painter: QPainter, source: QRectF, size: QSize) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()


def render_review(store: Store, path: Path, mode: str = DAY2) -> QSize:
    """Draw a review's wall to a file without showing anything (the ``peerdesk wall`` command)."""
    app = QApplication.instance()
    if app is None:
        # Headless by design: a command run over SSH or in a script has no screen to open.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([])
    session = ReviewSession(store)
    scene = WallScene(session, mode)
    try:
        return render(scene, path)
    finally:
        scene.deleteLater()
        session.deleteLater()


def export_dialog(parent: QWidget, scene: WallScene, *, ideas: bool) -> None:
    """Ask where, then save the wall (or a goal's ideas) as PNG, SVG or a CSV table of themes."""
    if scene.goal_id is None:
        return
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "Export the ideas" if ideas else "Export the wall",
        "ideas.png" if ideas else "wall.png",
        "Picture (*.png);;Scalable picture (*.svg);;Table of themes (*.csv)",
    )
    if path:
        export(parent, scene, Path(path))


def export(parent: QWidget, scene: WallScene, path: Path) -> None:
    try:
        if path.suffix.lower() == ".csv":
            wall_csv.export_csv(scene.session.store, path, scene.goal_id or wall.DAY2_WALL)
        else:
            render(scene, path)
    except Exception as exc:  # shown through the one message channel
        messages.error(parent, "Export the wall", exc)
