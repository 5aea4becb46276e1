"""Importing the UI tells PySide6 that no module uses its ``__feature__`` options, so it reads no module's source."""

from __future__ import annotations

import linecache
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import peerdesk.ui

PACKAGE = Path(peerdesk.ui.__file__).resolve().parents[1]
FEATURE_IMPORT = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.MULTILINE)


def test_no_module_of_the_app_asks_for_pysides_feature_options() -> None:
    """What makes skipping PySide6's scan safe: with no module switching an option on, there is none to reset."""
    asking = [p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py") if FEATURE_IMPORT.search(p.read_text("utf-8"))]
    assert asking == []


def test_a_module_imported_after_the_ui_is_not_read_for_the_word_pyside6(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PySide6's scan reads a module's source through ``inspect``, which keeps what it read in ``linecache``. Its hook
    # sits on ``__import__``, which an ``import`` statement calls (``importlib.import_module`` does not).
    (tmp_path / "imported_after_the_ui.py").write_text("import PySide6.QtCore\nANSWER = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        module = __import__("imported_after_the_ui")
    finally:
        sys.modules.pop("imported_after_the_ui", None)
    assert module.ANSWER == 42
    assert str(tmp_path / "imported_after_the_ui.py") not in linecache.cache
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict.get("imported_after_the_ui") == 0  # Qt's own names, no option


def test_pyside_snake_case_still_works_where_a_module_asks_for_it(tmp_path: Path) -> None:
    """The options are still PySide6's to give: a module that asks for one gets it (none of ours does), and the
    modules that did not ask keep Qt's own names. In a process of its own: switching an option on changes how
    PySide6 looks up every Qt name for the rest of the process."""
    (tmp_path / "asks_for_snake_case.py").write_text(
        "from __feature__ import snake_case  # noqa\n"
        "from PySide6.QtCore import QObject\n"
        "def name_of(obj):\n    return obj.object_name()\n",
        encoding="utf-8",
    )
    program = (
        "import peerdesk.ui\n"
        "import asks_for_snake_case\n"
        "from PySide6.QtCore import QObject\n"
        "obj = QObject()\n"
        "obj.setObjectName('kept')\n"
        "print(asks_for_snake_case.name_of(obj), obj.objectName())\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(PACKAGE.parent)])}
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["kept", "kept"]
