"""What each slide says, in presenting order: dividers, themes, one slide per insight with its notes."""

from __future__ import annotations

import dataclasses

from peerdesk.export import content, slides
from peerdesk.store.engine import Store
from tests.export.pptx_checks import long_deck


def test_plural_counts_in_words() -> None:
    assert slides.plural(1, "theme") == "1 theme" and slides.plural(2, "theme") == "2 themes"
    assert slides.plural(3, "person", "people") == "3 people"


def test_the_demo_deck_runs_from_why_we_came_to_the_handout(demo_store: Store) -> None:
    deck = content.gather(demo_store, flagged=set())
    specs = slides.slide_specs(deck)
    titles = [s.title for s in specs]
    assert titles[0] == "Why we came" and titles[-1] == "Workshop: our insights — your view"
    assert titles.index("What we found") < titles.index("Key themes") < titles.index("This afternoon")
    insight_slides = [s for s in specs if s.title.startswith("Insight ")]
    assert len(insight_slides) == len(deck.insights)
    assert all(s.notes.startswith(f"Insight {i.number}:") for s, i in zip(insight_slides, deck.insights, strict=True))
    assert "Workshop: our insights — your view" not in [s.title for s in slides.slide_specs(deck, handout=False)]


def test_an_empty_review_says_no_themes_and_no_insights(store: Store) -> None:
    specs = slides.slide_specs(content.gather(store))
    said = [p.text for s in specs for group in s.groups for item in group for p in item.paras]
    assert "No themes were recorded." in said and "No insights were recorded." in said


def test_a_theme_left_without_quotes_is_a_line_of_its_own_not_a_heading_kept_with_the_next_theme() -> None:
    said = content.DeckQuote("q1", "We share everything and we learn nothing back.", "Partners")
    bare = content.DeckTheme("Step-down is a one-way door", 6, ())
    deck = dataclasses.replace(long_deck(n_insights=1), themes=(bare, content.DeckTheme("Thresholds vary", 5, (said,))))
    [spec] = [s for s in slides.slide_specs(deck) if s.title == "Key themes"]
    [[lone], [head, card]] = spec.groups
    assert lone.paras[0].text == "Step-down is a one-way door" and not lone.keep_with_next and not lone.recap
    assert head.keep_with_next and head.recap == "Thresholds vary" and card.kind == "quote"
