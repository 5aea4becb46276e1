"""Outputs the user asks for: the presentation (.pptx) and other exports. Never imports Qt."""
