"""The versions that matter when someone reports a problem."""

from __future__ import annotations

import platform
import sqlite3

import cryptography
import PySide6
import sqlcipher3
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk import __version__
from peerdesk.store import sqlcipher
from peerdesk.ui.kit.icons import app_icon


def versions() -> dict[str, str]:
    cipher = sqlcipher.cipher_version()
    return {
        "peerdesk": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "SQLCipher": cipher,
        "SQLite": sqlcipher3.sqlite_version,
        "cryptography": cryptography.__version__,
        "Python": platform.python_version(),
        "Python sqlite3 (unused)": sqlite3.sqlite_version,
    }


def about_text() -> str:
    rows = "".join(
        f"<tr><td style='color:#5b6570; padding-right:14px'>{k}</td><td>{v}</td></tr>"
        for k, v in versions().items()
        if "unused" not in k
    )
    return (
        "<h3>peerdesk</h3><p>The peer challenge team's encrypted workspace: interview notes, quotes, "
        "the post-it wall, insights and the presentation, on your own laptop.</p>"
        f"<table cellpadding='2'>{rows}</table>"
    )


def about_box(parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About peerdesk")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setIconPixmap(app_icon().pixmap(QSize(96, 96)))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
