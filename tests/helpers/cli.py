"""``peerdesk ARGS`` in a child process, as a user runs it from a terminal."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PASSPHRASE


def without_display(passphrase: str = PASSPHRASE) -> dict[str, str]:
    """This process's environment with no display at all (and no offscreen choice): a server or a cron job."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PEERDESK_PASSPHRASE"] = passphrase
    return env


def run_peerdesk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m peerdesk ARGS``; a hang fails the test at ``timeout`` instead of hanging the run."""
    return subprocess.run(
        [sys.executable, "-m", "peerdesk", *args],
        env=os.environ.copy() if env is None else env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
