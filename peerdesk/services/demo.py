"""The demo review: a realistic, entirely fictional peer challenge, stopped on Day 2 morning.

Eastmere Borough Council does not exist, nor do its people. Every sentence below was written for peerdesk.
The review is caught at the point the team is turning themes into insights: planning done, fifteen interviews
noted with their quotes, the evening's roses, thorns and buds on the wall and mostly grouped into themes, four
insights partly answered. No workshop yet, no follow-up.

The content is data (module-level tuples); ``write_demo`` builds it in one unit of work. Record ids are derived
from the review id (``uuid5``), so a demo file is the same every time apart from its ids, keys and clock stamps:
screenshots stay stable. ``scale`` > 1 adds copies of the interviews, notes, quotes and post-its for benchmarks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from peerdesk.exchange.identity import KeyPair, b64
from peerdesk.services import checklist, review
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    CandidateArea,
    Document,
    GuardedName,
    Insight,
    InsightQuote,
    InsightTheme,
    Interview,
    InterviewQuestion,
    Member,
    Meta,
    Note,
    PlanningAnswer,
    PostIt,
    Quote,
    QuoteTag,
    Review,
    ScaleAnswer,
    Shared,
    Slot,
    StakeholderGroup,
    Tag,
    Team,
    Theme,
)
from peerdesk.store.uow import UnitOfWork

DEFAULT_PASSPHRASE = "demo-passphrase-2026"

# --- the review and its planning ------------------------------------------------------------------------------

AUTHORITY = "Eastmere Borough Council"
FOCUS = "Early help and the front door"
# The dates the content was written against; the demo itself is placed relative to today (see write_demo).
DAY_1 = dt.date(2026, 3, 10)
DAY_2 = dt.date(2026, 3, 11)

REVIEW: Mapping[str, Any] = MappingProxyType(
    {
        "aim": (
            "To understand how children and families experience their first contact with Eastmere's services, and "
            "what leaders can do to make the route between early help and statutory help simpler, safer and more "
            "consistent."
        ),
        "key_question_1": (
            "How well do families get the right help at the right time when they first come to our attention?"
        ),
        "key_question_2": (
            "How well do early help, the front door and partners work together so that no child falls between services?"
        ),
        "key_question_3": (
            "What helps, and what gets in the way of, staff making consistent and confident threshold decisions?"
        ),
        "co_produced": True,
        "lead_officers": (
            "Priya Nandakumar, Head of Service for the Front Door (rooms, timetable, invitations); "
            "Martin Oyelaran, Early Help Strategic Lead (documents, partner contacts)"
        ),
    }
)

PLANNING: Mapping[str, str] = MappingProxyType(
    {
        "vision": (
            "Leaders want every family to get help from the first person they speak to: no wrong door, and no need "
            "to tell their story twice. In three years they hope early help and social care feel like one children's "
            "service, organised around localities and the family hubs."
        ),
        "culture": (
            "A warm, loyal workforce that pulls together under pressure. Relationships between individuals are "
            "strong; between services they are more formal. Leaders admit a habit of adding procedure after each "
            "serious incident."
        ),
        "strategy": (
            "The Early Help Strategy 2024–27; the family hubs programme (three open, two planned); the front door "
            "redesign finished in 2024; a grow-your-own social work plan. A new case management system goes live in "
            "the autumn."
        ),
        "mechanisms": (
            "Change goes through the Early Help Partnership Board and the children's improvement board. Most change "
            "so far came from restructures and new teams rather than practice development; a strengths-based "
            "practice model was launched in 2023."
        ),
        "leadership": (
            "A stable senior team (director in post for four years). Direction is set at an annual conference and "
            "monthly all-staff briefings; accountability through a weekly performance meeting. Leaders want to know "
            "whether their messages reach front-line staff and partners."
        ),
        "interviewees": (
            "Front door and MASH staff; early help practitioners and hub coordinators; social workers and team "
            "managers; police, health and schools; foster and kinship carers; young people in care and care leavers; "
            "parents who have had early help; elected members; the senior leadership team."
        ),
        "approaches": (
            "Appreciative inquiry with carers, young people and early help staff, to find what works; ethnographic "
            "walk-throughs at the front door and with parents; solution-focused scaling with partners and elected "
            "members; transformational learning with social workers and managers."
        ),
        "documents_needed": (
            "Early help strategy; front door procedures; threshold guidance; the latest quarterly performance report; "
            "any recent audit of referrals and step-down."
        ),
        "vision_promoted": (
            "A launch event for managers, a one-page summary on the intranet and in the hubs, and the director's "
            "monthly video. Partners heard about it at the partnership board; families have not been asked."
        ),
        "culture_change": (
            "The practice model is backed by training and practice weeks; leaders know that the habit of adding "
            "procedure is the harder thing to shift and have asked the team to look at it."
        ),
        "visiting_dcs": "Ruth Abernethy",
        "observer_dcs": "Anita Rowe",
        "self_assessment_sent": "yes",
        "data_set_sent": "yes",
    }
)

# (name, pros, cons, chosen)
CANDIDATE_AREAS: tuple[tuple[str, str, str, bool], ...] = (
    (
        FOCUS,
        "The front door redesign is two years old and ready for a fresh look; partners are keen to take part; "
        "it connects to the family hubs programme.",
        "Broad: it touches many teams. Possible overlap with the safeguarding partnership's own audit in spring.",
        True,
    ),
    (
        "Permanence for children in care",
        "Clear data on drift; a strong, organised voice of young people through the Children in Care Council.",
        "The last inspection looked closely at this; partners have less appetite for it.",
        False,
    ),
    (
        "Recruiting and keeping social workers",
        "The top risk on the corporate register; staff want to talk about it.",
        "Driven largely by the regional market; few levers within the service; could become a review about pay.",
        False,
    ),
)

# (title, kind, received, reading notes)
DOCUMENTS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Early Help Strategy 2024–2027",
        "strategy",
        "2026-02-16",
        "Clear ambition for 'one service'. Lots on hubs, little on how step-up and step-down work day to day. "
        "Outcome measures are mostly activity counts.",
    ),
    (
        "Front door and MASH operating procedures (v3.2)",
        "policy",
        "2026-02-16",
        "Thorough, 48 pages. The 8.30 joint triage is well described. The 5pm handover to the emergency duty "
        "team gets one paragraph. Ask how staff use it in practice.",
    ),
    (
        "Continuum of need: threshold guidance for partners",
        "policy",
        "2026-02-20",
        "Four levels, with examples. Last updated 2022, before the hubs opened. Worth asking schools whether "
        "they use it.",
    ),
    (
        "Children's services performance report, Q3 2025/26",
        "report",
        "2026-02-24",
        "Contacts up 12% on last year; re-referrals at 24% (19% a year ago). Timeliness strong. Nothing on what "
        "happens to families after step-down.",
    ),
)

# --- the team ---------------------------------------------------------------------------------------------------

# (key, name, role). The first is the lead, who creates the file; the others exist here only as public keys.
# Seven, not six: three rooms need three interviewing pairs, and the observer joins only at 16.30 on Day 1.
MEMBERS: tuple[tuple[str, str, str], ...] = (
    ("ruth", "Ruth Abernethy", "lead"),
    ("jo", "Jo Castellane", "reviewer"),
    ("samir", "Samir Okafor", "reviewer"),
    ("claire", "Claire Penhaligon", "reviewer"),
    ("tom", "Tom Whitlock", "reviewer"),
    ("gareth", "Gareth Lloyd-Evans", "host-officer"),
    ("anita", "Anita Rowe", "observer"),
)
LEAD_NAME = MEMBERS[0][1]

# Names the non-attribution guard should catch: host staff and people named in interviews.
GUARDED_NAMES: tuple[tuple[str, str], ...] = (
    ("Priya Nandakumar", "staff"),
    ("Martin Oyelaran", "staff"),
    ("Dawn Ellery", "staff"),
    ("Lorraine Pattison", "interviewee"),
    ("Kez", "interviewee"),
)

# --- Day 1: timetable -------------------------------------------------------------------------------------------

# (key, name)
GROUPS: tuple[tuple[str, str], ...] = (
    ("leaders", "Senior leaders"),
    ("social_workers", "Social workers"),
    ("managers", "Team managers"),
    ("front_door", "Front door and MASH staff"),
    ("early_help", "Early help practitioners"),
    ("partners", "Partners (police, health, schools)"),
    ("foster_carers", "Foster and kinship carers"),
    ("young_people", "Young people"),
    ("parents", "Parents and carers"),
    ("members", "Elected members"),
)

# (key, name, room)
TEAMS: tuple[tuple[str, str, str], ...] = (
    ("a", "Team A", "Committee Room 2, Civic Centre"),
    ("b", "Team B", "Meeting Room 4, Civic Centre"),
    ("c", "Team C", "Upstairs room, Northgate Family Hub"),
)

SLOTS: tuple[tuple[str, str], ...] = (
    ("09:45", "10:30"),
    ("10:45", "11:30"),
    ("11:45", "12:30"),
    ("13:30", "14:15"),
    ("14:30", "15:15"),
)

TAGS: Mapping[str, str] = MappingProxyType(
    {
        "front_door": "front door",
        "early_help": "early help",
        "thresholds": "thresholds",
        "relationships": "relationships",
        "voice": "voice of children and families",
        "partners": "partnership",
        "systems": "systems and paperwork",
        "workforce": "workforce",
        "leadership": "leadership",
    }
)


@dataclass(frozen=True)
class Said:
    """A verbatim quote, written into the note as its own line: ``lead`` then the text in double quotes."""

    text: str
    kind: str = ""
    star: bool = False
    tags: tuple[str, ...] = ()
    ref: str = ""  # a name post-its and insights use to point at this quote
    lead: str = "- "


@dataclass(frozen=True)
class Scale:
    question: str
    value: int
    reason: str


@dataclass(frozen=True)
class Asked:
    text: str
    asked: bool = True
    closing: bool = False


@dataclass(frozen=True)
class InterviewSpec:
    key: str
    slot: int
    team: str
    group: str
    approach: str
    attendees: int
    title: str
    interviewer: str
    note_taker: str
    note: tuple[str | Said, ...]
    scales: tuple[Scale, ...] = ()
    questions: tuple[Asked, ...] = ()


def said(
    text: str, kind: str = "", *, star: bool = False, tags: Iterable[str] = (), ref: str = "", lead: str = "- "
) -> Said:
    return Said(text, kind, star, tuple(tags), ref, lead)


# fmt: off
INTERVIEWS: tuple[InterviewSpec, ...] = (
    # --- 09:45 ---------------------------------------------------------------------------------------------------
    InterviewSpec(
        "leaders", 0, "a", "leaders", "appreciative", 4, "Senior leadership team", "ruth", "jo",
        (
            "Senior leaders: director, two assistant directors, head of early help. 4 attending.",
            "Approach: appreciative inquiry. Opened with a time they were proud of the front door.",
            "- Proud of the move to a single front door two years ago; before that, three separate referral routes.",
            "- Call it a 'bold' decision, taken with very little extra money.",
            said("We brought everyone under one roof and the phones stopped ringing off the hook within a month.",
                 "rose", star=True, tags=("front_door",), ref="one-roof"),
            "- Early help budget protected in the last two savings rounds; they see it as a statement of intent.",
            said("Protecting early help was the hardest argument I have won in this building.",
                 "rose", tags=("early_help", "leadership"), ref="protected"),
            "- Acknowledge re-referrals have crept up (24%, from 19%).",
            "- Think the cause is capacity in family support rather than decisions at the front door.",
            "Observation: they finished each other's sentences; clearly a close team.",
            "- Asked how staff would describe the vision: a pause before anyone answered.",
            said("I think if you asked a social worker on duty what our vision is, they might struggle, and that's "
                 "on us.", "thorn", star=True, tags=("leadership",), ref="vision"),
            "- Want the review to tell them whether schools understand the early help offer.",
            "- Hope for three years' time: 'no family tells their story more than once'.",
            said("If a family has to tell their story three times, we have failed them twice.",
                 "bud", tags=("voice",), ref="twice"),
            "Scale: how confident are you that thresholds are applied consistently? 6, 7, 5, 6.",
            "- Reasons: audits are good, but managers vary on duty days.",
            "- New case management system goes live in the autumn; some anxiety about the timing.",
            "Closing: what one thing should we not miss? 'Talk to the hub coordinators.'",
        ),
        scales=(Scale("How confident are you that thresholds are applied consistently?", 6,
                      "Audits are reassuring, but decisions vary with the manager on duty."),),
    ),
    InterviewSpec(
        "sw_assessment", 0, "b", "social_workers", "transformational", 7, "Social workers: assessment teams",
        "samir", "gareth",
        (
            "Social workers, assessment teams. 7 attending (3 newly qualified, 4 with five years or more).",
            "Approach: transformational learning. Asked about a moment that changed how they practise here.",
            "- Several joined during the restructure; 'sink or swim' for the first six months.",
            "- Newly qualified staff very positive about their first-year programme and protected caseloads.",
            said("My first-year caseload was protected properly, which my friends in other councils can't believe.",
                 "rose", tags=("workforce",), ref="protected-caseload"),
            "- Experienced workers: caseloads now 22–26 children; say they were 16–18 two years ago.",
            said("We spend more time feeding the system than sitting with families.",
                 "thorn", star=True, tags=("systems", "workforce"), ref="feeding"),
            "- Lots of nodding around the table; one person quiet throughout.",
            "- Transfers from the front door: referrals arrive 'thin'; they rebuild the chronology themselves.",
            said("Half the time I ring the school to find out what the referral actually means.",
                 "thorn", tags=("front_door", "partners"), ref="ring-school"),
            "- Management oversight described as good but rushed; supervision often moved.",
            "- Asked what they had unlearned: 'that early help is the soft option'.",
            said("Early help workers know these families better than we ever will, we should be asking them first.",
                 "bud", star=True, tags=("early_help", "relationships"), ref="ask-early-help"),
            "- Senior leaders visible at big events, less so on the floor.",
            "Scale: how well does the handover from the front door work? 4 (range 3 to 6).",
            "- Good when the experienced MASH manager is on duty, patchy otherwise.",
            "- One participant named a manager; the name is not recorded here.",
            "Closing: what would you change tomorrow? One chronology that travels with the family.",
        ),
        scales=(Scale("How well does the handover from the front door to assessment work?", 4,
                      "Good with an experienced manager on duty; referrals often arrive without enough detail."),),
        questions=(
            Asked("Tell us about a moment that changed how you practise here."),
            Asked("What did you have to unlearn when you joined Eastmere?"),
            Asked("How does a case reach you from the front door?"),
            Asked("What would a new starter need to know that nobody tells them?", asked=False),
            Asked("If you could change one thing tomorrow, what would it be?", closing=True),
        ),
    ),
    InterviewSpec(
        "carers", 0, "c", "foster_carers", "appreciative", 8, "Foster and kinship carers", "claire", "tom",
        (
            "Foster carers: 8 attending, fostering for between 2 and 19 years; two are kinship carers.",
            "Approach: appreciative. Asked for a time the council got it right for a child in their care.",
            "- Warm stories about the out-of-hours line: someone always answers.",
            said("I rang at two in the morning and the person on the end of the phone already knew the child's "
                 "name.", "rose", star=True, tags=("relationships",), ref="two-am"),
            "- Supervising social workers praised: 'they fight our corner'.",
            "- Less positive about children's social workers changing: one child has had five in three years.",
            said("Every new social worker means my lad has to start again with a stranger.",
                 "thorn", tags=("workforce", "voice"), ref="stranger"),
            "- Carers often notice early signs in birth families (siblings still at home) but don't know who to tell.",
            "- Didn't know early help was a separate service; thought it meant 'the family centres'.",
            said("Nobody has ever asked us what we see when we take the kids to contact.",
                 "bud", tags=("early_help", "voice"), ref="contact"),
            "- Training liked, especially the trauma-informed sessions run with the virtual school.",
            "- Kinship carers feel less supported than other carers: fewer visits, less training.",
            said("As a kinship carer you are grateful for anything, and they know it.",
                 "thorn", tags=("workforce",), ref="kinship"),
            "Observation: a strong community; they arrived together and finished early to share a lift.",
            "- Suggestion: a carers' representative on the early help partnership.",
            "Closing: one word for fostering in Eastmere: 'family', 'tiring', 'proud', 'stretched'.",
        ),
    ),
    # --- 10:45 ---------------------------------------------------------------------------------------------------
    InterviewSpec(
        "mash", 1, "a", "front_door", "ethnographic", 6, "Front door and MASH", "jo", "ruth",
        (
            "Front door and MASH: 6 attending. Two social workers, a consultation line worker, police and health "
            "MASH staff, a business support officer.",
            "Approach: ethnographic. Asked them to walk us through yesterday, call by call.",
            "- The day starts at 8.30 with the joint triage; the police list of overnight incidents comes first.",
            "- Around 90 contacts a day; about a third become referrals.",
            "- Schools value the consultation line; calls can wait 20 minutes at peak times.",
            said("The consultation line is the best thing we do and the thing we staff the least.",
                 "rose", star=True, tags=("front_door", "workforce"), ref="consultation"),
            "- Showed us the RAG board on the wall; health information often arrives after the decision.",
            said("By the time the health check comes back, we have already made the decision without it.",
                 "thorn", tags=("partners", "systems"), ref="health-check"),
            "- Step-down to early help: they send the form, then 'it goes into a black hole'.",
            said("We send it over to early help and we never hear whether the family took it up.",
                 "thorn", star=True, tags=("early_help", "front_door"), ref="black-hole"),
            "- Business support officer re-keys the same details into three systems.",
            "- Observed: a lot of humour and mutual support; the police officer had brought cakes.",
            said("We are a team because we have to be, we would sink otherwise.",
                 "rose", tags=("relationships",), ref="sink"),
            "- Praise for the MASH manager by name (Dawn Ellery); keep the name out of any quote.",
            "- The threshold document is 'too long to use in the moment'; they use a one-page version a manager "
            "made.",
            "Scale: how confident are you in threshold decisions? 7, 8, 6, 7, 5, 7.",
            "- Less confident at 5pm on a Friday, or when one duty manager covers two rotas.",
            "Closing: what should leaders see? 'Come and sit with us on a Monday morning.'",
        ),
        scales=(Scale("How confident are you in threshold decisions at the front door?", 7,
                      "Confident most days; less so late on a Friday or when one manager covers two rotas."),),
    ),
    InterviewSpec(
        "police_health", 1, "b", "partners", "solution-focused", 5, "Partners: police and health", "gareth", "samir",
        (
            "Partners, police and health: 5 attending. A police public protection sergeant, two health visitors, "
            "the school nursing lead, a GP safeguarding lead.",
            "Approach: solution-focused. Began with: the front door works perfectly tomorrow, what is different?",
            "- 'I'd get a call back the same day': everyone agreed.",
            said("In a perfect world I would know what happened to my referral without having to chase it.",
                 "bud", tags=("partners",), ref="perfect-world"),
            "- Health visitors: strong links with the family hubs at a local level.",
            "- GPs rarely invited to strategy discussions; they hear about decisions from the parent.",
            said("I find out from mum that there was a strategy meeting about her baby.",
                 "thorn", star=True, tags=("partners", "voice"), ref="from-mum"),
            "- Police: the 8.30 joint triage is seen as good practice; a neighbouring area has copied it.",
            said("The morning triage is the one meeting I would never cancel.",
                 "rose", tags=("front_door", "partners"), ref="triage"),
            "- Scaling: where are we now, towards that perfect front door? 5, 6, 4, 5, 6.",
            "- What would move it up one point? A named contact in each hub; feedback on referrals.",
            "- Health's records system doesn't talk to the council's; lots of secure email.",
            said("We share everything and we learn nothing back.",
                 "thorn", star=True, tags=("partners", "systems"), ref="learn-nothing"),
            "- Most had not heard of the early help strategy; one had seen a presentation at a board.",
            "Observation: warm about individuals, guarded about 'the council' as an organisation.",
            "Closing: one small thing that would help? A weekly list of closed referrals and what happened.",
        ),
        scales=(Scale("Where are we now, towards a front door that works perfectly for partners?", 5,
                      "Good personal relationships and a strong morning triage, but little feedback on referrals."),),
        questions=(
            Asked("Imagine the front door works perfectly for you tomorrow. What is different?"),
            Asked("On a scale of 0 to 10, where are we now towards that?"),
            Asked("What is already working that stops it being lower?"),
            Asked("What would move it up by one point?"),
            Asked("Is there anything we have not asked that we should have?", closing=True),
        ),
    ),
    InterviewSpec(
        "early_help", 1, "c", "early_help", "appreciative", 9, "Early help practitioners", "tom", "claire",
        (
            "Early help practitioners: 9 attending. Family support workers, two hub coordinators, a parenting "
            "practitioner.",
            "Approach: appreciative. What are you most proud of in the last year?",
            "- Three family hubs opened; drop-in sessions are busy.",
            said("Families walk in because their friend told them we are not social services.",
                 "rose", star=True, tags=("early_help", "relationships"), ref="walk-in"),
            "- Proud of a parenting group run with the local football club.",
            "- Referrals from the front door arrive with very little context.",
            said("We get a name, an address and the word 'parenting', and that's the referral.",
                 "thorn", tags=("front_door",), ref="parenting"),
            "- Feel valued by senior leaders (budget protected), less so by some social work teams.",
            said("Some social workers still see us as the people who do the easy cases.",
                 "thorn", tags=("early_help", "workforce"), ref="easy-cases"),
            "- Step-up to social care is slow; they hold cases 'that should have gone up weeks ago'.",
            "- Want access to the social care records; two of them have read-only access.",
            said("If we could see the history, we would stop asking families the same painful questions.",
                 "bud", star=True, tags=("systems", "voice"), ref="history"),
            "- A clear shared purpose: 'relationship first'.",
            "Scale: how much do you feel part of one children's service? 5 (range 3 to 7).",
            "- Higher in the hub where a social worker sits with them one day a week.",
            "- That co-location pilot in the north hub came up three times without prompting.",
            "Closing: ten minutes with the director? 'Make the north hub model the norm.'",
        ),
        scales=(Scale("How much do you feel part of one children's service?", 5,
                      "Much more in the hub where a social worker sits with the team one day a week."),),
    ),
    # --- 11:45 ---------------------------------------------------------------------------------------------------
    InterviewSpec(
        "managers", 2, "a", "managers", "transformational", 6, "Team managers", "ruth", "jo",
        (
            "Team managers: 6 attending, from assessment, the front door, child in need and early help.",
            "Approach: transformational learning. What assumption about your work has changed in the last year?",
            "- 'That more process means more safety': said by two, the others agreed.",
            said("We added a form every time something went wrong, and now nobody reads the forms.",
                 "thorn", star=True, tags=("systems",), ref="forms"),
            "- Managers cover duty on a rota; some weeks that is three days out of five.",
            "- Supervision: they try to protect it, but it is 'the first thing to go'.",
            said("I cancel supervision to manage the crisis, and the crisis happens because I cancelled "
                 "supervision.", "thorn", star=True, tags=("workforce",), ref="supervision"),
            "- The senior team listens, but decisions arrive 'fully formed'.",
            "- Threshold conversations between early help and social care managers work well face to face.",
            said("When I can walk over to the early help manager, we sort it in five minutes.",
                 "rose", tags=("relationships", "thresholds"), ref="walk-over"),
            "- Hybrid working has made those conversations rarer.",
            "- Performance meetings are about timeliness; little talk about the quality of the work.",
            said("We are very good at counting and not very good at noticing.",
                 "thorn", tags=("leadership", "systems"), ref="counting"),
            "Observation: thoughtful and candid; one manager visibly upset talking about staff who had left.",
            "- Idea raised: a weekly early help and social care huddle in each locality.",
            "Closing: what do you need from leaders? Time to think, and permission to stop doing some things.",
        ),
    ),
    InterviewSpec(
        "cicc", 2, "b", "young_people", "appreciative", 5, "Young people: Children in Care Council",
        "samir", "gareth",
        (
            "Young people: 5 members of the Children in Care Council, aged 13 to 17, with their participation "
            "worker.",
            "Approach: appreciative and informal, over pizza. Asked about a worker who made a difference.",
            "- All could name a worker who 'actually listened'; names not written down.",
            said("She remembered my birthday and that I hate mushrooms, small things but it matters.",
                 "rose", star=True, tags=("relationships", "voice"), ref="mushrooms"),
            "- Changes of worker the biggest frustration, again.",
            said("I have had so many workers I just call them all by their job now.",
                 "thorn", tags=("workforce", "voice"), ref="by-their-job"),
            "- Meetings about them are 'full of adults talking in code'.",
            "- Mixed experience of reviews: some chair their own, others never get to speak.",
            said("They ask what I think at the end when everything is already decided.",
                 "thorn", star=True, tags=("voice",), ref="at-the-end"),
            "- Proud of the pledge they helped write; want to know whether anyone checks it.",
            "- Would like to sit on interview panels for new social workers (some have, and enjoyed it).",
            said("Let us help choose who works with us, we can tell in five minutes.",
                 "bud", tags=("voice", "workforce"), ref="panels"),
            "- Little awareness of early help; one said their family had it before care and 'it was good but "
            "stopped'.",
            "Observation: the participation worker is clearly trusted; they looked to her before answering.",
            "Closing: one thing for the director? 'Come to one of our meetings, not just the awards night.'",
        ),
    ),
    InterviewSpec(
        "parents", 2, "c", "parents", "ethnographic", 4, "Parents who have had early help", "claire", "tom",
        (
            "Parents and carers: 4 attending, all had early help in the last 18 months; one also had a child "
            "protection plan.",
            "Approach: ethnographic. Asked each to tell the story of their first contact, from the beginning.",
            "- First contact through school (2), the health visitor (1), a walk-in at a family hub (1).",
            "- The walk-in parent: 'I came for the baby group and left with a worker'.",
            said("Nobody made me feel like a bad mum for asking.",
                 "rose", star=True, tags=("early_help", "voice"), ref="bad-mum"),
            "- The parent with a child protection plan: the first call felt like an accusation.",
            said("The first phone call felt like I was already guilty, and I had rung them for help.",
                 "thorn", star=True, tags=("front_door", "voice"), ref="guilty"),
            "- All four talked about telling their story again and again.",
            said("I told my story to four different people in two weeks and not one of them had read the last one.",
                 "thorn", tags=("systems", "voice"), ref="four-people"),
            "- Praise for family support workers' practical help: housing forms, school meetings.",
            "- Unsure who is who: early help, social care, 'the hub', 'the MASH'.",
            said("I still don't know the difference between the hub and social services, I just know who to text.",
                 tags=("relationships",), ref="who-to-text"),
            "- When early help ended they wanted the door left open; some had that, some didn't.",
            "Observation: nervous at first; relaxed once we explained that nothing would be attributed.",
            "Closing: what would make the first contact better? 'Tell me what happens next, and when.'",
        ),
    ),
    # --- 13:30 ---------------------------------------------------------------------------------------------------
    InterviewSpec(
        "councillors", 3, "a", "members", "solution-focused", 3, "Elected members", "jo", "ruth",
        (
            "Elected members: 3 attending. The lead member for children, the scrutiny chair, a member of the "
            "corporate parenting panel.",
            "Approach: solution-focused. What is already working that you would want to keep?",
            "- Lead member proud that early help funding was protected; a cross-party decision.",
            said("Early help is the one thing in the budget nobody in the chamber argues about.",
                 "rose", tags=("early_help", "leadership"), ref="chamber"),
            "- Lead member meets the director weekly; well briefed on risks, less on day-to-day practice.",
            "- Scrutiny chair wants better information: reports are long and about timeliness.",
            said("I get a sixty-page report and I still can't tell you whether children are safer.",
                 "thorn", star=True, tags=("leadership", "systems"), ref="sixty-pages"),
            "- Corporate parenting panel: young people now attend every meeting; members value it.",
            "- Members hear about the front door mostly through casework from residents.",
            "- Members see the hubs as community assets; two have held surgeries in one.",
            "Scale: how well do you understand what happens when a family first asks for help? 4, 6, 5.",
            "- What would move it up one point? A visit to the front door; one family's story each quarter.",
            said("Show me one family's journey each quarter and I will understand more than any table of figures.",
                 "bud", tags=("leadership", "voice"), ref="journey"),
            "- Worried about recruitment and agency spend; want to see the workforce plan.",
            "Observation: real interest; some nerves about the inspection expected next year.",
            "Closing: one thing for the review? 'Tell us honestly whether we are asking the right questions.'",
        ),
    ),
    InterviewSpec(
        "schools", 3, "b", "partners", "appreciative", 6, "Partners: schools", "gareth", "samir",
        (
            "Partners, schools: 6 attending. Four designated safeguarding leads (two primary, one secondary, one "
            "special), an attendance lead, a head teacher.",
            "Approach: appreciative. When did you last feel the council really had your back?",
            "- The consultation line again: 'a social worker who talks it through with you'.",
            said("The consultation line has made me a braver safeguarding lead.",
                 "rose", star=True, tags=("front_door", "partners"), ref="braver"),
            "- Primary leads have strong links with their hub; secondary much weaker.",
            "- Thresholds feel as if they move: a referral accepted last month turned away this month.",
            said("I honestly couldn't tell you what the threshold is this week.",
                 "thorn", star=True, tags=("thresholds",), ref="this-week"),
            "- Feedback on referrals is rare; they learn the outcome from the child.",
            "- Schools lead many early help plans and feel unsupported in that role.",
            said("We have become the early help service without anyone deciding that we should be.",
                 "thorn", tags=("early_help", "partners"), ref="become"),
            "- Head teacher: the strategy was launched at a conference, but 'nothing changed on Monday'.",
            "- The termly safeguarding forum is liked; they would like it to include case discussion.",
            said("Put a social worker in our cluster for one afternoon a week and half my calls would disappear.",
                 "bud", tags=("partners",), ref="cluster"),
            "Observation: plenty of goodwill; frustration aimed at the system rather than at people.",
            "Closing: director for a day? Named link workers for every school cluster.",
        ),
        scales=(Scale("How consistent do threshold decisions feel from a school's side?", 3,
                      "A referral accepted one month can be turned away the next; outcomes are rarely fed back."),),
    ),
    InterviewSpec(
        "sw_cin", 3, "c", "social_workers", "ethnographic", 8, "Social workers: child in need teams",
        "tom", "claire",
        (
            "Social workers, child in need and family support teams: 8 attending.",
            "Approach: ethnographic. Asked them to describe a typical Tuesday.",
            "- Tuesday: two home visits, a core group, 'and the rest is typing'.",
            said("I did three hours of visits and five hours of writing about the visits.",
                 "thorn", star=True, tags=("systems", "workforce"), ref="writing"),
            "- Good peer support: duty buddies, a team chat for 'is this OK?' questions (no case details).",
            "- Step-down works best where they know the family support worker personally.",
            said("When I know the early help worker, step-down is a conversation, otherwise it's a form.",
                 "bud", tags=("relationships", "early_help"), ref="conversation"),
            "- Several used to work in early help and think highly of it.",
            "- Agency staff in two teams; handovers when they leave are poor.",
            "- Practice model poster on the wall; asked about it: 'we use the language'.",
            said("We talk the practice model fluently, but we don't always have time to practise it.",
                 "thorn", tags=("workforce",), ref="fluent"),
            "- Good support from managers; senior leaders seen at the annual conference.",
            said("I have met the director once, at the awards, and she was lovely.",
                 tags=("leadership",), ref="awards"),
            "Observation: tired but committed; a lot of laughter; two left early for a visit.",
            "Closing: what would make Tuesday better? A family support worker attached to each team.",
        ),
    ),
    # --- 14:30 ---------------------------------------------------------------------------------------------------
    InterviewSpec(
        "hubs", 4, "a", "early_help", "solution-focused", 7, "Early help: hub coordinators and locality leads",
        "ruth", "jo",
        (
            "Early help, hub coordinators and locality leads: 7 attending.",
            "Approach: solution-focused. Suppose early help and the front door work as one: what would we see?",
            "- 'One conversation, not three handovers.'",
            "- The north hub pilot described in detail: a social worker sits in the hub every Wednesday.",
            said("Since the social worker started sitting with us, step-ups happen in days rather than weeks.",
                 "rose", star=True, tags=("early_help", "relationships"), ref="days-not-weeks"),
            "- Other hubs want the same; the cost is one social worker day a week per hub.",
            "- They collect a lot of data but cannot see what happens to the families they step up.",
            said("We can tell you how many coffees we served but not whether the children are better off.",
                 "thorn", tags=("systems",), ref="coffees"),
            "- Volunteers and community groups are a strength, above all in the east of the borough.",
            said("The hub belongs to the estate now, people bring their neighbours.",
                 "rose", tags=("early_help",), ref="estate"),
            "Scale: how close to 'one service' are we? 4, 5, 6, 5, 3, 5, 6.",
            "- One step up: shared case records; a joint threshold conversation every week.",
            "- Worried that the new case system will not include early help at launch.",
            said("If early help is left out of the new system, we will be a separate service for another five years.",
                 "thorn", star=True, tags=("systems", "early_help"), ref="left-out"),
            "Observation: very practical group; brought a hand-drawn map of how families reach them.",
            "Closing: what should we tell the director? 'The north hub model works; please spread it.'",
        ),
        scales=(Scale("How close are early help and the front door to working as one service?", 5,
                      "Close where a social worker sits in the hub; far where hand-offs are by form only."),),
        questions=(
            Asked("Suppose early help and the front door already work as one. What would we see?"),
            Asked("When have you seen a bit of that already?"),
            Asked("On a scale of 0 to 10, how close are we?"),
            Asked("What would one step up look like?"),
            Asked("Who else needs to be part of it?", asked=False),
            Asked("What should we make sure the director hears?", closing=True),
        ),
    ),
    InterviewSpec(
        "duty", 4, "b", "front_door", "transformational", 5, "Front door: duty and emergency duty team",
        "samir", "gareth",
        (
            "Front door, duty social workers and the emergency duty team: 5 attending.",
            "Approach: transformational learning. What has the front door taught you that you didn't expect?",
            "- 'That most families just need someone to ring them back.'",
            said("Most of the families who ring us need a conversation, not an assessment.",
                 "bud", star=True, tags=("front_door",), ref="conversation-not-assessment"),
            "- The duty rota is tight; two vacancies covered by agency staff on short contracts.",
            "- The 5pm handover to the emergency duty team is 'the riskiest half hour of the day'.",
            said("Five o'clock is when things fall through the cracks, everyone is handing over and nobody is "
                 "holding.", "thorn", star=True, tags=("front_door", "workforce"), ref="five-oclock"),
            "- Monthly 'went well / would change' sessions; valued by everyone.",
            "- Thresholds: a pull between 'doing the right thing' and 'keeping numbers down'.",
            said("Nobody has ever told me to keep the numbers down, but everybody knows the numbers.",
                 "thorn", tags=("thresholds", "leadership"), ref="numbers"),
            "- The director and assistant director seen as approachable; the AD came to a duty meeting last month.",
            "- Would like to follow up a sample of the families they stepped down.",
            said("I would love to know what happened to even five of the families I sent to early help.",
                 "bud", tags=("early_help", "systems"), ref="five-families"),
            "Observation: reflective; clear pride in their judgement; some worry about burnout.",
            "- More confident with the practice model than the other groups we met.",
            "Closing: one thing to change? A shared 'what happened next' list with early help.",
        ),
    ),
    InterviewSpec(
        "care_leavers", 4, "c", "young_people", "solution-focused", 3, "Young people: care leavers and early help",
        "claire", "tom",
        (
            "Young people: 3 attending, aged 16 to 19. Two care leavers, one whose family had early help.",
            "Approach: solution-focused; kept short and informal at their request.",
            "- What is already good: the personal adviser service, the youth club in the family hub.",
            said("My PA answers at weekends, she doesn't have to, but she does.",
                 "rose", tags=("relationships",), ref="weekends"),
            "- On early help: the worker 'talked to my mum, not me'.",
            said("Everyone talked to my mum about me, nobody talked to me about me.",
                 "thorn", star=True, tags=("voice", "early_help"), ref="about-me"),
            "Scale: how much were you listened to, 0 to 10? 7, 4, 3.",
            "- One point higher? Being asked first; texts instead of letters.",
            said("Text me, I will reply, a letter just goes in the drawer with the others.",
                 "bud", tags=("voice",), ref="text-me"),
            "- Proud of a video they made for new social workers about 'what not to say'.",
            "- Want young people's views to shape how services run, not only their own plans.",
            said("We helped write the pledge, then never heard about it again.",
                 "thorn", tags=("voice", "leadership"), ref="pledge"),
            "Observation: confident and articulate; one had prepared notes.",
            "- Participation worker stayed for the first ten minutes, then left at their request.",
            "- A youth worker was named (Kez); not in any quote.",
            "Closing: what would you tell the director? 'Ask us before you decide, not after.'",
        ),
        scales=(Scale("How much were you listened to when decisions were made about you?", 4,
                      "Some workers listened; often asked at the end, when things were already decided."),),
    ),
)
# fmt: on

# --- Day 1 evening and Day 2 morning: the wall ----------------------------------------------------------------------

# (key, heading), in the order the boxes are laid out (four to a row).
THEMES: tuple[tuple[str, str], ...] = (
    ("people", "The front door works because of the people in it"),
    ("retell", "Families tell their story again and again"),
    ("one_way", "Step-down is a one-way door: nobody hears what happened next"),
    ("thresholds", "Thresholds feel different depending on who is on duty"),
    ("apart", "Early help is valued but not felt to be part of one service"),
    ("paperwork", "Systems and paperwork crowd out time with families"),
    ("voice", "Children and parents shape their plans, not the services"),
)


@dataclass(frozen=True)
class Card:
    """A post-it: its colour, words, who wrote it, the theme it ended up in and the quote it came from."""

    kind: str
    text: str
    author: str
    theme: str = ""
    quote: str = ""


def rose(text: str, author: str, theme: str = "", quote: str = "") -> Card:
    return Card("rose", text, author, theme, quote)


def thorn(text: str, author: str, theme: str = "", quote: str = "") -> Card:
    return Card("thorn", text, author, theme, quote)


def bud(text: str, author: str, theme: str = "", quote: str = "") -> Card:
    return Card("bud", text, author, theme, quote)


# fmt: off
POSTITS: tuple[Card, ...] = (
    # roses: strengths and bright spots
    rose("Consultation line gives schools and partners confidence to hold risk", "samir", "people", "braver"),
    rose("Out-of-hours line knows the child when carers ring at night", "claire", "people", "two-am"),
    rose("Humour and mutual support keep the MASH team going", "ruth", "people", "sink"),
    rose("Morning joint triage seen as good practice by police and health", "samir", "people", "triage"),
    rose("Early help budget protected through two savings rounds", "jo", "apart", "protected"),
    rose("Family hubs feel like community places, not a service", "tom", "apart", "walk-in"),
    rose("North hub pilot: step-ups in days rather than weeks", "ruth", "one_way", "days-not-weeks"),
    rose("Newly qualified social workers' caseloads genuinely protected", "gareth", "", "protected-caseload"),
    rose("Supervising social workers fight the foster carers' corner", "tom", "people"),
    rose("Parents did not feel judged when they asked early help for help", "claire", "apart", "bad-mum"),
    rose("Care leavers can reach their personal adviser at weekends", "tom", "voice", "weekends"),
    rose("Young people can each name a worker who really listened", "gareth", "voice", "mushrooms"),
    rose("Face-to-face threshold talks between managers sort cases in minutes", "jo", "thresholds", "walk-over"),
    rose("Duty team's monthly learning sessions are valued by everyone", "samir"),
    rose("Elected members united across parties behind early help", "ruth", "", "chamber"),
    rose("Young people now attend every corporate parenting panel", "jo", "voice"),
    rose("Trauma-informed training for carers run with the virtual school", "claire"),
    rose("Senior team approachable: assistant director joined a duty meeting", "anita"),
    rose("Volunteers and neighbours have made the east hubs their own", "tom", "", "estate"),
    rose("Strong peer support in child in need teams, with duty buddies", "claire"),
    # thorns: pain points and challenges
    thorn("Referrals arrive thin, so social workers rebuild chronologies themselves", "samir", "retell",
          "ring-school"),
    thorn("Families retell their story to several workers within weeks", "claire", "retell", "four-people"),
    thorn("Step-down form goes into a black hole: no news back", "ruth", "one_way", "black-hole"),
    thorn("Partners share information but hear nothing back", "samir", "one_way", "learn-nothing"),
    thorn("GPs learn about strategy meetings from the parent", "gareth", "one_way", "from-mum"),
    thorn("Schools unsure what the threshold is from one month to the next", "gareth", "thresholds", "this-week"),
    thorn("Confidence in decisions drops late on Fridays and on double-rota days", "jo", "thresholds"),
    thorn("Five o'clock handover to emergency duty is the riskiest half hour", "samir", "thresholds",
          "five-oclock"),
    thorn("Caseloads up from 16–18 to 22–26 children in two years", "gareth", "paperwork"),
    thorn("Hours of typing for every hour spent with a family", "claire", "paperwork", "writing"),
    thorn("A new form after each incident, and nobody reads the forms", "ruth", "paperwork", "forms"),
    thorn("Supervision is the first thing cancelled when a crisis hits", "jo", "paperwork", "supervision"),
    thorn("Performance talk is about timeliness, hardly ever about quality", "ruth", "paperwork", "counting"),
    thorn("Some social workers see early help as the easy cases", "tom", "apart", "easy-cases"),
    thorn("Early help workers cannot see the social care history", "tom", "retell", "history"),
    thorn("Young people asked for their view after decisions are made", "gareth", "voice", "at-the-end"),
    thorn("Children in care keep changing social worker", "claire", "", "stranger"),
    thorn("Kinship carers feel less supported than other foster carers", "tom", "", "kinship"),
    thorn("Councillors get long reports but cannot tell whether children are safer", "anita", "", "sixty-pages"),
    thorn("Early help may be left out of the new case system", "ruth", "", "left-out"),
    # buds: opportunities and solutions
    bud("Spread the north hub model: a social worker in every hub weekly", "ruth", "one_way"),
    bud("A shared 'what happened next' list for front door and early help", "samir", "one_way", "five-families"),
    bud("One chronology that travels with the family between services", "gareth", "retell"),
    bud("A named link worker for each school cluster", "gareth", "", "cluster"),
    bud("Weekly joint early help and social care huddle in each locality", "jo", "thresholds"),
    bud("A one-page threshold guide, owned and kept up to date", "ruth", "thresholds"),
    bud("Ask early help workers first: they know the families best", "samir", "apart", "ask-early-help"),
    bud("A carers' representative on the early help partnership", "claire", "", "contact"),
    bud("Young people on interview panels for new social workers", "gareth", "voice", "panels"),
    bud("Text young people and parents instead of sending letters", "tom", "voice", "text-me"),
    bud("One family's story each quarter for elected members", "jo", "", "journey"),
    bud("Leaders spend a Monday morning sitting at the front door", "anita"),
    bud("Include early help in the new case system from day one", "tom", "paperwork"),
    bud("Measure what changes for families, not contacts and coffees", "claire", "paperwork", "coffees"),
    bud("Tell families what happens next, and when, at first contact", "claire", "retell"),
    bud("Same-day call-backs to partners who make a referral", "samir", "", "perfect-world"),
    bud("Offer families a conversation before an assessment when they ring", "samir", "",
        "conversation-not-assessment"),
    bud("Report back to young people on the pledge every year", "tom", "voice"),
    bud("Leave the door open when early help comes to an end", "claire"),
    bud("Protected thinking time for team managers every month", "jo"),
)

# fmt: on


@dataclass(frozen=True)
class InsightSpec:
    statement: str
    description: str = ""
    meaning: str = ""
    importance: str = ""
    cause: str = ""
    leadership_role: str = ""
    implications: str = ""
    themes: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()


# Partly done, as they would be mid-morning on Day 2: the later ones have fewer "so what?" answers.
INSIGHTS: tuple[InsightSpec, ...] = (
    InsightSpec(
        "Good decisions at the front door depend on who is on duty rather than on how the front door is designed.",
        description=(
            "Staff, partners and schools trust particular people and the consultation line. Where those people "
            "are missing, at 5pm or on a stretched rota, confidence and consistency fall away."
        ),
        meaning="Relationships are carrying a system that was redesigned two years ago but not yet embedded.",
        importance="Families' first experience, and partners' confidence to refer, vary with the day and hour.",
        cause=(
            "Thin referrals, a long threshold document nobody uses in the moment, duty rotas stretched by vacancies."
        ),
        leadership_role=(
            "Leaders built the single front door and protected the consultation line, but have not yet turned "
            "what the best duty managers do into shared practice."
        ),
        themes=("people", "thresholds"),
        quotes=("braver", "this-week"),
    ),
    InsightSpec(
        "Families and partners experience early help and social care as separate services: stories are retold and "
        "step-downs disappear from view.",
        description=(
            "Information travels one way. Families repeat themselves, partners and front door staff rarely learn "
            "what happened next, and early help cannot see the history."
        ),
        meaning="The 'one service' in the strategy is not yet what families or staff feel.",
        importance="Repeating a painful story puts families off asking again; re-referrals are rising.",
        cause="Separate records and forms instead of conversations; co-location only in the north hub.",
        themes=("retell", "one_way", "apart"),
        quotes=("four-people", "black-hole"),
    ),
    InsightSpec(
        "Leaders are trusted and have protected early help, but what they count and ask about pulls staff towards "
        "paperwork rather than noticing.",
        description="Timeliness is measured closely; the quality of work and outcomes for families much less.",
        meaning="Staff read the performance reports as the real priorities, whatever the vision says.",
        themes=("paperwork",),
    ),
    InsightSpec(
        "Children and parents are heard about their own plans but seldom about how services are shaped.",
        themes=("voice",),
    ),
)

# --- layout of the Day 2 wall -------------------------------------------------------------------------------------

POSTIT_W, POSTIT_H, GAP = 160.0, 100.0, 20.0
THEME_PAD, THEME_HEADING = 20.0, 40.0
THEME_COLUMNS, CARDS_PER_ROW_IN_THEME = 4, 2
THEME_W = THEME_PAD * 2 + CARDS_PER_ROW_IN_THEME * POSTIT_W + (CARDS_PER_ROW_IN_THEME - 1) * GAP
THEME_SPACING = 60.0
PARKING_COLUMNS = 10


def _theme_height(cards: int) -> float:
    rows = max(1, -(-cards // CARDS_PER_ROW_IN_THEME))
    return THEME_HEADING + rows * POSTIT_H + (rows - 1) * GAP + THEME_PAD * 2


# --- building --------------------------------------------------------------------------------------------------


def write_demo(path: Path, passphrase: str, *, scale: int = 1, day_1: dt.date | None = None) -> Store:
    """Create the demo review at ``path`` (which must not exist) and return it open.

    The demo is a team on Day 2 morning: by default Day 1 was yesterday, so the retention countdown, bundle
    expiry and "my next interview" behave as they would during a real visit, whenever the demo is made.

    ``scale`` > 1 adds ``scale - 1`` copies of every interview (with its note and quotes) and of every post-it,
    for benchmarks; everything is written in one transaction.
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    day_1 = day_1 or dt.date.today() - dt.timedelta(days=1)
    path = Path(path)
    store = review.create_review(
        path,
        passphrase,
        review.Essentials(
            authority=AUTHORITY,
            focus=FOCUS,
            me_name=LEAD_NAME,
            me_role="lead",
            visit_start=day_1,
            visit_end=day_1 + dt.timedelta(days=1),
        ),
    )
    try:
        with UnitOfWork(store) as uow:
            _Builder(uow, store.review_id, scale, day_1 - DAY_1).build()
            checklist.record_done_before(uow, store.review_id, day_1)  # the lead-in went to plan
            uow.commit()
    except BaseException:
        store.close()
        sqlcipher.remove_with_sidecars(path)
        raise
    return store


