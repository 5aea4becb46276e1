"""Build presentation: the confidentiality check, then the content, then the .pptx. Used by the UI and the CLI."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from peerdesk.export import confidentiality, content
from peerdesk.export.content import Deck, UndecidedQuotes
from peerdesk.store.engine import Store

__all__ = ["Deck", "UndecidedQuotes", "export_pptx", "flagged_quotes", "prepare"]


def flagged_quotes(store: Store) -> list[str]:
    """Ids of the quotes that could appear and that the confidentiality check flags."""
    return confidentiality.flag_finder()(store, content.candidate_quotes(store))


def prepare(store: Store, *, keep: Collection[str] = (), leave_out: Collection[str] = ()) -> Deck:
    """The deck's content after the check. ``keep``/``leave_out``: decisions made for this export only.

    Raises ``UndecidedQuotes`` naming the flagged quotes chosen for the slides that still need a decision.
    """
    flagged = set(flagged_quotes(store)) - set(keep)
    return content.gather(store, flagged=flagged, exclude=leave_out)


def export_pptx(
    store: Store,
    out: Path,
    *,
    template: Path | None = None,
    keep: Collection[str] = (),
    leave_out: Collection[str] = (),
    handout: bool = True,
) -> Path:
    from peerdesk.export import pptx as pptx_export  # python-pptx and lxml: loaded when a deck is built

    return pptx_export.build(prepare(store, keep=keep, leave_out=leave_out), out, template=template, handout=handout)
