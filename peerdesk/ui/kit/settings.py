"""Per-user settings (QSettings): window layout and recent files. Never any review content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from peerdesk import APP_NAME, ORG_NAME

MAX_RECENT = 10


def settings() -> QSettings:
    return QSettings(ORG_NAME, APP_NAME)


def recent_files() -> list[Path]:
    raw = settings().value("recent", [])
    items: list[str] = [raw] if isinstance(raw, str) else [str(p) for p in raw] if isinstance(raw, list) else []
    return [Path(p) for p in items if p]


def add_recent(path: Path) -> None:
    path = path.resolve()
    items = [p for p in recent_files() if p.resolve() != path]
    settings().setValue("recent", [str(p) for p in [path, *items][:MAX_RECENT]])


def clear_recent() -> None:
    settings().remove("recent")


def remove_recent(path: Path) -> None:
    settings().setValue("recent", [str(p) for p in recent_files() if p.resolve() != path.resolve()])
