"""The roles a member can have; the module imports nothing, so ``peerdesk --help`` stays fast."""

from __future__ import annotations

import ast
from pathlib import Path

from peerdesk import roles
from peerdesk.store import rules


def test_the_four_roles_lead_first() -> None:
    assert roles.ROLES == ("lead", "reviewer", "observer", "host-officer")


def test_the_shared_rules_accept_exactly_these_roles() -> None:
    assert rules.ROLES is roles.ROLES


def test_the_module_imports_nothing() -> None:
    tree = ast.parse(Path(roles.__file__).read_text())
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) and n.module != "__future__"]
