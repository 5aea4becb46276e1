"""A document's file opened from a private folder, removed afterwards."""

from __future__ import annotations

import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from peerdesk.ui.kit import private_files
from peerdesk.ui.kit.private_files import PREFIX, PrivateFolder


def test_files_go_to_one_private_folder_under_their_own_name_only() -> None:
    folder = PrivateFolder()
    first = folder.write("../../etc/agenda.pdf", b"%PDF-1.7")
    second = folder.write("", b"x")
    try:
        assert first.name == "agenda.pdf" and second.name == "document" and first.parent == second.parent
        assert first.parent.name.startswith(PREFIX)
        assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(first.stat().st_mode) == 0o600 and first.read_bytes() == b"%PDF-1.7"
    finally:
        folder.remove()
    assert not first.parent.exists() and folder.path is None


def test_removing_before_anything_was_written_is_harmless() -> None:
    folder = PrivateFolder()
    folder.remove()
    assert folder.path is None


def test_a_document_left_open_by_a_killed_peerdesk_is_removed_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    # A process that opens a document's file and dies before it can remove it (killed, or the power went).
    program = (
        "import os; from peerdesk.ui.kit.private_files import PrivateFolder; "
        "print(PrivateFolder().write('minutes.pdf', b'%PDF secret'), flush=True); os._exit(9)"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False)
    left = Path(done.stdout.strip())
    assert done.returncode == 9 and left.read_bytes() == b"%PDF secret" and left.parent.parent == tmp_path
    kept = tmp_path / "peerdesk-notes.txt"  # not one of ours: left alone
    kept.write_text("x")
    assert private_files.remove_stale() == 1
    assert not left.parent.exists() and kept.exists()