class _Builder:
    """Writes the module's content through one unit of work, remembering the ids it gave each key."""

    def __init__(self, uow: UnitOfWork, review_id: str, scale: int, shift: dt.timedelta) -> None:
        self.uow = uow
        self.shift = shift  # from the dates the content was written against to the demo's own
        self.review_id = review_id
        self.namespace = uuid.UUID(review_id)
        self.scale = scale
        self.members: dict[str, str] = {}
        self.groups: dict[str, str] = {}
        self.teams: dict[str, str] = {}
        self.slots: list[str] = []
        self.tags: dict[str, str] = {}
        self.themes: dict[str, str] = {}
        self.quotes: dict[str, tuple[str, str]] = {}  # ref -> (quote id, note id)
        # ``uow.add`` reads my member id from the meta table each time. The session holds rows only weakly, so
        # without this reference every add would reload that row, flushing the previous add first: ×10 slower.
        self._pinned_meta = uow.session.get(Meta, "member_id")

    def id(self, *parts: object) -> str:
        """A stable id for this review: the same content always gets the same id in the same file."""
        return str(uuid.uuid5(self.namespace, "demo:" + ":".join(str(p) for p in parts)))

    def add(self, model: type[Shared], *key: object, author: str = "", **fields: Any) -> str:
        row = self.uow.add(model, self.id(model.__tablename__, *key), **fields)  # type: ignore[attr-defined]
        if author:
            row.author_id = self.members[author]
        return row.id

    def build(self) -> None:
        self.review_and_planning()
        self.team()
        self.timetable()
        for copy in range(self.scale):
            for spec in INTERVIEWS:
                self.interview(spec, copy)
        self.wall()
        self.insights()

    # --- planning -------------------------------------------------------------------------------------------------
    def review_and_planning(self) -> None:
        self.uow.update(self.uow.get(Review, self.review_id), **REVIEW)
        for key in review.PLANNING_KEYS:
            self.uow.add(PlanningAnswer, review.planning_id(self.review_id, key), key=key, text=PLANNING[key])
        for n, (name, pros, cons, chosen) in enumerate(CANDIDATE_AREAS, start=1):
            self.add(CandidateArea, n, name=name, pros=pros, cons=cons, chosen=chosen, position=float(n))
        for n, (title, kind, received, notes) in enumerate(DOCUMENTS, start=1):
            when = (dt.date.fromisoformat(received) + self.shift).isoformat()
            self.add(Document, n, title=title, kind=kind, received=when, reading_notes=notes)

    def team(self) -> None:
        lead_key, _, _ = MEMBERS[0]
        self.members[lead_key] = self.uow.member_id
        for key, name, role in MEMBERS[1:]:
            keys = KeyPair.generate()  # public halves only: their private keys live in their own files
            self.members[key] = self.add(
                Member,
                key,
                name=name,
                role=role,
                initials=review.initials(name),
                signing_key=b64(keys.signing_public),
                kem_key=b64(keys.kem_public),
            )
        for name, kind in GUARDED_NAMES:
            self.add(GuardedName, name, name=name, kind=kind)

    def timetable(self) -> None:
        for n, (key, name) in enumerate(GROUPS, start=1):
            self.groups[key] = self.add(StakeholderGroup, key, name=name, position=float(n))
        for n, (key, name, room) in enumerate(TEAMS, start=1):
            self.teams[key] = self.add(Team, key, name=name, room=room, position=float(n))
        for n, (starts, ends) in enumerate(SLOTS):
            self.slots.append(self.add(Slot, n, day=1, starts=starts, ends=ends))
        for key, name in TAGS.items():
            self.tags[key] = self.add(Tag, key, name=name)

    # --- Day 1 ----------------------------------------------------------------------------------------------------
    def interview(self, spec: InterviewSpec, copy: int) -> None:
        suffix = f" (copy {copy + 1})" if copy else ""
        interview_id = self.add(
            Interview,
            spec.key,
            copy,
            slot_id=self.slots[spec.slot],
            team_id=self.teams[spec.team],
            group_id=self.groups[spec.group],
            approach=spec.approach,
            interviewer_id=self.members[spec.interviewer],
            note_taker_id=self.members[spec.note_taker],
            attendees=spec.attendees,
            title=spec.title + suffix,
        )
        body, anchors = render_note(spec.note)
        if copy:
            body += f"\n[Copy {copy + 1} of this interview, for load testing.]"
        note_id = self.add(Note, spec.key, copy, author=spec.note_taker, interview_id=interview_id, body=body)
        for n, (quote, start, end) in enumerate(anchors):
            quote_id = self.add(
                Quote,
                spec.key,
                copy,
                n,
                author=spec.note_taker,
                interview_id=interview_id,
                group_id=self.groups[spec.group],
                note_id=note_id,
                text=quote.text,
                anchor_start=start,
                anchor_end=end,
                kind=quote.kind,
                starred=quote.star,
            )
            for tag in quote.tags:
                tag_id = self.tags[tag]
                link_id = str(uuid.uuid5(uuid.UUID(quote_id), tag_id))  # the same on every member's file
                row = self.uow.add(QuoteTag, link_id, quote_id=quote_id, tag_id=tag_id)
                row.author_id = self.members[spec.note_taker]
            if copy == 0 and quote.ref:
                self.quotes[quote.ref] = (quote_id, note_id)
        if copy:
            return
        for n, answer in enumerate(spec.scales):
            self.add(
                ScaleAnswer,
                spec.key,
                n,
                author=spec.note_taker,
                interview_id=interview_id,
                question=answer.question,
                value=answer.value,
                reason=answer.reason,
            )
        for n, asked in enumerate(spec.questions, start=1):
            self.add(
                InterviewQuestion,
                spec.key,
                n,
                author=spec.interviewer,
                interview_id=interview_id,
                text=asked.text,
                position=float(n),
                asked=asked.asked,
                closing=asked.closing,
            )

    # --- the wall -------------------------------------------------------------------------------------------------
    def wall(self) -> None:
        boxes = theme_boxes()
        for key, heading in THEMES:
            x, y, w, h = boxes[key]
            self.themes[key] = self.add(Theme, key, heading=heading, x=x, y=y, width=w, height=h)
        places = postit_places(boxes)
        parked = sum(1 for card in POSTITS if not card.theme)
        column: dict[str, int] = {}
        for copy in range(self.scale):
            for n, card in enumerate(POSTITS):
                column[card.kind] = column.get(card.kind, 0) + 1
                quote_id, note_id = self.quotes.get(card.quote, ("", ""))
                if copy == 0:
                    x, y = places[n]
                    text, theme_id = card.text, self.themes[card.theme] if card.theme else ""
                else:  # copies are unsorted: they go to the parking area below the themes
                    x, y = parking_place(boxes, parked + (copy - 1) * len(POSTITS) + n)
                    text, theme_id = f"{card.text} ({copy + 1})", ""
                self.add(
                    PostIt,
                    n,
                    copy,
                    author=card.author,
                    kind=card.kind,
                    text=text,
                    quote_id=quote_id,
                    note_id=note_id,
                    theme_id=theme_id,
                    x=x,
                    y=y,
                    position=float(column[card.kind]),
                    placed=True,
                )

    def insights(self) -> None:
        for n, spec in enumerate(INSIGHTS, start=1):
            insight_id = self.add(
                Insight,
                n,
                statement=spec.statement,
                description=spec.description,
                meaning=spec.meaning,
                importance=spec.importance,
                cause=spec.cause,
                leadership_role=spec.leadership_role,
                implications=spec.implications,
                position=float(n),
            )
            for theme in spec.themes:
                self.add(InsightTheme, n, theme, insight_id=insight_id, theme_id=self.themes[theme])
            for m, ref in enumerate(spec.quotes, start=1):
                self.add(InsightQuote, n, ref, insight_id=insight_id, quote_id=self.quotes[ref][0], position=float(m))


