"""The data layers know nothing of Qt: importing them with PySide6 blocked must work."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("Qt imported below peerdesk.ui: " + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib, peerdesk
for package in ("peerdesk.store", "peerdesk.services", "peerdesk.exchange", "peerdesk.export"):
    pkg = importlib.import_module(package)
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        importlib.import_module(info.name)
import peerdesk.cli
print("ok")
"""


def test_store_services_exchange_export_and_cli_do_not_import_qt() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
