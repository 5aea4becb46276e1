"""Typed errors below the UI: each one sentence a person can act on, grouped so callers catch the right family."""

from __future__ import annotations

from peerdesk import errors


def test_every_review_file_problem_is_a_peerdesk_error() -> None:
    for kind in (
        errors.WrongPassphrase,
        errors.NotAReview,
        errors.NewerSchema,
        errors.OlderSchema,
        errors.DamagedFile,
        errors.FileMissing,
        errors.FileUnreadable,
        errors.ReadOnlyReview,
        errors.DamagedWithBackup,
        errors.OpenElsewhere,
    ):
        assert issubclass(kind, errors.ReviewFileError) and issubclass(kind, errors.PeerdeskError)
    assert issubclass(errors.UserError, errors.PeerdeskError) and issubclass(errors.NotFound, errors.PeerdeskError)


def test_the_messages_name_the_file_and_what_to_do() -> None:
    assert "/r/a.peerdesk" in str(errors.FileMissing("/r/a.peerdesk"))
    assert (
        str(errors.NotAReview("/r/a.peerdesk", "it is a folder."))
        == "/r/a.peerdesk is not a peerdesk review: it is a folder."
    )
    assert "Close it there first" in str(errors.OpenElsewhere("/r/a.peerdesk"))
    assert "schema 0099" in str(errors.NewerSchema("/r/a.peerdesk", "0099"))


def test_damage_with_a_backup_names_the_backup_that_the_passphrase_opens() -> None:
    damaged = errors.DamagedWithBackup("/r/a.peerdesk", "/r/a.peerdesk.backups/b.peerdesk", "yesterday at 18:00")
    assert isinstance(damaged, errors.DamagedFile) and damaged.backup == "/r/a.peerdesk.backups/b.peerdesk"
    assert "backup made yesterday at 18:00" in str(damaged)
    assert str(errors.UserError("Pick a date.")) == "Pick a date."
