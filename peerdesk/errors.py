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
