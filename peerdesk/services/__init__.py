"""Use-cases in plain Python (no Qt): each takes an open ``Store`` and returns what changed."""
