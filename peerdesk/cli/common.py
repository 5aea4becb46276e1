"""What every command shares: the passphrase, opening a review, reading a file the user names, one-line errors."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from peerdesk.files import read_at_most, reason

if TYPE_CHECKING:
    from peerdesk.store.engine import Store

PASSPHRASE_ENV = "PEERDESK_PASSPHRASE"

Handler = Callable[[argparse.Namespace], int]
# What ``add_subparsers`` returns; each group of commands adds its own to it.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


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
    from peerdesk.store.engine import Store

    store = Store.open(Path(path), read_passphrase())
    for note in store.recovery_notes:  # e.g. committed work a damaged WAL could not give back
        print(f"peerdesk: {note}", file=sys.stderr)
    return store


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


MAX_TEXT_FILE = 1024 * 1024  # a card or an invitation is a few kilobytes


def read_text(path: str, what: str) -> str:
    """A small text file given on the command line (a card, an invitation): at most ``MAX_TEXT_FILE`` bytes are
    read, so a huge file named by mistake is refused without filling memory."""
    from peerdesk.exchange.cards import with_article  # only the card commands read one: kept off --help's path

    try:
        data = read_at_most(Path(path), MAX_TEXT_FILE)
        if data is None:
            raise CliError(f"{path} is far too big to be {with_article(what)}.")
        return data.decode("utf-8")
    except FileNotFoundError:
        raise CliError(f"There is no {what} at {path}.") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise CliError(f"{path} is not {with_article(what)}.") from None
    except (OSError, ValueError) as exc:  # no permission, a pipe (which would never end), a name no file can have
        raise CliError(f"Could not read {path}: {reason(exc)}.") from None


def command(
    commands: Commands, name: str, handler: Handler, help: str, *positional: str, description: str | None = None
) -> argparse.ArgumentParser:
    """A command taking ``positional`` arguments (``"path"`` is the review file), run by ``handler``."""
    parser = commands.add_parser(name, help=help, description=description)
    for argument in positional:
        if ":" in argument:  # "name:METAVAR"
            dest, metavar = argument.split(":", 1)
            parser.add_argument(dest, metavar=metavar)
        else:
            parser.add_argument(argument)
    parser.set_defaults(handler=handler)
    return parser


def group(commands: Commands, name: str, help: str) -> Commands:
    """A command with actions of its own (``peerdesk bundle import …``): add the actions to what this returns."""
    return commands.add_parser(name, help=help).add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)


def json_flag(parser: argparse.ArgumentParser, help: str = "one JSON object") -> None:
    parser.add_argument("--json", action="store_true", help=help)
