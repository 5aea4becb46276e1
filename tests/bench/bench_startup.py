"""How fast ``peerdesk --version`` and ``peerdesk --help`` answer, against a bare interpreter.

Figure: the median wall time of the installed ``peerdesk`` command (the console script next to this interpreter,
falling back to ``python -m peerdesk``) with ``--version``, and with ``--help``. Floor, measured in the same run,
interleaved: ``python -c pass`` with the same interpreter. Budget: ×3 the floor (issue #19; it was ×17).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bench.report import median, report

pytestmark = pytest.mark.bench
RUNS = 40


def peerdesk_command() -> list[str]:
    script = Path(sys.executable).with_name("peerdesk")
    if script.exists():
        return [str(script)]
    found = shutil.which("peerdesk")
    return [found] if found else [sys.executable, "-m", "peerdesk"]


def wall_ms(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_bench_startup(flag: str) -> None:
    command = [*peerdesk_command(), flag]
    bare = [sys.executable, "-c", "pass"]
    wall_ms(command)  # bytecode compiled and files cached before timing
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(RUNS):  # interleaved, so a busy moment on the machine hits both alike
        ours.append(wall_ms(command))
        floor.append(wall_ms(bare))
    result = report(
        "startup_" + flag.lstrip("-"),
        median(ours),
        median(floor),
        "ms",
        command=" ".join(Path(part).name for part in command),
        runs=RUNS,
    )
    assert result["ratio"] <= 3, f"peerdesk {flag} takes ×{result['ratio']} a bare interpreter (budget ×3)"
