"""Keeping the review safe: auto-lock, backups and restore, the names guard, passphrase, retention."""
