"""No module-level mutable state in peerdesk/: what a module binds at import time is a constant.

State that a module keeps (a cache, a registry of running tasks) is owned by nobody and invalidated by nothing;
it belongs to an object with an owner (the review session, the application). So every module-level assignment
must be a literal, a tuple, a ``frozenset``, a read-only ``MappingProxyType``, an expression over those, or a
call from the short list of constructors below whose results are constants.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "peerdesk"

# Calls whose results are constants: immutable values, compiled patterns, loggers (one per name, for ever),
# typing helpers, and Qt value types used only as read-only templates (Qt copies them on every use).
CONSTANT_CALLS = frozenset(
    {
        "frozenset",
        "tuple",
        "str",
        "encode",
        "join",  # str.join: a str
        "range",
        "MappingProxyType",
        "compile",  # re.compile
        "getLogger",
        "TypeVar",
        "timedelta",
        "relativedelta",
        "Pt",
        "Changes",
        "Path",
        "home",  # Path.home()
        "Preference",
        "QColor",
        "QModelIndex",
        "_font",  # a QFont built once for the wall's items
        "Rule",  # store/rules.py: a frozen dataclass
        "Kind",  # export/printing.py: a frozen dataclass naming a printable document
        "int",
        "ContextVar",  # export/textfit.py: a value per context (each build sets its own), not shared state
    }
)

# Module-level state tolerated for now, as ("module path under peerdesk/", "name"): each entry must name an
# assignment that exists and is still flagged, so the list empties as the code is fixed and never names what is gone.
# (Empty since exchange's _HEADER_KEYS, LABELS and ADDED_COLUMNS became a frozenset and MappingProxyTypes.)
PENDING: frozenset[tuple[str, str]] = frozenset()


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def is_constant(node: ast.expr) -> bool:
    if isinstance(node, (ast.Constant, ast.Name, ast.Attribute, ast.JoinedStr)):
        return True
    if isinstance(node, ast.Starred):
        return is_constant(node.value)
    if isinstance(node, ast.Tuple):
        return all(is_constant(e) for e in node.elts)
    if isinstance(node, ast.BinOp):
        return is_constant(node.left) and is_constant(node.right)
    if isinstance(node, ast.UnaryOp):
        return is_constant(node.operand)
    if isinstance(node, ast.Subscript):  # a type alias such as dict[str, int]
        return True
    if isinstance(node, ast.Call):
        return _call_name(node) in CONSTANT_CALLS  # its arguments are copied or frozen by the call
    return False  # dict, list, set and their comprehensions, other calls, lambdas...


def mutable_assignments(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if names == ["__all__"]:  # the module's export list, read by tools, never state
            continue
        if not is_constant(value):
            found.append((", ".join(names) or ast.unparse(targets[0]), node.lineno))
    return found


def flagged() -> set[tuple[str, str]]:
    """(module path under peerdesk/, name) of every module-level assignment the check does not take as constant."""
    return {
        (path.relative_to(PACKAGE).as_posix(), name)
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, _line in mutable_assignments(path)
    }


def constant_calls_used() -> set[str]:
    """The names of the calls that module-level assignments in peerdesk/ make."""
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            if value is not None:
                used |= {_call_name(call) for call in ast.walk(value) if isinstance(call, ast.Call)}
    return used


def test_no_module_binds_mutable_state() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        for name, line in mutable_assignments(path):
            if (relative, name) not in PENDING:
                offenders.append(f"peerdesk/{relative}:{line} {name}")
    assert offenders == [], "module-level mutable state:\n" + "\n".join(offenders)


def test_the_allow_lists_name_only_what_exists() -> None:
    stale = sorted(PENDING - flagged())
    assert stale == [], f"PENDING names what is gone or now constant (remove it): {stale}"
    unused = sorted(CONSTANT_CALLS - constant_calls_used())
    assert unused == [], f"CONSTANT_CALLS names calls no module-level assignment makes (remove them): {unused}"


def test_the_check_tells_constants_from_state(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "import re\nfrom types import MappingProxyType\n"
        "LIMIT = 10 * 1024\nKINDS = ('a', 'b')\nLABELS = MappingProxyType({'a': 'A'})\nWORD = re.compile('w')\n"
        "_cache = {}\n_running: set[int] = set()\nNAMES = ['x']\n",
        encoding="utf-8",
    )
    assert [name for name, _ in mutable_assignments(module)] == ["_cache", "_running", "NAMES"]
