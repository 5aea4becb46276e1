"""The dock panels the main window builds: each with a stable name, a title and its own shortcut."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.shell.docks import panel_specs


def test_the_four_docks_in_their_order_with_distinct_names_and_shortcuts() -> None:
    specs = panel_specs()
    assert [s.title for s in specs] == ["Timetable", "Interview notes", "Quotes", "Insights"]
    assert len({s.object_name for s in specs}) == len({s.shortcut for s in specs}) == len(specs)
    assert all(s.object_name.startswith("dock-") for s in specs)


def test_every_dock_holds_a_panel() -> None:
    assert all(issubclass(s.factory, Panel) and issubclass(s.factory, QWidget) for s in panel_specs())
