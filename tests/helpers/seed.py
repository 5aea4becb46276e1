"""A small, complete set of interview records written through the unit of work, with text easy to hunt for.

Each text carries made-up words that appear nowhere else ("quillfeather"…), so a test can grep decrypted pages,
logs or backups for them without false hits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.store.engine import Store
from peerdesk.store.models import (
    Conflict,
    GuardedName,
    Insight,
    InsightQuote,
    InsightTheme,
    Interview,
    InterviewQuestion,
    Note,
    PostIt,
    Quote,
    QuoteTag,
    ScaleAnswer,
    Slot,
    StakeholderGroup,
    Tag,
    Team,
    Theme,
    new_id,
)
from peerdesk.store.uow import UnitOfWork


@dataclass
class Seeded:
    interview_id: str = ""
    group_id: str = ""
    insight_id: str = ""
    note_ids: list[str] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)
    #: every text that must be gone after a purge
    secret_texts: list[str] = field(default_factory=list)
    #: texts that must survive a purge
    kept_texts: list[str] = field(default_factory=list)


NOTE_TEXTS = (
    "Quillfeather said the front door triage was slow on Mondays and the duty desk felt overwhelmed.",
    "Managers described a marrowvine rota that nobody trusted; supervision slipped when staff left.",
)
QUOTE_TEXTS = (
    "We are always firefighting, there is never a quiet glimmerpatch week in this team.",
    "Priya Patel told us the new practice model finally made sense to the thistledown crew.",
)
POSTIT_TEXTS = ("Rose: strong peer support in the lanternmoss team", "Thorn: caseloads too high in duskwillow")
THEME_HEADING = "Workload pressure at the brackenfold front door"
QUESTION_TEXT = "What helps you do your best work on a hollowbrook day?"
SCALE_REASON = "Because the fennelstream managers listen"
GUARDED = ("Priya Patel", "Tomasz Wrenfield")
INSIGHT_TEXT = "Leaders are trusted but the front door cannot keep pace with demand."


def seed(store: Store, *, notes: int = 2) -> Seeded:
    out = Seeded()
    with UnitOfWork(store) as uow:
        group = uow.add(StakeholderGroup, None, name="Social workers")
        team = uow.add(Team, None, name="Team A", room="Room 1")
        slot = uow.add(Slot, None, day=1, starts="09:45", ends="10:30")
        interview = uow.add(
            Interview, None, slot_id=slot.id, team_id=team.id, group_id=group.id, approach="appreciative"
        )
        out.interview_id, out.group_id = interview.id, group.id
        for i in range(notes):
            text = NOTE_TEXTS[i % len(NOTE_TEXTS)] + (f" ({i})" if i >= len(NOTE_TEXTS) else "")
            out.note_ids.append(uow.add(Note, None, interview_id=interview.id, body=text).id)
            out.secret_texts.append(text)
        tag = uow.add(Tag, None, name="workload")
        for text in QUOTE_TEXTS:
            q = uow.add(Quote, None, interview_id=interview.id, group_id=group.id, note_id=out.note_ids[0], text=text)
            out.quote_ids.append(q.id)
            uow.add(QuoteTag, None, quote_id=q.id, tag_id=tag.id)
            out.secret_texts.append(text)
        theme = uow.add(Theme, None, heading=THEME_HEADING)
        out.secret_texts.append(THEME_HEADING)
        for kind, text in zip(("rose", "thorn"), POSTIT_TEXTS, strict=True):
            uow.add(PostIt, None, kind=kind, text=text, theme_id=theme.id, quote_id=out.quote_ids[0])
            out.secret_texts.append(text)
        uow.add(InterviewQuestion, None, interview_id=interview.id, text=QUESTION_TEXT, asked=True)
        uow.add(ScaleAnswer, None, interview_id=interview.id, question="Morale", value=7, reason=SCALE_REASON)
        out.secret_texts += [QUESTION_TEXT, SCALE_REASON]
        for name in GUARDED:
            uow.add(GuardedName, None, name=name, kind="interviewee")
        out.secret_texts.append("Tomasz Wrenfield")
        insight = uow.add(Insight, None, statement=INSIGHT_TEXT)
        out.insight_id = insight.id
        out.kept_texts.append(INSIGHT_TEXT)
        uow.add(InsightQuote, None, insight_id=insight.id, quote_id=out.quote_ids[0])
        uow.add(InsightTheme, None, insight_id=insight.id, theme_id=theme.id)
        # A deleted note (a tombstone keeps its text) and a merge's losing copy of a note.
        gone = uow.add(Note, None, interview_id=interview.id, body="An early draft about the cobblewick panel.")
        uow.delete(gone)
        out.secret_texts.append("An early draft about the cobblewick panel.")
        uow.session.add(
            Conflict(
                id=new_id(),
                table_name="notes",
                row_id=out.note_ids[0],
                field="body",
                value="Losing edit mentioning the saltmarrow review board",
                version="0",
                winner_version="1",
            )
        )
        out.secret_texts.append("Losing edit mentioning the saltmarrow review board")
        uow.commit()
    return out


# The made-up words of the secret texts: what a search index would hold as tokens.
SECRET_WORDS = (
    "quillfeather", "marrowvine", "glimmerpatch", "thistledown", "lanternmoss", "duskwillow", "brackenfold",
    "hollowbrook", "fennelstream", "wrenfield", "cobblewick", "saltmarrow",
)  # fmt: skip
