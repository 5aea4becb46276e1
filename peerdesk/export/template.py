"""Reading an authority's template: which layout is which, where text may go, and what it will be drawn on.

Layouts are recognised by their placeholders, never by name (authorities rename them): a cover has a title and a
subtitle, a content layout a title and a body, a title-only layout a title and nothing else, a section header is
the layout the file itself marks ``secHead``. Where one is missing we derive it from another and say so (the
pre-flight report lists ``notes``). The room for a slide's body is the layout's body placeholder, or the slide
less its title; either way it is cut back until it clears every shape the master or layout draws (footer bands,
logos, page numbers), so nothing we write ever sits on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from peerdesk.export.colours import Palette, ThemeColours

TITLE_KINDS = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})
BODY_KINDS = frozenset({PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT})
SUBTITLE_KINDS = frozenset({PP_PLACEHOLDER.SUBTITLE})
FOOTER_KINDS = frozenset({PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.SLIDE_NUMBER})
BACKGROUND_SHARE = 0.6  # a master shape covering this much of the slide is a background, not an obstacle
CLEARANCE = int(Pt(6))  # space kept between our text and a master shape


@dataclass(frozen=True)
class Rect:
    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def area(self) -> int:
        return max(0, self.width) * max(0, self.height)

    def overlaps(self, other: Rect) -> bool:
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )

    def avoiding(self, obstacles: Iterable[Rect], gap: int = CLEARANCE) -> Rect:
        """The largest of the cuts (above, below, left or right of each obstacle) that clears them all."""
        rect = self
        for _ in range(12):
            hit = next((o for o in obstacles if rect.overlaps(o)), None)
            if hit is None:
                return rect
            cuts = (
                Rect(rect.left, hit.bottom + gap, rect.width, rect.bottom - hit.bottom - gap),
                Rect(rect.left, rect.top, rect.width, hit.top - gap - rect.top),
                Rect(hit.right + gap, rect.top, rect.right - hit.right - gap, rect.height),
                Rect(rect.left, rect.top, hit.left - gap - rect.left, rect.height),
            )
            rect = max(cuts, key=lambda r: r.area if r.width > 0 and r.height > 0 else -1)
        return rect


def rect_of(shape: Any) -> Rect | None:
    try:
        left, top, width, height = shape.left, shape.top, shape.width, shape.height
    except (AttributeError, KeyError):
        return None
    if left is None or top is None or not width or not height:
        return None
    return Rect(int(left), int(top), int(width), int(height))


def kinds_of(owner: Any) -> set[Any]:
    return {ph.placeholder_format.type for ph in owner.placeholders}


def placeholder(owner: Any, kinds: Iterable[Any]) -> Any | None:
    wanted = set(kinds)
    for ph in owner.placeholders:
        if ph.placeholder_format.type in wanted:
            return ph
    return None


def placeholder_rect(owner: Any, kinds: Iterable[Any]) -> Rect | None:
    """Where ``owner``'s first placeholder of one of ``kinds`` stands; None without one (or without a size)."""
    ph = placeholder(owner, kinds)
    return rect_of(ph) if ph is not None else None


@dataclass
class Layouts:
    cover: Any
    content: Any  # title and body
    title_only: Any
    section: Any
    notes: list[str]


def find_layouts(prs: Any) -> Layouts:
    layouts = list(prs.slide_layouts)
    notes: list[str] = []

    def first(test: Any) -> Any | None:
        return next((lay for lay in layouts if test(kinds_of(lay), lay)), None)

    def marked(layout: Any, kind: str) -> bool:
        return str(layout.element.get("type", "")) == kind

    title_only = first(
        lambda k, lay: k & TITLE_KINDS and not k & (BODY_KINDS | SUBTITLE_KINDS) and not marked(lay, "title")
    )
    content = first(lambda k, lay: k & TITLE_KINDS and k & BODY_KINDS and not marked(lay, "secHead") and _one_body(lay))
    cover = first(lambda k, lay: k & TITLE_KINDS and k & SUBTITLE_KINDS) or first(lambda k, lay: marked(lay, "title"))
    section = first(lambda k, lay: marked(lay, "secHead") and k & TITLE_KINDS)
    any_title = first(lambda k, lay: bool(k & TITLE_KINDS))
    blank = first(lambda k, lay: not k & (TITLE_KINDS | BODY_KINDS | SUBTITLE_KINDS)) or layouts[-1]
    if content is None and title_only is None:
        content = title_only = any_title or blank
        notes.append(
            "The template has no layout with a title and a body: slides use "
            + (f"its layout “{any_title.name}”." if any_title is not None else "a blank layout with our own title.")
        )
    elif content is None:
        content = title_only
        notes.append(
            "The template has no title-and-body layout: the body is placed below the title-only layout's title."
        )
    elif title_only is None:
        title_only = content
    if cover is not None and not kinds_of(cover) & SUBTITLE_KINDS:
        notes.append("The template's cover layout has no subtitle: the subtitle is placed below its title.")
    if cover is None:
        cover = title_only
        notes.append(
            "The template has no cover layout with a subtitle: the title slide is built on the content layout."
        )
    if section is None:
        section = cover
        notes.append("The template has no section header layout: section dividers use the cover layout.")
    return Layouts(cover, content, title_only, section, notes)


