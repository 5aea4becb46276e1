"""The versions that matter when someone reports a problem, and the About box that shows them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk import __version__
from peerdesk.ui.shell import about


def test_the_versions_name_peerdesk_qt_and_sqlcipher() -> None:
    found = about.versions()
    assert found["peerdesk"] == __version__
    assert found["SQLCipher"].startswith("4.") and found["Qt"].startswith("6.")


def test_the_about_text_leaves_out_what_peerdesk_does_not_use() -> None:
    text = about.about_text()
    assert "SQLCipher" in text and __version__ in text
    assert "unused" not in text


def test_the_about_box_has_its_title_and_the_text(qtbot: QtBot) -> None:
    box = about.about_box()
    qtbot.addWidget(box)
    assert box.windowTitle() == "About peerdesk" and box.text() == about.about_text()
    assert not box.iconPixmap().isNull()
