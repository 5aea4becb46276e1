"""The ``peerdesk`` command line: a stable contract for scripting, admins and tests; later features add commands.

Passphrases come from ``PEERDESK_PASSPHRASE`` when set, otherwise from a prompt. Exit 0 on success, 2 on a
user error with one line on stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import sys
from typing import TYPE_CHECKING

from peerdesk import __version__
from peerdesk.cli import outputs, review, sharing, survey
from peerdesk.cli.common import PASSPHRASE_ENV, CliError, Handler
from peerdesk.errors import PeerdeskError

if TYPE_CHECKING:
    import logging


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerdesk",
        description="peerdesk: the peer challenge team's encrypted workspace. Without a command, starts the app.",
        epilog=f"The passphrase is read from {PASSPHRASE_ENV} when set, otherwise asked for.",
    )
    parser.add_argument("--version", action="version", version=f"peerdesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in (review, sharing, outputs, survey):
        group.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    log = _start_logging()
    try:
        code = handler(args)
        log.info("command %s done", args.command)
        return code
    except (PeerdeskError, CliError) as exc:
        log.info("command %s refused: %s", args.command, type(exc).__name__)
        print(f"peerdesk: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file the command reads or writes: permissions, a full disk, a missing folder
        log.info("command %s refused: %s", args.command, type(exc).__name__)
        print(f"peerdesk: {file_problem(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("peerdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line, keep the details in the log only
        log.exception("unexpected error in %s", args.command)
        print(f"peerdesk: unexpected error ({type(exc).__name__}); see the log for details", file=sys.stderr)
        return 1


def file_problem(exc: OSError) -> str:
    """One sentence for a file the system would not let us read or write."""
    where = exc.filename or "a file"
    if isinstance(exc, PermissionError):
        return f"No permission to use {where}: check its permissions (or copy it somewhere you own)."
    if isinstance(exc, FileNotFoundError):
        return f"There is no file or folder at {where}."
    if isinstance(exc, IsADirectoryError):
        return f"{where} is a folder, not a file."
    if exc.errno == errno.EROFS:
        return f"{where} is on a read-only disk."
    if exc.errno == errno.ENOSPC:
        return f"The disk holding {where} is full; nothing was changed that could not be finished."
    return f"Could not use {where}: {exc.strerror or type(exc).__name__}."


def _start_logging() -> logging.Logger:
    import logging

    from peerdesk.logs import setup_logging

    with contextlib.suppress(OSError):  # a read-only home must not stop a headless command
        setup_logging()
    return logging.getLogger("peerdesk.cli")
