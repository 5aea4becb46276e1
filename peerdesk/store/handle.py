"""What the store's helpers (maintenance, rekey) need of an open review, without importing the engine.

``Store.open`` finishes work a kill interrupted (a purge, a passphrase change) through those helpers, so they
cannot import ``store.engine`` in turn: they are typed against this protocol, which ``Store`` satisfies.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from peerdesk.errors import UserError

MIN_PASSPHRASE = 10


class OpenReview(Protocol):
    @property
    def path(self) -> Path: ...

    @property
    def engine(self) -> Any: ...

    @property
    def write_lock(self) -> AbstractContextManager[Any]: ...

    def raw(self) -> Any: ...

    def meta(self, key: str, default: str = "") -> str: ...

    def forget_meta(self) -> None: ...

    def reconnect(self, passphrase: str, first: Any | None = None) -> None: ...


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.")
    if "\x00" in passphrase:
        raise UserError("The passphrase cannot contain a NUL character.")
