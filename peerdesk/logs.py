"""Logging to a rotating file in the user's data folder. Records operations and errors, never review text.

Log calls in peerdesk pass ids, counts and exception types, not notes or quotes; ``redact`` is the last guard
for exception messages that might quote a value.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from platformdirs import user_log_dir

from peerdesk import APP_NAME, ORG_NAME


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, ORG_NAME))


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "peerdesk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("peerdesk")
    root.setLevel(level)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    return path
