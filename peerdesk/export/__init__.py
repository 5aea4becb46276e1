"""Outputs the user asks for: the presentation and other documents."""
