"""What ``peerdesk print`` can print, by name: import-free, so that ``peerdesk --help`` offers them at once.

``export/printing.py`` checks at import that its documents are exactly these, so the two cannot drift.
"""

NAMES = ("timetable", "interview-sheets", "rtb-sheets", "insight-sheets", "workshop-sheets", "followup-sheet")
