"""peerdesk: the peer challenge team's encrypted workspace."""

__version__ = "0.1.0"
APP_NAME = "peerdesk"
ORG_NAME = "peerdesk"
# The files the app opens (a review, a bundle): what a double-click hands over, here or to the running app.
OPENABLE_SUFFIXES = (".peerdesk", ".pdbundle")
