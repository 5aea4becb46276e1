"""A strength hint for a new passphrase: an estimate to guide people, not a gate (the length minimum is)."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

from peerdesk.store.handle import MIN_PASSPHRASE


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too short) .. 4 (strong)
    hint: str


def strength(passphrase: str) -> Strength:
    if len(passphrase) < MIN_PASSPHRASE:
        return Strength(0, f"Too short: use at least {MIN_PASSPHRASE} characters.")
    pools = [
        (string.ascii_lowercase, 26),
        (string.ascii_uppercase, 26),
        (string.digits, 10),
        (" ", 1),
    ]
    alphabet = sum(size for chars, size in pools if any(c in chars for c in passphrase))
    alphabet += 33 if any(not c.isalnum() and c != " " for c in passphrase) else 0
    distinct = len(set(passphrase))
    # Repeated characters add little: count the length as the distinct characters plus a fraction of repeats.
    effective = distinct + (len(passphrase) - distinct) * 0.3
    bits = effective * math.log2(max(alphabet, 2))
    if bits < 45:
        return Strength(1, "Weak: a few unrelated words make a longer, stronger passphrase.")
    if bits < 65:
        return Strength(2, "Fair: one or two more words would make it strong.")
    if bits < 85:
        return Strength(3, "Good.")
    return Strength(4, "Strong.")
