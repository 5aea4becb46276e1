"""The roles a member can have in a review.

A module of its own, importing nothing, so that the CLI's argument parser can offer the roles without loading the
services, the store and SQLAlchemy (``peerdesk --help`` must answer at once).
"""

ROLES = ("lead", "reviewer", "observer", "host-officer")
