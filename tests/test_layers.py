"""The layers: the data layers know nothing of Qt (importing them with PySide6 blocked must work), and every
import in peerdesk/ follows the order store ← exchange ← services ← export ← ui ← cli."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType

BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("Qt imported below peerdesk.ui: " + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib, peerdesk
for package in ("peerdesk.store", "peerdesk.services", "peerdesk.exchange", "peerdesk.export", "peerdesk.cli"):
    pkg = importlib.import_module(package)
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        importlib.import_module(info.name)
print("ok")
"""


def test_store_services_exchange_export_and_cli_do_not_import_qt() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# --- the layer order, for every import ------------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parents[1] / "peerdesk"

# Each part of peerdesk may import only from its own layer and those below it. The foundations (the package's
# __init__, errors, files, logs, roles) sit under everything. cli sits above ui: `peerdesk wall` renders the wall
# through Qt and `peerdesk smoke-test` opens the window, both imported inside the command so the other commands never
# load Qt.
LAYERS = (
    ("__init__", "errors", "files", "logs", "roles"),
    ("store",),
    ("exchange",),
    ("services",),
    ("export",),
    ("ui",),
    ("cli",),
    ("__main__",),
)
RANK = MappingProxyType({part: rank for rank, parts in enumerate(LAYERS) for part in parts})


def part_of(module: str) -> str:
    """The layer a dotted ``peerdesk...`` module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(path: Path) -> list[tuple[str, int]]:
    """Every peerdesk module ``path`` imports — at the top, inside functions or under TYPE_CHECKING."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.split(".")[0] == "peerdesk"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "peerdesk":
            found.append((str(node.module), node.lineno))
    return found


def test_every_import_follows_the_layer_order() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        own = relative.parts[0].removesuffix(".py")
        assert own in RANK, f"peerdesk/{relative} is in no layer: add its part to LAYERS"
        for module, line in imports_of(path):
            target = part_of(module)
            assert target in RANK, f"{module} is in no layer"
            if RANK[target] > RANK[own]:
                wrong.append(f"peerdesk/{relative}:{line} imports {module} ({own} is below {target})")
    assert wrong == [], "\n".join(wrong)


def test_the_order_check_sees_an_import_against_it(tmp_path: Path) -> None:
    module = tmp_path / "low.py"
    module.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from peerdesk.ui.kit.session import ReviewSession\n",
        encoding="utf-8",
    )
    ((imported, _),) = imports_of(module)
    assert RANK[part_of(imported)] > RANK["services"]
