"""Logging to a rotating file in the user's data folder. Records operations and errors, never review text.

Log calls in peerdesk pass ids, counts and exception types, not notes or quotes; ``redact`` is the last guard
for exception messages and tracebacks that might quote a value (a driver error echoing a parameter, a ``repr``).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from platformdirs import user_log_dir

from peerdesk import APP_NAME, ORG_NAME

LOG_NAME = "peerdesk.log"
# A quoted literal longer than this is treated as possible review text; ids (36) and file paths are shorter
# or unquoted in our own messages.
MAX_LITERAL = 40
_LITERAL = re.compile(r"""(?P<q>['"])(?P<body>(?:\\.|(?!(?P=q)).){""" + str(MAX_LITERAL + 1) + ",}?)(?P=q)", re.DOTALL)
_SOURCE_FILE = re.compile(r"^(?:[A-Za-z]:)?[\\/][^\n]*\.py$")
_SQL_PARAMS = re.compile(r"\[parameters: .*?\]", re.DOTALL)


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, ORG_NAME))


def redact(text: str) -> str:
    """Replace long quoted literals and SQL parameter lists: they are where review text would hide."""
    text = _SQL_PARAMS.sub("[parameters hidden]", text)
    return _LITERAL.sub(_hide, text)


def _hide(m: re.Match[str]) -> str:
    body = m.group("body")
    if _SOURCE_FILE.match(body):  # a traceback's "File ..." line: our code's path, needed to fix bugs
        return m.group(0)
    return f"{m.group('q')}<{len(body)} characters hidden>{m.group('q')}"


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Send peerdesk's log to ``folder/peerdesk.log`` (rotated at 1 MB, 5 kept). Idempotent per folder."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger("peerdesk")
    root.setLevel(level)
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if Path(old.baseFilename) == path.resolve():
            return path
        root.removeHandler(old)
        old.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def current_log() -> Path | None:
    for h in logging.getLogger("peerdesk").handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler):
            return Path(h.baseFilename)
    return None
