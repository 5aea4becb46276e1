"""Sharing between team members: identities and roster, signed encrypted bundles, and merge."""
