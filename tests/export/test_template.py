"""Reading an authority's template: layouts recognised by their placeholders, and what is missing said plainly."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from peerdesk.export import pptx as export_pptx
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


def test_a_body_placed_under_a_title_only_layouts_title_lines_up_with_its_edges() -> None:
    t = template.Template(Presentation(str(export_pptx.default_template())))
    layout = t.layouts.title_only  # no body placeholder: the handout table and the chart go in the room left
    title, body = t.title_rect(layout), t.body_rect(layout)
    assert (body.left, body.right) == (title.left, title.right)
    assert body.top > title.bottom and body.height > t.height // 2
