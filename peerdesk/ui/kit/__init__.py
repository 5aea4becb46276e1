"""Shared pieces every area uses: the review session, the operation runner, messages, models, widgets."""
