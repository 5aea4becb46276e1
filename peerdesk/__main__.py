"""``peerdesk`` with no arguments starts the app; with a subcommand it runs the headless CLI.

``peerdesk FILE.peerdesk`` and ``peerdesk FILE.pdbundle`` (what a desktop runs on a double-click) start the app
with that file: a review asks for its passphrase, a bundle shows the start screen to choose the review it goes into.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from peerdesk import OPENABLE_SUFFIXES  # files the desktop hands to the app, not the CLI: no subcommand ends so
from peerdesk.files import is_file_here


def openable(arg: str) -> bool:
    return not arg.startswith("-") and Path(arg).suffix.lower() in OPENABLE_SUFFIXES


def app_runner() -> Callable[..., int]:
    """The app's ``run``: Qt and the app's modules are imported only when the app starts, never for the CLI."""
    from peerdesk.ui.shell.app import run

    return run


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or all(openable(a) for a in args):
        missing = [a for a in args if not is_file_here(Path(a))]
        if missing:
            print(f"peerdesk: no such file: {missing[0]}", file=sys.stderr)
            return 2
        import gc

        gc.disable()  # while the app starts: see ui.shell.app.collect_garbage_again, which turns it on again
        return app_runner()(sys.argv[:1], files=[Path(a).resolve() for a in args])
    from peerdesk.cli.app import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
