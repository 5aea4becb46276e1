"""peerdesk: the peer challenge team's encrypted workspace."""

__version__ = "0.1.0"
APP_NAME = "peerdesk"
ORG_NAME = "peerdesk"
