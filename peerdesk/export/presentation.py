"""Build presentation: the confidentiality check, then the content, then the .pptx. Used by the UI and the CLI."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from peerdesk.export import confidentiality, content
from peerdesk.export.content import Deck
from peerdesk.services import identifiability
from peerdesk.services import insights as insight_service
from peerdesk.store.engine import Store

MAX_INSIGHTS = 6


@dataclass(frozen=True)
class Finding:
    """One line of the pre-flight report; ``blocking`` findings must be dealt with before the deck is built."""

    kind: str
    message: str
    blocking: bool = False


def flagged_quotes(store: Store) -> list[str]:
    """Ids of the quotes that could appear and that the confidentiality check or the identifiability guard flags."""
    candidates = content.candidate_quotes(store)
    flagged = set(confidentiality.flag_finder()(store, candidates))
    flagged |= identifiability.traceable_quote_ids(store) & set(candidates)
    return sorted(flagged)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def preflight(store: Store, template: Path | None = None) -> list[Finding]:
    """What the team should know before building: gaps in the content, quotes to decide, the template's quirks."""
    findings: list[Finding] = []
    rows = insight_service.list_insights(store)
    if not rows:
        findings.append(Finding("empty", "There are no insights yet: the deck would have no findings to present."))
    if len(rows) > MAX_INSIGHTS:
        findings.append(Finding("many", f"{len(rows)} insights: the handbook asks for four to six."))
    for kind, test, text in (
        ("statement", lambda r: not r.statement.strip(), "without a statement"),
        ("quotes", lambda r: r.quote_count == 0, "without an illustrating quote"),
        ("unchecked", lambda r: not r.evidence_checked, "with evidence not yet checked by the observer"),
    ):
        numbers = [str(r.number) for r in rows if test(r)]
        if numbers:
            findings.append(Finding(kind, f"{_plural(len(numbers), 'insight')} {text}: {', '.join(numbers)}."))
    candidates = content.candidate_quotes(store)
    traceable = identifiability.traceable_quote_ids(store) & set(candidates)
    undecided = {qid for qid, _ in confidentiality.undecided(store, flagged_quotes(store))}
    if traceable & undecided:
        findings.append(
            Finding(
                "traceable",
                f"{_plural(len(traceable & undecided), 'quote')} from a stakeholder group of fewer than "
                f"{identifiability.threshold(store)} people could identify who said it: decide keep or leave out.",
                blocking=True,
            )
        )
    if undecided - traceable:
        findings.append(
            Finding(
                "flagged",
                f"{_plural(len(undecided - traceable), 'quote')} flagged by the confidentiality check: "
                "decide keep or leave out.",
                blocking=True,
            )
        )
    from peerdesk.export import pptx as pptx_export  # python-pptx: loaded only when a template is read

    findings.extend(Finding("template", line) for line in pptx_export.template_findings(template))
    return findings


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
