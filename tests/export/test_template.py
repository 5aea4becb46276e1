"""Reading an authority's template: layouts recognised by their placeholders, and what is missing said plainly."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from peerdesk.export import template
from tests.export import hostile_templates


def test_the_default_template_has_every_layout_and_nothing_to_say() -> None:
    prs = Presentation()
    layouts = template.find_layouts(prs)
    assert layouts.notes == []
    assert template.kinds_of(layouts.content) & template.BODY_KINDS
    assert template.kinds_of(layouts.cover) & template.SUBTITLE_KINDS


def test_a_template_without_placeholders_is_used_and_the_gaps_are_named(tmp_path: Path) -> None:
    prs = Presentation(str(hostile_templates.make("no-placeholders", tmp_path)))
    t = template.Template(prs)
    notes = template.derived_notes(t)
    assert any("no layout with a title and a body" in n for n in notes)
    assert t.width > 0 and t.height > 0 and t.major_font


def test_a_template_without_subtitle_uses_another_cover(tmp_path: Path) -> None:
    prs = Presentation(str(hostile_templates.make("no-subtitle-no-title-only", tmp_path)))
    notes = template.find_layouts(prs).notes
    assert any("subtitle" in n for n in notes)
