"""The Overview tab: the review's essentials and planning answers."""
