"""``peerdesk --version`` and ``--help`` answer before anything heavy is imported.

They are what an admin types first and what scripts call to check an install; the services, the store, SQLAlchemy
and Qt take most of a second to import. How fast they answer is measured in tests/bench/bench_startup.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "alembic", "sqlcipher3", "cryptography", "PySide6", "pptx", "peerdesk.store", "peerdesk.ui")
# Runs the command's own entry point, then lists the heavy modules that got imported.
PROBE = """
import sys
from peerdesk.__main__ import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))
print("IMPORTED", ",".join(heavy))
"""


def imported_by(*args: str) -> tuple[str, list[str]]:
    code = f"HEAVY = {HEAVY!r}\n{PROBE}"
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    output, _, listed = result.stdout.rpartition("IMPORTED ")
    return output, [m for m in listed.strip().split(",") if m]


@pytest.mark.parametrize(
    "args",
    [("--version",), ("--help",), ("-h",), ("new", "--help"), ("join", "--help"), ("bundle", "import", "--help")],
)
def test_version_and_help_import_nothing_heavy(args: tuple[str, ...]) -> None:
    output, heavy = imported_by(*args)
    assert output.strip(), "the command printed nothing"
    assert heavy == []


def test_help_still_offers_the_roles_without_loading_the_services() -> None:
    from peerdesk.services.review import ROLES

    output, heavy = imported_by("new", "--help")
    assert "{" + ",".join(ROLES) + "}" in output
    assert heavy == []


def test_a_real_command_still_loads_what_it_needs() -> None:
    # The probe itself can see heavy imports: a command that opens a review loads the store.
    _output, heavy = imported_by("info", "/nonexistent/review.peerdesk")
    assert "peerdesk.store" in heavy
