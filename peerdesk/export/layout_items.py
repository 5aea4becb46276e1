"""The body of a slide as blocks of measured paragraphs, and how they are spread over as few slides as possible.

Text shrinks a little (never below ``SHRINK_STEPS``' last step) or grows when there is little of it (``GROW_STEPS``,
so an insight with one short quote does not leave the slide empty), a size is only chosen when no word has to be
cut, and what still does not fit continues on another slide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from peerdesk.export import textfit
from peerdesk.export.textfit import Para

INSET = 4.0  # text box insets, points
QUOTE_BAR = 5.0  # width of a quote's accent bar, points
QUOTE_PAD = 12.0  # padding inside a quote card, points
GAP = 10.0  # space between items on a slide, points
SHRINK_STEPS = (1.0, 0.92, 0.85, 0.78)  # how far a slide's text may shrink before it continues on another
GROW_STEPS = (1.3, 1.2, 1.1)  # how far a sparse slide's text may grow
GROW_FILL = 0.8  # grown text fills at most this share of the body
CONTINUE_SCALE = 0.92  # text size on slides that continue (shrinking all the way would help nobody read)
TALL_SLACK = 0.25  # extra room under a last line of Arabic or CJK, in ems
MIN_WORD_SCALE = 0.5  # an item may shrink this far so that its longest word fits a line
RECAP_SIZE = 18.0  # the reminder at the top of a slide that continues: smaller than the slide's own text
RECAP_LINES = 2  # and never longer than this, so the slide stays about what it continues with


@dataclass(frozen=True)
class Item:
    """A block of paragraphs drawn as one text box; a "quote" item is drawn as a card with an accent bar."""

    paras: tuple[Para, ...]
    kind: str = "text"  # text | quote
    keep_with_next: bool = False

    @property
    def pad_left(self) -> float:
        return QUOTE_BAR + QUOTE_PAD if self.kind == "quote" else 0.0

    @property
    def pad_y(self) -> float:
        return QUOTE_PAD * 0.6 if self.kind == "quote" else 0.0

    def inner_width(self, width: float) -> float:
        right = QUOTE_PAD if self.kind == "quote" else 0.0
        return width - self.pad_left - right - 2 * INSET

    def height(self, width: float) -> float:
        # Arabic and CJK fonts reach further below the last baseline than Latin ones: room for that, too.
        tall = any(textfit.line_factor(p.text) > textfit.LINE_HEIGHT for p in self.paras[-1:])
        slack = self.paras[-1].size * TALL_SLACK if tall else 0.0
        return textfit.height(self.paras, self.inner_width(width)) + 2 * INSET + 2 * self.pad_y + slack

    def scaled(self, factor: float) -> Item:
        return replace(self, paras=tuple(p.scaled(factor) for p in self.paras))

    def words_fit(self, width: float) -> bool:
        inner = self.inner_width(width)
        return all(p.words_fit(inner) for p in self.paras)

    def whole_words(self, width: float) -> Item:
        """This item, smaller if need be (down to ``MIN_WORD_SCALE``) so that no word is cut across lines."""
        factor = 1.0
        item = self
        while not item.words_fit(width) and factor > MIN_WORD_SCALE:
            factor -= 0.05
            item = self.scaled(factor)
        return item

    def split(self, width: float, max_height: float) -> tuple[Item | None, Item]:
        """The largest head that fits ``max_height`` and the rest (continued without its space before)."""
        room = max_height - 2 * INSET - 2 * self.pad_y
        inner = self.inner_width(width)
        head: list[Para] = []
        used = 0.0
        for n, para in enumerate(self.paras):
            h = para.height(inner, first=not head)
            if used + h <= room:
                head.append(para)
                used += h
                continue
            part, rest = textfit.split_para(para, inner, room - used, first=not head)
            if part is not None:
                head.append(part)
            tail = (rest, *self.paras[n + 1 :])
            if not head:
                return None, self
            return replace(self, paras=tuple(head)), replace(self, paras=tail, keep_with_next=self.keep_with_next)
        return replace(self, paras=tuple(head)), replace(self, paras=())


def recap_item(text: str, width: float) -> Item:
    """What a slide that continues carries on from (an insight's statement), shortened to ``RECAP_LINES`` lines."""
    inner = Item((Para("", RECAP_SIZE),)).inner_width(width)
    short = textfit.shortened(text, inner, RECAP_SIZE, RECAP_LINES, bold=True)
    return Item((Para(short, RECAP_SIZE, bold=True, color="heading"),)).whole_words(width)


def paginate(
    groups: Sequence[Sequence[Item]], width: float, height: float, *, grow: bool = False, recap: Item | None = None
) -> list[list[Item]]:
    """Lay out groups of items (a group stays together when it can) on as few pages as the shrink limits allow.

    ``recap``: an item put at the top of every page after the first, so a reader landing on one knows what it
    continues (the room it takes is kept free on those pages).
    """
    groups = _joined(groups)
    flat = [item for group in groups for item in group]
    for factor in (*GROW_STEPS, *SHRINK_STEPS) if grow else SHRINK_STEPS:
        scaled = [i.scaled(factor) for i in flat]
        room = height * (GROW_FILL if factor > 1 else 1.0)
        if all(i.words_fit(width) for i in scaled) and _stack_height(scaled, width) <= room:
            return [scaled]
    # ``used`` counts the recap on continued pages, which are only given it at the end: until then a page's list
    # holds what it continues with, so "nothing on it yet" still reads ``not pages[-1]``.
    top = recap.height(width) + GAP if recap is not None else 0.0
    pages: list[list[Item]] = [[]]
    used = 0.0
    for group in groups:
        items = [i.scaled(CONTINUE_SCALE).whole_words(width) for i in group]
        group_h = _stack_height(items, width)
        if pages[-1] and used + GAP + group_h > height and group_h <= height - top:
            pages.append([])
            used = top
        for item in items:
            while True:
                gap = GAP if pages[-1] else 0.0
                h = item.height(width)
                if used + gap + h <= height:
                    pages[-1].append(item)
                    used += gap + h
                    break
                head, tail = item.split(width, height - used - gap)
                if head is not None and not (head.keep_with_next or (item.keep_with_next and not pages[-1])):
                    pages[-1].append(head)
                    item = tail
                elif not pages[-1]:
                    raise ValueError("an item cannot fit on an empty slide")  # only with absurd geometry
                pages.append([])
                used = top
    pages = [p for p in pages if p]
    return [p if n == 0 or recap is None else [recap, *p] for n, p in enumerate(pages)]


def _stack_height(items: Sequence[Item], width: float) -> float:
    return sum(i.height(width) for i in items) + GAP * max(0, len(items) - 1)


def _joined(groups: Sequence[Sequence[Item]]) -> list[list[Item]]:
    """A group ending in a heading (``keep_with_next``) joins the next one, so a heading never ends a slide."""
    out: list[list[Item]] = []
    for group in groups:
        if out and out[-1] and out[-1][-1].keep_with_next:
            out[-1].extend(group)
        else:
            out.append(list(group))
    return out