def render_note(lines: tuple[str | Said, ...]) -> tuple[str, list[tuple[Said, int, int]]]:
    """The note body, and each quote with the offsets of its text (inside the quotation marks) in the body."""
    parts: list[str] = []
    anchors: list[tuple[Said, int, int]] = []
    offset = 0
    for line in lines:
        if isinstance(line, Said):
            start = offset + len(line.lead) + 1
            anchors.append((line, start, start + len(line.text)))
            line = f'{line.lead}"{line.text}"'
        parts.append(line)
        offset += len(line) + 1  # the newline joining it to the next
    return "\n".join(parts), anchors


def theme_boxes() -> dict[str, tuple[float, float, float, float]]:
    """Each theme's (x, y, width, height): four boxes to a row, each row as tall as its fullest theme."""
    counts = {key: sum(1 for card in POSTITS if card.theme == key) for key, _ in THEMES}
    boxes: dict[str, tuple[float, float, float, float]] = {}
    y = 0.0
    for row_start in range(0, len(THEMES), THEME_COLUMNS):
        row = THEMES[row_start : row_start + THEME_COLUMNS]
        height = max(_theme_height(counts[key]) for key, _ in row)
        for col, (key, _) in enumerate(row):
            boxes[key] = (col * (THEME_W + THEME_SPACING), y, THEME_W, height)
        y += height + THEME_SPACING
    return boxes


def postit_places(boxes: dict[str, tuple[float, float, float, float]]) -> list[tuple[float, float]]:
    """Where each post-it of ``POSTITS`` sits on the Day 2 wall: inside its theme's box, or parked below."""
    filled: dict[str, int] = {}
    parked = 0
    places: list[tuple[float, float]] = []
    for card in POSTITS:
        if card.theme:
            n = filled.get(card.theme, 0)
            filled[card.theme] = n + 1
            x, y, _, _ = boxes[card.theme]
            row, col = divmod(n, CARDS_PER_ROW_IN_THEME)
            places.append(
                (x + THEME_PAD + col * (POSTIT_W + GAP), y + THEME_HEADING + THEME_PAD + row * (POSTIT_H + GAP))
            )
        else:
            places.append(parking_place(boxes, parked))
            parked += 1
    return places


def parking_place(boxes: dict[str, tuple[float, float, float, float]], n: int) -> tuple[float, float]:
    """The n-th place in the area below the themes where post-its not yet sorted wait."""
    top = max(y + h for _, y, _, h in boxes.values()) + THEME_SPACING
    row, col = divmod(n, PARKING_COLUMNS)
    return col * (POSTIT_W + GAP), top + row * (POSTIT_H + GAP)
