"""Insights ("so what?") and building the presentation."""
