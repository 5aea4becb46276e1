"""The demo's content files (resources/demo/*.json): read whole, and every key they use joins up."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from peerdesk.services import review
from peerdesk.services.demo_content import Said, content, render_note


def quote_refs() -> list[str]:
    return [line.ref for spec in content().interviews for line in spec.note if isinstance(line, Said) and line.ref]


def test_every_file_in_the_folder_is_read() -> None:
    folder = resources.files("peerdesk.resources") / "demo"
    names = {entry.name for entry in folder.iterdir() if entry.name.endswith(".json")}
    assert names == {"review.json", "team.json", "timetable.json", "interviews.json", "wall.json", "insights.json"}


def test_review_and_planning_are_complete() -> None:
    data = content()
    assert data.authority and data.focus
    assert set(review.PLANNING_KEYS) <= set(data.planning)
    assert all(data.planning[key] for key in review.PLANNING_KEYS)
    assert sum(bool(area["chosen"]) for area in data.candidate_areas) == 1
    assert all(set(document) == {"title", "kind", "received", "reading_notes"} for document in data.documents)


def test_one_lead_and_that_lead_comes_first() -> None:
    members = content().members
    assert members[0][2] == "lead" and [role for _, _, role in members].count("lead") == 1
    assert content().lead_name == members[0][1]
    assert len({key for key, _, _ in members}) == len(members)


def test_interviews_name_known_cells_and_people() -> None:
    data = content()
    members = {key for key, _, _ in data.members}
    groups, teams = {key for key, _ in data.groups}, {key for key, _, _ in data.teams}
    cells = Counter((spec.slot, spec.team) for spec in data.interviews)
    assert max(cells.values()) == 1, "two interviews in one cell"
    for spec in data.interviews:
        assert {spec.interviewer, spec.note_taker} <= members, spec.key
        assert spec.group in groups and spec.team in teams and 0 <= spec.slot < len(data.slots), spec.key
    said = [line for spec in data.interviews for line in spec.note if isinstance(line, Said)]
    assert said and all(set(line.tags) <= set(data.tags) for line in said)
    assert {line.kind for line in said} <= {"", "rose", "thorn", "bud"}


def test_quote_refs_are_unique_and_every_pointer_finds_one() -> None:
    data = content()
    refs = quote_refs()
    assert len(set(refs)) == len(refs)
    themes = {key for key, _ in data.themes}
    members = {key for key, _, _ in data.members}
    for card in data.postits:
        assert card.kind in {"rose", "thorn", "bud"} and card.author in members, card.text
        assert (not card.theme or card.theme in themes) and (not card.quote or card.quote in refs), card.text
    for insight in data.insights:
        assert set(insight["themes"]) <= themes and set(insight["quotes"]) <= set(refs), insight["statement"]


def test_render_note_anchors_each_quote_inside_its_quotation_marks() -> None:
    lines = ("Opening line.", Said("First words", "rose"), "Between.", Said("Second words"))
    body, anchors = render_note(lines)
    assert body.split("\n") == ["Opening line.", '- "First words"', "Between.", '- "Second words"']
    assert [(quote.text, body[start:end]) for quote, start, end in anchors] == [
        ("First words", "First words"),
        ("Second words", "Second words"),
    ]
    assert body[anchors[0][1] - 1] == '"' and body[anchors[0][2]] == '"'
