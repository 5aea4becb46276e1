"""The steps every CI job shares, the same on Linux, macOS and Windows (.github/workflows/package.yml).

    python packaging/ci.py deps    # install peerdesk (editable) with its test and packaging extras, tools pinned
    python packaging/ci.py test    # the whole test suite, headless (ruff and mypy included), benchmarks left out

The platform steps after these are packaging/build.sh, packaging/linux/*, packaging/macos/* and
packaging/windows/*.ps1; docs/packaging.md describes them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> int:
    print("ci:", " ".join(args), flush=True)
    return subprocess.run(args, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).returncode


def main(argv: list[str]) -> int:
    if argv == ["deps"]:
        constraints = str(ROOT / "packaging" / "constraints.txt")
        return run(sys.executable, "-m", "pip", "install", "-c", constraints, "-e", ".[test,package]")
    if argv == ["test"]:
        return run(sys.executable, "-m", "pytest", "-q")
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
