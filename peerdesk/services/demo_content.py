"""The demo review's content, read from the JSON files in ``resources/demo/``: data, not code.

Every sentence there was written for peerdesk; Eastmere Borough Council does not exist, nor do its people. The
files, in the order the builder (``services/demo.py``) writes them:

- ``review.json``: the authority, the focus, the review's aim and key questions, the planning answers, the candidate
  areas considered and the documents received (each with its reading notes). ``written_for_day_1`` is the Day 1 the
  dates were written against; the demo moves them to its own Day 1.
- ``team.json``: the members as ``key``, ``name``, ``role``. The first is the lead, who creates the file; the others
  exist only as public keys. Seven, not six: three rooms need three interviewing pairs, and the observer joins only
  at 16.30 on Day 1. Then the names the non-attribution guard should catch (host staff, people named in interviews).
- ``timetable.json``: stakeholder groups, teams with their rooms, Day 1's slots, and the quote tags.
- ``interviews.json``: each interview's cell, people and note. A note line is either text or a verbatim quote
  ``{"said": ..., "kind", "star", "tags", "ref"}``, written into the note as ``- "text"``; ``ref`` is the name
  post-its and insights use to point at that quote. Optional ``scales`` and ``questions`` (the question plan).
- ``wall.json``: the themes, in the order their boxes are laid out, and the post-its with the theme each ended up
  in and the quote it came from.
- ``insights.json``: partly done, as they would be mid-morning on Day 2: the later ones have fewer "so what?"
  answers.

Keys (``"ruth"``, ``"front_door"``, ``"one-roof"``) only join the files together; the builder turns them into ids.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

FOLDER = "demo"
QUOTE_LEAD = "- "
ASKED = MappingProxyType({"asked": True, "closing": False})  # a planned question, unless it says otherwise


@dataclass(frozen=True)
class Said:
    """A verbatim quote, written into the note as its own line: ``- `` then the text in double quotes."""

    text: str
    kind: str = ""
    star: bool = False
    tags: tuple[str, ...] = ()
    ref: str = ""


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
    scales: tuple[Mapping[str, Any], ...] = ()  # question, value, reason: a ScaleAnswer's own fields
    questions: tuple[Mapping[str, Any], ...] = ()  # text, asked, closing: an InterviewQuestion's own fields


@dataclass(frozen=True)
class Card:
    """A post-it: its colour, words, who wrote it, the theme it ended up in and the quote it came from."""

    kind: str
    text: str
    author: str
    theme: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Content:
    """Everything in ``resources/demo/``, as read-only values; pairs are (key, name) unless said otherwise."""

    authority: str
    focus: str
    written_for_day_1: dt.date
    review: Mapping[str, Any]
    planning: Mapping[str, str]
    candidate_areas: tuple[Mapping[str, Any], ...]  # name, pros, cons, chosen
    documents: tuple[Mapping[str, str], ...]  # title, kind, received, reading_notes
    members: tuple[tuple[str, str, str], ...]  # key, name, role; the lead first
    guarded_names: tuple[tuple[str, str], ...]  # name, kind
    groups: tuple[tuple[str, str], ...]
    teams: tuple[tuple[str, str, str], ...]  # key, name, room
    slots: tuple[tuple[str, str], ...]  # starts, ends
    tags: Mapping[str, str]
    interviews: tuple[InterviewSpec, ...]
    themes: tuple[tuple[str, str], ...]  # key, heading
    postits: tuple[Card, ...]
    insights: tuple[Mapping[str, Any], ...]  # an Insight's own fields, then its themes and quotes (keys)

    @property
    def lead_name(self) -> str:
        return self.members[0][1]


def _read(name: str) -> Any:
    return json.loads((resources.files("peerdesk.resources") / FOLDER / name).read_text(encoding="utf-8"))


def _line(raw: str | dict[str, Any]) -> str | Said:
    if isinstance(raw, str):
        return raw
    fields = {key: value for key, value in raw.items() if key != "said"}
    return Said(raw["said"], **{**fields, "tags": tuple(fields.get("tags", ()))})


def _interview(raw: dict[str, Any]) -> InterviewSpec:
    return InterviewSpec(
        **{key: raw[key] for key in ("key", "slot", "team", "group", "approach", "attendees", "title")},
        interviewer=raw["interviewer"],
        note_taker=raw["note_taker"],
        note=tuple(_line(line) for line in raw["note"]),
        scales=tuple(MappingProxyType(scale) for scale in raw.get("scales", ())),
        questions=tuple(
            MappingProxyType({"asked": True, "closing": False, **asked}) for asked in raw.get("questions", ())
        ),
    )


def _insight(raw: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType({"themes": (), "quotes": (), **raw})


def _pairs(rows: list[dict[str, Any]], *fields: str) -> tuple[Any, ...]:
    return tuple(tuple(row[field] for field in fields) for row in rows)


@cache
def content() -> Content:
    """The demo's content, read once: the files ship with peerdesk and never change while it runs."""
    review, team, timetable, wall = (_read(f"{name}.json") for name in ("review", "team", "timetable", "wall"))
    return Content(
        authority=review["authority"],
        focus=review["focus"],
        written_for_day_1=dt.date.fromisoformat(review["written_for_day_1"]),
        review=MappingProxyType(review["review"]),
        planning=MappingProxyType(review["planning"]),
        candidate_areas=tuple(MappingProxyType(area) for area in review["candidate_areas"]),
        documents=tuple(MappingProxyType(document) for document in review["documents"]),
        members=_pairs(team["members"], "key", "name", "role"),
        guarded_names=_pairs(team["guarded_names"], "name", "kind"),
        groups=_pairs(timetable["groups"], "key", "name"),
        teams=_pairs(timetable["teams"], "key", "name", "room"),
        slots=_pairs(timetable["slots"], "starts", "ends"),
        tags=MappingProxyType(timetable["tags"]),
        interviews=tuple(_interview(raw) for raw in _read("interviews.json")),
        themes=_pairs(wall["themes"], "key", "heading"),
        postits=tuple(Card(**raw) for raw in wall["postits"]),
        insights=tuple(_insight(raw) for raw in _read("insights.json")),
    )


def render_note(lines: tuple[str | Said, ...]) -> tuple[str, list[tuple[Said, int, int]]]:
    """The note body, and each quote with the offsets of its text (inside the quotation marks) in the body."""
    parts: list[str] = []
    anchors: list[tuple[Said, int, int]] = []
    offset = 0
    for line in lines:
        if isinstance(line, Said):
            start = offset + len(QUOTE_LEAD) + 1
            anchors.append((line, start, start + len(line.text)))
            line = f'{QUOTE_LEAD}"{line.text}"'
        parts.append(line)
        offset += len(line) + 1  # the newline joining it to the next
    return "\n".join(parts), anchors
