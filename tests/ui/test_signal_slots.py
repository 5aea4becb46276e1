"""A button's ``clicked(bool)`` and an action's ``triggered(bool)`` pass ``checked`` to a slot that takes an argument.

PySide6 calls a slot with as many of the signal's arguments as it accepts, so ``clicked.connect(self.add_card)`` with
``def add_card(self, text=None)`` runs ``add_card(False)``: the "Add a card…" button of Team always failed that way.
This test reads every module of ``peerdesk/ui`` and fails on a connection of that shape; a slot that takes the
flag on purpose says so by annotating its first parameter ``bool``. Slots handed to a helper that connects them
(``self._action("Add slot…", self.add_slot)``) are followed through the helper's parameter.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "peerdesk" / "ui"
FLAG_SIGNALS = {"clicked", "triggered", "toggled"}


def _positional_after_self(fn: ast.FunctionDef) -> list[ast.arg]:
    args = [*fn.args.posonlyargs, *fn.args.args]
    return args[1:] if args and args[0].arg in ("self", "cls") else args


def _takes_the_flag_on_purpose(arg: ast.arg) -> bool:
    """``checked: bool`` (a toggle's state), or an item view's ``clicked(QModelIndex)``."""
    note = arg.annotation
    return isinstance(note, ast.Name) and note.id in ("bool", "QModelIndex", "Index")


def _methods(tree: ast.Module) -> dict[str, list[ast.FunctionDef]]:
    """Every function defined in the module, by name (methods of any class, nested helpers, module functions)."""
    found: dict[str, list[ast.FunctionDef]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            found.setdefault(node.name, []).append(node)
    return found


def _slot_name(target: ast.expr) -> str | None:
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
        return target.attr
    if isinstance(target, ast.Name):
        return target.id
    return None


def _flag_connections(tree: ast.Module) -> list[tuple[ast.Call, str]]:
    """Every ``<x>.clicked/triggered/toggled.connect(<slot>)`` call, with the signal's name."""
    found: list[tuple[ast.Call, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect":
            signal = node.func.value
            if isinstance(signal, ast.Attribute) and signal.attr in FLAG_SIGNALS and node.args:
                found.append((node, signal.attr))
    return found


def _helper_slots(tree: ast.Module) -> list[tuple[ast.expr, int, str]]:
    """Slots passed to a helper that connects its parameter: (the slot expression, line, signal)."""
    helpers: dict[str, tuple[int, str, str]] = {}  # helper name -> (position after self, parameter, signal)
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        params = [a.arg for a in _positional_after_self(fn)]
        for call, signal in _flag_connections(ast.Module(body=fn.body, type_ignores=[])):
            target = call.args[0]
            if isinstance(target, ast.Name) and target.id in params:
                helpers[fn.name] = (params.index(target.id), target.id, signal)
    found: list[tuple[ast.expr, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _slot_name(node.func) if isinstance(node.func, ast.Attribute | ast.Name) else None
        if name not in helpers:
            continue
        position, param, signal = helpers[name]
        given = [k.value for k in node.keywords if k.arg == param] or node.args[position : position + 1]
        found += [(g, node.lineno, signal) for g in given]
    return found


def flag_eating_connections(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    functions = _methods(tree)
    slots = [(call.args[0], call.lineno, signal) for call, signal in _flag_connections(tree)] + _helper_slots(tree)
    bad: list[str] = []
    for target, line, signal in slots:
        name = _slot_name(target)
        for fn in functions.get(name or "", []):
            params = _positional_after_self(fn)
            if params and not _takes_the_flag_on_purpose(params[0]):
                bad.append(f"{where}:{line}: {signal} → {name}({params[0].arg}=…) gets the checked flag")
    return bad


def test_the_scan_catches_the_team_dialog_bug() -> None:
    source = (
        "class D:\n"
        "    def __init__(self):\n"
        "        self.add_button.clicked.connect(self.add_card)\n"
        "    def add_card(self, text=None):\n"
        "        pass\n"
    )
    assert flag_eating_connections(source, "d.py") == ["d.py:3: clicked → add_card(text=…) gets the checked flag"]


def test_the_scan_accepts_a_slot_without_arguments_or_one_that_wants_the_flag() -> None:
    source = (
        "class D:\n"
        "    def __init__(self):\n"
        "        self.a.clicked.connect(self.go)\n"
        "        self.b.toggled.connect(self.show_it)\n"
        "        self.c.clicked.connect(lambda: self.add(None))\n"
        "    def go(self):\n"
        "        pass\n"
        "    def show_it(self, checked: bool):\n"
        "        pass\n"
        "    def add(self, text=None):\n"
        "        pass\n"
    )
    assert flag_eating_connections(source, "d.py") == []


def test_the_scan_follows_a_slot_through_a_helper_that_connects_it() -> None:
    source = (
        "class P:\n"
        "    def _action(self, text, slot, tip=''):\n"
        "        a = QAction(text)\n"
        "        a.triggered.connect(slot)\n"
        "    def build(self):\n"
        "        self._action('Next', self.open_next)\n"
        "    def open_next(self, now=None):\n"
        "        pass\n"
    )
    assert flag_eating_connections(source, "p.py") == ["p.py:6: triggered → open_next(now=…) gets the checked flag"]


def test_no_button_or_action_in_the_ui_passes_its_checked_flag_to_a_slot_that_expects_something_else() -> None:
    bad: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        bad += flag_eating_connections(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    assert bad == []