def _one_body(layout: Any) -> bool:
    return sum(1 for ph in layout.placeholders if ph.placeholder_format.type in BODY_KINDS) == 1


class Template:
    """A template's geometry and colours, read once."""

    def __init__(self, prs: Any) -> None:
        self.prs = prs
        self.width = int(prs.slide_width)
        self.height = int(prs.slide_height)
        self.layouts = find_layouts(prs)
        self.colours = ThemeColours(prs)
        self.major_font, self.minor_font = self.colours.fonts()
        # A layout's geometry never changes while a deck is written: each rectangle is worked out once per layout
        # (reading a master's shapes through python-pptx is slow enough to matter on every slide).
        self._rects: dict[tuple[str, str], Rect] = {}
        self._obstacles: dict[str, list[Rect]] = {}
        self._flags: dict[tuple[str, str], bool] = {}

    def _once(self, kind: str, layout: Any, make: Any) -> Rect:
        key = (kind, str(layout.part.partname))
        if key not in self._rects:
            self._rects[key] = make(layout)
        return self._rects[key]

    @property
    def slide(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    def margin(self) -> int:
        return int(min(self.width, self.height) * 0.06)

    def obstacles(self, layout: Any) -> list[Rect]:
        """What the master and the layout draw on every slide: shapes, pictures, and footer placeholders."""
        key = str(layout.part.partname)
        if key not in self._obstacles:
            self._obstacles[key] = self._find_obstacles(layout)
        return self._obstacles[key]

    def _find_obstacles(self, layout: Any) -> list[Rect]:
        owners = [layout]
        if layout.element.get("showMasterSp", "1") not in ("0", "false"):
            owners.append(layout.slide_master)
        rects = []
        full = self.width * self.height * BACKGROUND_SHARE
        for owner in owners:
            for shape in owner.shapes:
                if shape.is_placeholder and shape.placeholder_format.type not in FOOTER_KINDS:
                    continue
                rect = rect_of(shape)
                if rect is not None and rect.area < full:
                    rects.append(rect)
        return rects

    def safe(self, rect: Rect, layout: Any) -> Rect:
        """``rect`` within the slide's margins (half of them at the edges of a placeholder) and clear of obstacles."""
        m = self.margin() // 2
        left, top = max(rect.left, m), max(rect.top, m)
        right, bottom = min(rect.right, self.width - m), min(rect.bottom, self.height - m)
        return Rect(left, top, right - left, bottom - top).avoiding(self.obstacles(layout))

    def title_rect(self, layout: Any) -> Rect:
        return self._once("title_rect", layout, self._title_rect)

    def _placed(self, layout: Any, kinds: Iterable[Any], otherwise: Callable[[int], Rect]) -> Rect:
        """The layout's placeholder of ``kinds``, else ``otherwise(margin)``; either kept to the safe area."""
        rect = placeholder_rect(layout, kinds)
        return self.safe(rect if rect is not None else otherwise(self.margin()), layout)

    def _title_rect(self, layout: Any) -> Rect:
        return self._placed(layout, TITLE_KINDS, lambda m: Rect(m, m // 2, self.width - 2 * m, int(self.height * 0.16)))

    def body_rect(self, layout: Any) -> Rect:
        """Where a content slide's body goes: the body placeholder, else the largest room the title leaves."""
        return self._once("body_rect", layout, self._body_rect)

    def _body_rect(self, layout: Any) -> Rect:
        def below_title(m: int) -> Rect:
            whole = Rect(m, m, self.width - 2 * m, self.height - 2 * m)
            title = self.title_rect(layout)
            if title.width >= whole.width // 2:
                # A title across the slide: the body (a table, a chart) lines up under its left and right edges.
                left, right = max(whole.left, title.left), min(whole.right, title.right)
                whole = Rect(left, whole.top, right - left, whole.height)
            return whole.avoiding([title], gap=int(Pt(12)))

        return self._placed(layout, BODY_KINDS, below_title)

    def subtitle_rect(self, layout: Any) -> Rect:
        return self._once("subtitle_rect", layout, self._subtitle_rect)

    def _subtitle_rect(self, layout: Any) -> Rect:
        ph = placeholder(layout, SUBTITLE_KINDS) or placeholder(layout, BODY_KINDS)
        rect = rect_of(ph) if ph is not None else None
        if rect is None:
            title = self.title_rect(layout)
            m = self.margin()
            below = Rect(title.left, title.bottom + m // 2, title.width, self.height - title.bottom - m)
            rect = below if below.height > self.height * 0.15 else Rect(m, m, self.width - 2 * m, self.height - 2 * m)
            rect = rect.avoiding([title])
        return self.safe(rect, layout)

    def number_rect(self, layout: Any) -> Rect:
        """Where the slide number goes: the template's own slide-number spot, else a bottom corner, above any band."""
        return self._once("number_rect", layout, self._number_rect)

    def _number_rect(self, layout: Any) -> Rect:
        obstacles = [o for o in self.obstacles(layout)]
        for owner in (layout, layout.slide_master):
            rect = placeholder_rect(owner, [PP_PLACEHOLDER.SLIDE_NUMBER])
            if rect is not None and rect.height <= self.height * 0.15:
                others = [o for o in obstacles if o != rect]
                if not any(rect.overlaps(o) for o in others):
                    return rect
                break
        m = self.margin() // 2
        width, height = int(Pt(60)), int(Pt(22))
        rect = Rect(self.width - m - width, self.height - m - height, width, height)
        for _ in range(8):
            hit = [o for o in obstacles if rect.overlaps(o)]
            if not hit:
                break
            rect = Rect(rect.left, min(o.top for o in hit) - height - CLEARANCE, width, height)
        return rect

    def palette(self, layout: Any) -> Palette:
        return self.colours.palette(layout)

    def caps(self, layout: Any, kinds: frozenset[Any]) -> bool:
        """Whether the template sets this placeholder's text in capitals (``cap="all"``, or small capitals): such
        text is measured in capitals, which run far wider than the words we write."""
        key = (f"caps{sorted(kinds)}", str(layout.part.partname))
        if key not in self._flags:
            self._flags[key] = _caps(layout, kinds)
        return self._flags[key]

    def has_title(self, layout: Any) -> bool:
        key = ("has_title", str(layout.part.partname))
        if key not in self._flags:
            self._flags[key] = placeholder(layout, TITLE_KINDS) is not None
        return self._flags[key]


def _caps(layout: Any, kinds: frozenset[Any]) -> bool:
    """The layout's own placeholder decides when it says; else the master's placeholder and its title style."""
    master = layout.slide_master
    owners = [placeholder(layout, kinds), placeholder(master, kinds)]
    styles = master.element.find(qn("p:txStyles"))
    style = None
    if styles is not None:
        style = styles.find(qn("p:titleStyle" if kinds & TITLE_KINDS else "p:bodyStyle"))
    for element in [o.element for o in owners if o is not None] + ([style] if style is not None else []):
        for node in element.iter(qn("a:defRPr"), qn("a:rPr")):
            if node.get("cap") is not None:
                return node.get("cap") in ("all", "small")
    return False


def derived_notes(template: Template) -> list[str]:
    return list(template.layouts.notes)


def set_rect(shape: Any, rect: Rect) -> None:
    """Give ``shape`` its own position and size (written straight into its ``a:xfrm``: python-pptx's four
    setters on an inheriting placeholder cost more than the rest of a slide's title)."""
    sp_pr = shape._element.spPr
    xfrm = sp_pr.find(qn("a:xfrm"))
    if xfrm is None:
        xfrm = parse_xml(f'<a:xfrm {nsdecls("a")}><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>')
        sp_pr.insert(0, xfrm)  # the first child of spPr, before any geometry or fill
    for tag, attrs in (("a:off", {"x": rect.left, "y": rect.top}), ("a:ext", {"cx": rect.width, "cy": rect.height})):
        child = xfrm.find(qn(tag))
        if child is None:
            child = parse_xml(f"<{tag} {nsdecls('a')}/>")
            xfrm.insert(0 if tag == "a:off" else len(xfrm), child)
        for name, value in attrs.items():
            child.set(name, str(int(value)))


def clear_autofit(shape: Any) -> None:
    """No shrink-on-overflow from the template: we size text ourselves and the renderer must not second-guess it."""
    body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
    if body_pr is not None:
        for child in list(body_pr):
            if child.tag in (qn("a:normAutofit"), qn("a:spAutoFit")):
                body_pr.remove(child)
