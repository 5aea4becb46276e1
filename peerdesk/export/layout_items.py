"""The body of a slide as blocks of measured paragraphs, and how they are spread over as few slides as possible.

Text shrinks a little (never below ``SHRINK_STEPS``' last step) or grows when there is little of it (``GROW_STEPS``,
so an insight with one short quote does not leave the slide empty), a size is only chosen when no word has to be
cut, and what still does not fit continues on another slide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from peerdesk.errors import UserError
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
    recap: str = ""  # what a page continuing after this item opens with (see ``paginate``); "" for most items

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


def paginate(groups: Sequence[Sequence[Item]], width: float, height: float, *, grow: bool = False) -> list[list[Item]]:
    """Lay out groups of items on as few pages as the shrink limits allow; a group stays together when it can,
    except a heading's list, which fills the room left and continues on the next page.

    An item with a ``recap`` (an insight's statement, a theme's heading) heads what follows it: a page that opens
    after it, before the next such item, starts with that text shortened (``recap_item``), so a reader landing on a
    "(continued)" slide knows what its quotes carry on from; the room it takes is kept free on that page.
    """
    groups = _joined(groups)
    flat = [item for group in groups for item in group]
    for factor in (*GROW_STEPS, *SHRINK_STEPS) if grow else SHRINK_STEPS:
        scaled = [i.scaled(factor) for i in flat]
        room = height * (GROW_FILL if factor > 1 else 1.0)
        if all(i.words_fit(width) for i in scaled) and _stack_height(scaled, width) <= room:
            return [scaled]
    pager = _Pager(width, height)
    for group in groups:
        items = [i.scaled(CONTINUE_SCALE).whole_words(width) for i in group]
        if pager.pages[-1] and not pager.starts_here(items):
            pager.open(items[0])
        for item in items:
            pager.place(item)
    return pager.finished()


class _Pager:
    """Pages being filled item by item, each opening with the reminder of the heading in force when it continues.

    ``used`` counts a page's reminder, which is only put on it at the end: until then a page's list holds what
    it continues with, so "nothing on it yet" still reads ``not pages[-1]``.
    """

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.pages: list[list[Item]] = [[]]
        self.recaps: list[Item | None] = [None]
        self.used = 0.0
        self.in_force: Item | None = None  # the reminder of the last heading placed

    def _recap_for(self, first: Item, *, started: bool = False) -> Item | None:
        # A page that opens with a heading (not with the rest of one cut across pages) needs no reminder.
        return None if first.recap and not started else self.in_force

    def top(self, first: Item, *, started: bool = False) -> float:
        recap = self._recap_for(first, started=started)
        return recap.height(self.width) + GAP if recap is not None else 0.0

    def open(self, first: Item, *, started: bool = False) -> None:
        self.recaps.append(self._recap_for(first, started=started))
        self.pages.append([])
        self.used = self.top(first, started=started)

    def starts_here(self, group: Sequence[Item]) -> bool:
        """Whether a group starts on this page: when it fits the room left, when no page could hold it whole
        anyway, or when it is a heading over a list that can start here (the list goes on under its reminder)."""
        left = self.height - self.used - GAP
        whole = _stack_height(group, self.width)
        if whole <= left or whole > self.height - self.top(group[0]):
            return True
        return bool(group[0].recap) and _stack_height(group[:2], self.width) <= left

    def place(self, item: Item) -> None:
        """Put ``item`` on the page, or whole on the next one; an item taller than a page of its own is cut."""
        started = False  # whether a head of ``item`` is already on an earlier page
        while True:
            gap = GAP if self.pages[-1] else 0.0
            h = item.height(self.width)
            if self.used + gap + h <= self.height:
                self._add(item, gap + h, started=started)
                return
            if self._moves_whole(item, h, started=started):
                continue
            head, tail = item.split(self.width, self.height - self.used - gap)
            if head is not None and not (head.keep_with_next or (item.keep_with_next and not self.pages[-1])):
                self._add(head, gap + head.height(self.width), started=started)
                item, started = tail, True
            elif not self.pages[-1]:
                # Nothing can be cut from it and a slide of its own is too small: a heading or a statement of
                # thousands of letters with no space (a colleague's bundle may bring one; the rules allow it).
                words = " ".join(" ".join(p.text.split()) for p in item.paras)  # on one line in the message
                raise UserError(
                    f"Some text is too long to fit on a slide even alone (“{words[:40]}…”, {len(words):,} "
                    "characters). Shorten it, and build again."
                )
            self.open(item, started=started)

    def _moves_whole(self, item: Item, h: float, *, started: bool) -> bool:
        """Open the next page for ``item`` when it fits one whole: a quote card keeps its words and who said them
        together. A heading just put above it goes along, so that a heading never ends a slide."""
        page = self.pages[-1]
        if all(i.keep_with_next for i in page) or h > self.height - self.top(item, started=started):
            return False  # nothing but a heading here yet (it must keep its item), or taller than a page: cut it
        heading = page.pop() if page[-1].keep_with_next else None
        self.open(heading or item, started=started and heading is None)
        if heading is not None:
            self._add(heading, heading.height(self.width), started=False)
        return True

    def _add(self, item: Item, h: float, *, started: bool) -> None:
        self.pages[-1].append(item)
        self.used += h
        if item.recap and not started:
            self.in_force = recap_item(item.recap, self.width)

    def finished(self) -> list[list[Item]]:
        return [
            [recap, *page] if recap is not None else page
            for page, recap in zip(self.pages, self.recaps, strict=True)
            if page
        ]


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
