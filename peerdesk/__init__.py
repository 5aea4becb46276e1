"""peerdesk: the peer challenge team's encrypted workspace."""

__version__ = "0.1.0"
APP_NAME = "peerdesk"
ORG_NAME = "peerdesk"
REVIEW_SUFFIX = ".peerdesk"  # a review's own encrypted file
BUNDLE_SUFFIX = ".pdbundle"  # what members email each other (exchange.bundle.SUFFIX: a test checks they agree)
# The files the app opens: what a double-click or a drop hands over, here or to the running app.
OPENABLE_SUFFIXES = (REVIEW_SUFFIX, BUNDLE_SUFFIX)
