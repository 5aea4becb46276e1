"""The frozen app's entry point: the same ``main`` as the ``peerdesk`` command (app, file argument or CLI)."""

import sys

from peerdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
