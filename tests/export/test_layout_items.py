"""The body of a slide as blocks of measured paragraphs, spread over as few slides as the shrink limits allow."""

from __future__ import annotations

from peerdesk.export import layout_items
from peerdesk.export.layout_items import Item
from peerdesk.export.textfit import Para

WIDTH, HEIGHT = 600.0, 300.0


def _item(words: int, size: float = 20, **kw: object) -> Item:
    return Item((Para(" ".join(["evidence"] * words), size),), **kw)  # type: ignore[arg-type]


def test_what_fits_stays_on_one_slide_and_a_sparse_slide_may_grow() -> None:
    [page] = layout_items.paginate([[_item(5)]], WIDTH, HEIGHT)
    assert page[0].paras[0].size == 20
    [grown] = layout_items.paginate([[_item(5)]], WIDTH, HEIGHT, grow=True)
    assert grown[0].paras[0].size > 20


def test_too_much_continues_on_more_slides_each_within_the_height() -> None:
    pages = layout_items.paginate([[_item(60)] for _ in range(6)], WIDTH, HEIGHT)
    assert len(pages) > 1
    for page in pages:
        used = sum(i.height(WIDTH) for i in page) + layout_items.GAP * (len(page) - 1)
        assert used <= HEIGHT + 1e-6


def test_a_heading_never_ends_a_slide() -> None:
    heading = Item((Para("A heading", 24, bold=True),), keep_with_next=True)
    pages = layout_items.paginate([[_item(60)], [_item(60)], [heading], [_item(60)]], WIDTH, HEIGHT)
    assert all(not page[-1].keep_with_next for page in pages)


def test_a_quote_card_is_padded_inside() -> None:
    plain, quote = _item(10), _item(10, kind="quote")
    assert quote.pad_left > 0 == plain.pad_left
    assert quote.inner_width(WIDTH) < plain.inner_width(WIDTH)
    assert quote.height(WIDTH) > plain.height(WIDTH)


def _used(page: list[Item]) -> float:
    return sum(i.height(WIDTH) for i in page) + layout_items.GAP * (len(page) - 1)


def test_every_continued_slide_starts_with_the_recap_and_still_keeps_within_the_height() -> None:
    statement = Item((Para("What the quotes below support", 30, bold=True),), recap="What the quotes below support")
    pages = layout_items.paginate([[statement], *[[_item(60)] for _ in range(6)]], WIDTH, HEIGHT)
    recap = layout_items.recap_item("What the quotes below support", WIDTH)
    assert len(pages) > 1
    assert recap not in pages[0]
    for page in pages[1:]:
        assert page[0] == recap and recap not in page[1:]
    assert all(_used(page) <= HEIGHT + 1e-6 for page in pages)


def test_a_heading_whose_list_runs_on_opens_the_next_slide_again_and_a_new_heading_needs_no_reminder() -> None:
    def titled(name: str, n: int) -> list[Item]:
        head = Item((Para(name, 22, bold=True),), keep_with_next=True, recap=name)
        return [head, *[_item(12, kind="quote") for _ in range(n)]]

    pages = layout_items.paginate([titled("First theme", 9), titled("Second theme", 1)], WIDTH, HEIGHT)
    first, second = layout_items.recap_item("First theme", WIDTH), layout_items.recap_item("Second theme", WIDTH)
    assert pages[0][0].paras[0].text == "First theme" and pages[0][0] != first
    continued = [p for p in pages[1:] if p[0] == first]
    assert continued and all(not p[-1].recap for p in continued)  # its quotes follow the reminder
    assert pages[-1][0].paras[0].text == "Second theme" and first not in pages[-1] and second not in pages[-1]
    assert all(_used(page) <= HEIGHT + 1e-6 for page in pages)


def test_a_long_recap_is_cut_at_a_word_to_two_lines_with_an_ellipsis() -> None:
    long = " ".join(["evidence"] * 200)
    item = layout_items.recap_item(long, WIDTH)
    [para] = item.paras
    assert para.text.endswith("evidence…")
    assert len(para.lines(item.inner_width(WIDTH))) == layout_items.RECAP_LINES
    assert layout_items.recap_item("Short enough", WIDTH).paras[0].text == "Short enough"


def test_a_heading_over_a_list_starts_in_the_room_left_and_its_list_goes_on_under_its_reminder() -> None:
    filler = _item(40)  # most of the first page
    head = Item((Para("A theme", 22, bold=True),), keep_with_next=True, recap="A theme")
    theme = [head, *[_item(8, kind="quote") for _ in range(4)]]
    scale = layout_items.CONTINUE_SCALE
    room_left = HEIGHT - filler.scaled(scale).height(WIDTH) - layout_items.GAP
    assert layout_items._stack_height([i.scaled(scale) for i in theme], WIDTH) > room_left  # it cannot fit whole
    assert layout_items._stack_height([i.scaled(scale) for i in theme[:2]], WIDTH) + layout_items.GAP <= room_left
    first, second = layout_items.paginate([[filler], theme], WIDTH, HEIGHT)
    assert first[1].paras[0].text == "A theme" and first[-1].kind == "quote"
    assert second[0] == layout_items.recap_item("A theme", WIDTH) and second[1].kind == "quote"
    assert len(first) - 2 + len(second) - 1 == 4  # every quote once
