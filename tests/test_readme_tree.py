"""The README's picture of the tree ("How it is built") names every package of peerdesk/ and every folder of
peerdesk/ui/, and no folder that is gone: a newcomer can trust it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "peerdesk"


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## How it is built")
    return text[start : text.index("\n## ", start + 1)]


def tree_lines() -> list[str]:
    """The lines of the section's ``peerdesk/`` tree, from ``peerdesk/`` to the first top-level folder after it."""
    lines = section().splitlines()
    start = lines.index("peerdesk/")
    end = next(i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" "))
    return lines[start + 1 : end]


def folders(level: int) -> set[str]:
    """The folder names the tree lists at an indentation of ``2 * level`` spaces."""
    indent = " " * (2 * level)
    found = set()
    for line in tree_lines():
        if line.startswith(indent) and not line.startswith(indent + " "):
            found |= set(re.findall(r"(\w+)/", line.split()[0]))
    return found


def packages(under: Path) -> set[str]:
    return {p.name for p in under.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def test_every_package_of_peerdesk_is_in_the_picture_and_nothing_else() -> None:
    assert folders(1) == packages(PACKAGE)


def test_every_folder_of_ui_is_in_the_picture_and_nothing_else() -> None:
    assert folders(2) == packages(PACKAGE / "ui")


def test_the_layer_order_in_the_picture_is_the_one_the_layering_test_enforces() -> None:
    from tests.test_layers import LAYERS

    order = [part for parts in LAYERS[1:] for part in parts]  # the foundations are named first, as a group
    picture = next(line for line in section().splitlines() if "←" in line)
    assert [w for w in re.findall(r"\w+", picture) if w in order] == order
