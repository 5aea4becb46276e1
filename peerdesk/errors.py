"""Typed errors raised below the UI. Each carries one sentence a person can act on.

The UI shows ``str(error)`` in a message box, the CLI prints it and exits 2. Anything that is not a
``PeerdeskError`` is a bug and is reported as such (logged, never shown as a traceback).
"""

from __future__ import annotations


class PeerdeskError(Exception):
    """An expected failure with a human message."""


class UserError(PeerdeskError):
    """The request itself was not acceptable (bad argument, missing field, weak passphrase...)."""


class ReviewFileError(PeerdeskError):
    """Opening a review file failed; the file was left untouched."""


class WrongPassphrase(ReviewFileError):
    def __init__(self, path: str) -> None:
        super().__init__(f"The passphrase is not right for {path}. Check it and try again.")


class NotAReview(ReviewFileError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path} is not a peerdesk review: {why}")


class NewerSchema(ReviewFileError):
    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            f"{path} was saved by a newer version of peerdesk (schema {revision}). "
            "Update peerdesk to open it; the file has not been changed."
        )


class OlderSchema(ReviewFileError):
    """The file opens only once upgraded, and the caller asked for it as it is (a backup being looked at)."""

    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            f"{path} was saved by an older version of peerdesk (schema {revision}); it has not been changed."
        )


class DamagedFile(ReviewFileError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(
            f"{path} is damaged ({why}). It has not been changed; restore it from a backup or ask a colleague "
            "for a bundle."
        )


class FileMissing(ReviewFileError):
    def __init__(self, path: str) -> None:
        super().__init__(f"There is no file at {path}.")


class NotFound(PeerdeskError):
    """A record the caller named does not exist (or was deleted)."""


class FileUnreadable(ReviewFileError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"peerdesk may not read {path}: this user has no permission to. Ask whoever manages this computer, "
            "or copy the file somewhere you own."
        )


class ReadOnlyReview(ReviewFileError):
    def __init__(self, path: str, what: str = "file") -> None:
        super().__init__(
            f"{path} cannot be opened for editing: the {what} is read-only. Make it writable (or copy it "
            "somewhere writable) and open it again; it has not been changed."
        )


class DamagedWithBackup(DamagedFile):
    """The passphrase does not open the file but opens one of its backups: the file, not the passphrase, is wrong."""

    def __init__(self, path: str, backup: str, made: str) -> None:
        self.backup = backup
        ReviewFileError.__init__(
            self,
            f"{path} is damaged: its first page no longer reads, although the passphrase is right (it opens the "
            f"backup made {made}). The file has not been changed; restore that backup (File ▸ Restore from backup…) "
            "or ask a colleague for a bundle.",
        )


class OpenElsewhere(ReviewFileError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} is open elsewhere (in another peerdesk window or program). Close it there first: a review "
            "has one writer at a time."
        )
