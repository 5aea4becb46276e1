"""Headless commands for scripting, admins and tests. A stable contract: later features add subcommands.

Passphrases come from ``PEERDESK_PASSPHRASE`` when set, otherwise from a prompt. Exit 0 on success, 2 on a
user error with one line on stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from peerdesk import __version__
from peerdesk.errors import PeerdeskError, UserError
from peerdesk.services import review as review_service
from peerdesk.store.engine import Store

PASSPHRASE_ENV = "PEERDESK_PASSPHRASE"
log = logging.getLogger("peerdesk.cli")


class CliError(Exception):
    """Raised for a user error detected by the CLI itself (exit 2)."""


def read_passphrase(*, confirm: bool = False, prompt: str = "Passphrase: ") -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"No passphrase: set {PASSPHRASE_ENV} or run in a terminal to be asked.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise CliError("The two passphrases differ.")
    return first


def open_store(path: str) -> Store:
    return Store.open(Path(path), read_passphrase())


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


# --- commands -------------------------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    essentials = review_service.Essentials(
        authority=args.authority,
        focus=args.focus,
        me_name=args.me,
        me_role=args.role,
        visit_start=args.visit_start,
        visit_end=args.visit_end,
    )
    with review_service.create_review(Path(args.path), read_passphrase(confirm=True), essentials) as store:
        print(f"Created {store.path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from peerdesk.services import demo

    passphrase = os.environ.get(PASSPHRASE_ENV) or demo.DEFAULT_PASSPHRASE
    with demo.write_demo(Path(args.path), passphrase) as store:
        counts = review_service.info(store)
    print(
        f"Wrote the demo review to {args.path}: {counts['interviews']} interviews, {counts['quotes']} quotes, "
        f"{counts['postits']} post-its."
    )
    if PASSPHRASE_ENV not in os.environ:
        print(f"Its passphrase is: {demo.DEFAULT_PASSPHRASE}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with open_store(args.path) as store:
        facts = review_service.info(store)
    if args.json:
        print(json.dumps(facts, sort_keys=True))
    else:
        width = max(len(k) for k in facts)
        for key, value in facts.items():
            print(f"{key:<{width}}  {value}")
    return 0


def cmd_smoke_test(args: argparse.Namespace) -> int:
    from peerdesk.ui.smoke import smoke_test

    if args.review is None:
        return smoke_test(show=args.show)
    return smoke_test(Path(args.review), read_passphrase(), show=args.show)


Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerdesk",
        description="peerdesk: the peer challenge team's encrypted workspace. Without a command, starts the app.",
        epilog=f"The passphrase is read from {PASSPHRASE_ENV} when set, otherwise asked for.",
    )
    parser.add_argument("--version", action="version", version=f"peerdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("new", help="create a new review file")
    p.add_argument("path")
    p.add_argument("--authority", required=True, help="the host authority")
    p.add_argument("--focus", default="", help="the area of focus")
    p.add_argument("--me", required=True, help="your name")
    p.add_argument("--role", choices=review_service.ROLES, default="lead")
    p.add_argument("--visit-start", type=_date, help="Day 1 (YYYY-MM-DD)")
    p.add_argument("--visit-end", type=_date, help="Day 2 (YYYY-MM-DD)")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("demo", help="write the fictional demo review")
    p.add_argument("path")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("info", help="print a review's summary and counts")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser(
        "smoke-test",
        help="check this installation: open the demo review in an invisible window, close it, exit 0",
    )
    p.add_argument("--review", metavar="PATH", help="open this review instead of a fresh demo")
    p.add_argument("--show", action="store_true", help="use the real screen instead of an invisible one")
    p.set_defaults(handler=cmd_smoke_test)

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (PeerdeskError, CliError) as exc:
        print(f"peerdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("peerdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line, keep the details in the log only
        log.exception("unexpected error in %s", args.command)
        print(f"peerdesk: unexpected error ({type(exc).__name__}); see the log for details", file=sys.stderr)
        return 1


__all__ = ["UserError", "main"]
