"""Outputs the user asks for: the presentation, the workshop outcome, summaries. No Qt here."""
