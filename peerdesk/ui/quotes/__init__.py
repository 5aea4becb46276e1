"""The quote tagger."""
