"""The window around everything: main window, docks, menus, start screen, and the smoke test."""
