"""Day 1 note taking: the notes editor with its question plan, scales, quotes and post-its."""
