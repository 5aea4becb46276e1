"""Logging to a rotating file in the user's data folder. Records operations and errors, never review text.

Log calls in peerdesk pass ids, counts and exception types, not notes or quotes; ``redact`` is the last guard
for exception messages and tracebacks that might quote a value (a driver error echoing a parameter, a ``repr``).
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import re
from pathlib import Path

from platformdirs import user_log_dir

from peerdesk import APP_NAME, ORG_NAME, files

LOG_NAME = "peerdesk.log"
# A quoted literal longer than this is treated as possible review text; ids (36) and file paths are shorter
# or unquoted in our own messages.
MAX_LITERAL = 40
_LITERAL = re.compile(r"""(?P<q>['"])(?P<body>(?:\\.|(?!(?P=q)).){""" + str(MAX_LITERAL + 1) + ",}?)(?P=q)", re.DOTALL)
_SOURCE_FILE = re.compile(r"^(?:[A-Za-z]:)?[\\/][^\n]*\.py$")
# To the "]" that ends its line: a value may hold a "]" of its own ("Jane [Year 9] said …").
_SQL_PARAMS = re.compile(r"\[parameters: .*?\](?=[ \t]*(?:\n|$))", re.DOTALL)
_STRUCTURE = re.compile(
    r"^(Traceback \(most recent call last\):|  File \"[^\"\n]*\", line \d+|\s*[~^]+\s*$|"
    r"During handling of the above exception|The above exception was the direct cause)"
)


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, ORG_NAME))


def redact(text: str) -> str:
    """Hide long quoted literals and SQL parameter lists (where review text would hide), keeping tracebacks' shape.

    A traceback's own lines (its heading, ``File "…", line N, in f``, the source line after it, the ``^^^`` marks,
    the "During handling…" links) are our code, not review text: they stay verbatim, and no literal is matched
    across them, so an apostrophe in one message cannot swallow the lines up to the next one.
    """
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []
    after_file = False
    for line in lines:
        structural = (after_file and line.startswith("    ")) or _STRUCTURE.match(line) is not None
        after_file = line.startswith("  File ")
        if structural:
            if block:
                out.append(_redact_block("\n".join(block)))
                block = []
            out.append(line)
        else:
            block.append(line)
    if block:
        out.append(_redact_block("\n".join(block)))
    return "\n".join(out)


def _redact_block(text: str) -> str:
    text = _SQL_PARAMS.sub("[parameters hidden]", text)
    return _LITERAL.sub(_hide, text)


def _hide(m: re.Match[str]) -> str:
    body = m.group("body")
    if _SOURCE_FILE.match(body):  # a path to our own code, needed to fix bugs
        return m.group(0)
    return f"{m.group('q')}<{len(body)} characters hidden>{m.group('q')}"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are the owner's only (0600) whatever the umask; rotation renames keep the mode."""

    def _open(self) -> io.TextIOWrapper:
        with contextlib.suppress(FileExistsError):
            files.new_private_file(Path(self.baseFilename))
        files.narrow(Path(self.baseFilename))  # an older peerdesk's log may be 0644
        return super()._open()


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Send peerdesk's log to ``folder/peerdesk.log`` (rotated at 1 MB, 5 kept). Idempotent per folder."""
    folder = folder or log_dir()
    if folder.parent.name in (APP_NAME, ORG_NAME):  # peerdesk's own folder above the log's (~/.local/state/peerdesk)
        files.private_folder(folder.parent, parents=True)
    files.private_folder(folder, parents=True)
    path = folder / LOG_NAME
    root = logging.getLogger("peerdesk")
    root.setLevel(level)
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if Path(old.baseFilename) == path.resolve():
            return path
        root.removeHandler(old)
        old.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def current_log() -> Path | None:
    for h in logging.getLogger("peerdesk").handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler):
            return Path(h.baseFilename)
    return None
