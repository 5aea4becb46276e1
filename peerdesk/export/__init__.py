"""Outputs the user asks for (the presentation); plain Python, no Qt."""
