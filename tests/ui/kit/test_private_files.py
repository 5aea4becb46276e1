"""A document's file opened from a private folder, removed afterwards."""

from __future__ import annotations

import stat

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
