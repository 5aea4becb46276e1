from __future__ import annotations

import subprocess
import sys


def test_the_export_and_insight_service_load_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import peerdesk.export.presentation, peerdesk.export.pptx, peerdesk.services.insights\n"
        "assert not any(m.startswith('PySide6.') for m in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
