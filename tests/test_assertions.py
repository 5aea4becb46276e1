"""Every test can fail: each ``test_*`` function (tests and benches) asserts, expects an exception, waits for a
condition or a signal (``qtbot.waitUntil``/``waitSignal``…, which fail on time-out), or calls a helper whose name
says it checks (``assert_…``, ``check_…``). A test that only runs code passes whatever the code does."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# Calls that fail the test by themselves: pytest.raises/warns/fail and qtbot's assertNotEmitted, waitUntil,
# waitSignal, waitExposed... (a bare ``qtbot.wait(ms)`` only lets time pass: it checks nothing).
FAILING_CALLS = frozenset({"raises", "warns", "fail"})


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def checks_something(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in FAILING_CALLS or name.startswith(("assert", "check_")):
                return True
            if name.startswith("wait") and name != "wait":
                return True
    return False


def unchecked(path: Path) -> list[str]:
    """``path:line name`` of each test function in ``path`` that checks nothing."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(TESTS.parent) if path.is_relative_to(TESTS.parent) else path
    return [
        f"{where}:{node.lineno} {node.name}"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.name.startswith("test_")
        and not checks_something(node)
    ]


def test_every_test_checks_something() -> None:
    files = sorted([*TESTS.rglob("test_*.py"), *TESTS.rglob("bench_*.py")])
    assert len(files) > 100
    found = [line for path in files for line in unchecked(path)]
    assert found == [], "tests that check nothing:\n" + "\n".join(found)


def test_the_check_tells_a_test_that_can_fail_from_one_that_cannot(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    body = (
        "def test_asserts():\n    assert 1\n"
        "def test_raises():\n    with pytest.raises(ValueError):\n        int('x')\n"
        "def test_waits(qtbot):\n    qtbot.waitUntil(lambda: True)\n"
        "def test_helper():\n    assert_same(1, 1)\n"
        "def test_only_runs():\n    int('1')\n"
        "def test_only_sleeps(qtbot):\n    qtbot.wait(100)\n"
        "def helper_without_test_prefix():\n    pass\n"
    )
    sample.write_text(body, encoding="utf-8")
    names = [line.split()[-1] for line in unchecked(sample)]
    assert names == ["test_only_runs", "test_only_sleeps"]
