"""Tests mirror the package: ``peerdesk/a/b.py`` has its tests in ``tests/a/test_b.py``.

A newcomer looking for the tests of a module finds them by name, and a module without its file stands out. Run
this file as a script (``python tests/test_mirror.py``) to list the modules still without one.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "peerdesk"
TESTS = ROOT / "tests"

# The share of modules that must have their mirror test file. Issue #21 asks for at least 90 %; the tree is above
# 97 %, and this keeps it there: a new module comes with its tests/<same path>/test_<module>.py.
THRESHOLD = 0.97


def modules() -> list[Path]:
    """Every module of the package except the ``__init__.py`` files, relative to ``peerdesk/``."""
    return sorted(p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")


def mirror_of(module: Path) -> Path:
    """Where the tests of ``module`` (relative to ``peerdesk/``) live."""
    return TESTS / module.parent / f"test_{module.name}"


def without_mirror() -> list[Path]:
    return [m for m in modules() if not mirror_of(m).is_file()]


def test_mirror_of_names_the_test_file_beside_the_same_folders() -> None:
    assert mirror_of(Path("store/engine.py")) == TESTS / "store" / "test_engine.py"
    assert mirror_of(Path("cli.py")) == TESTS / "test_cli.py"
    assert mirror_of(Path("ui/wall/items.py")) == TESTS / "ui" / "wall" / "test_items.py"


def test_modules_finds_the_package_but_not_its_init_files() -> None:
    found = modules()
    assert Path("store/engine.py") in found
    assert all(m.name != "__init__.py" for m in found)


def test_most_modules_have_their_mirror_test_file() -> None:
    found = modules()
    missing = without_mirror()
    share = (len(found) - len(missing)) / len(found)
    listed = "\n".join(f"  peerdesk/{m} -> {mirror_of(m).relative_to(ROOT)}" for m in missing)
    assert share >= THRESHOLD, f"{share:.0%} of modules have their mirror test file; without one:\n{listed}"


def test_test_files_that_share_a_name_are_imported_by_their_path() -> None:
    # Mirrored tests repeat basenames (tests/cli/test_survey.py, tests/services/test_survey.py); pytest's default
    # import mode would refuse to collect the second, so the whole suite depends on importing them by path.
    names = Counter(p.name for p in TESTS.rglob("test_*.py"))
    assert names["test_panel.py"] > 1
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "--import-mode=importlib" in options["addopts"]


if __name__ == "__main__":
    all_modules = modules()
    missing = without_mirror()
    mirrored = len(all_modules) - len(missing)
    print(f"{mirrored} of {len(all_modules)} modules ({mirrored / len(all_modules):.1%}) have their mirror test file")
    for m in missing:
        print(f"  peerdesk/{m} -> {mirror_of(m).relative_to(ROOT)}")
