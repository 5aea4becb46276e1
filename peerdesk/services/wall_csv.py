"""The wall as a CSV table: themes in reading order, each with its post-its, then the loose ones."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from peerdesk.files import write_private_text
from peerdesk.services import wall
from peerdesk.services.spreadsheet_cells import as_text
from peerdesk.services.wall import DAY2_WALL, KIND_LABELS, PostItView, WallState
from peerdesk.store.engine import Store

CSV_HEADER = ("theme", "kind", "post-it", "author")
NO_THEME = "(no theme)"


def wall_rows(state: WallState) -> list[tuple[str, str, str, str]]:
    """Themes in reading order (top to bottom, left to right), each with its post-its; loose ones last."""
    rows: list[tuple[str, str, str, str]] = []

    def order(p: PostItView) -> tuple[float, float, str]:
        return (p.y, p.x, p.id)

    for theme in state.themes:
        members = sorted(state.members(theme.id), key=order)
        heading = theme.heading or "(no heading)"
        if not members:
            rows.append((heading, "", "", ""))
        for p in members:
            rows.append((heading, KIND_LABELS[p.kind], p.text, p.initials))
    for p in sorted((p for p in state.postits if not p.theme_id), key=order):
        rows.append((NO_THEME, KIND_LABELS[p.kind], p.text, p.initials))
    return rows


def wall_csv(store: Store, goal_id: str = DAY2_WALL) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in wall_rows(wall.load_wall(store, goal_id)):
        writer.writerow([as_text(c) for c in row])
    return out.getvalue()


def export_csv(store: Store, path: Path, goal_id: str = DAY2_WALL) -> int:
    """Write the wall as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the accents)."""
    text = wall_csv(store, goal_id)
    write_private_text(path, text, encoding="utf-8-sig")
    return text.count("\r\n") - 1
