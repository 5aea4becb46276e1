"""The template's colours as they will be seen: theme colours through the master's colour map, on the real background.

Every text colour comes from the theme and is checked against the background it is drawn on (WCAG 2.1 contrast:
4.5:1 for body text and attributions, 3:1 for large titles). When the template's own text colour fails, the most
readable of its other theme colours is used, or black or white, and the palette says so (the pre-flight report
shows it). Backgrounds that are pictures cannot be checked; we read them as their template's light colour.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

RGB = tuple[int, int, int]
BODY_RATIO = 4.5
LARGE_RATIO = 3.0
MARGIN = 0.15  # aim a little above the threshold: renderers round colours differently
NS = MappingProxyType(
    {
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    }
)
_MAP_DEFAULT = MappingProxyType({"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"})
_COLOUR_TAGS = ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")


def hex_rgb(value: str) -> RGB:
    value = value.strip().lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)) if len(value) == 6 else (0, 0, 0)


def rgb_hex(rgb: RGB) -> str:
    return "".join(f"{c:02X}" for c in rgb)


def luminance(rgb: RGB) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: RGB, b: RGB, share_b: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * share_b),
        round(a[1] + (b[1] - a[1]) * share_b),
        round(a[2] + (b[2] - a[2]) * share_b),
    )


def readable(candidates: list[RGB], background: RGB, ratio: float) -> tuple[RGB, bool]:
    """The first candidate readable on ``background`` (False), else black or white, whichever reads better (True)."""
    for c in candidates:
        if contrast(c, background) >= ratio + MARGIN:
            return c, False
    black, white = (0, 0, 0), (255, 255, 255)
    return (black if contrast(black, background) >= contrast(white, background) else white), True


def softened(colour: RGB, background: RGB, ratio: float = BODY_RATIO) -> RGB:
    """``colour`` moved towards ``background`` as far as it stays readable: muted text that still meets ``ratio``."""
    for share in (0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05):
        candidate = mix(colour, background, share)
        if contrast(candidate, background) >= ratio + MARGIN:
            return candidate
    return colour


def _local(element: Any) -> str:
    return str(element.tag).rpartition("}")[2]


def _modified(rgb: RGB, element: Any) -> RGB:
    h, lum, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb))
    for mod in element:
        name = _local(mod)
        val = int(mod.get("val", "0")) / 100000
        if name == "lumMod":
            lum *= val
        elif name == "lumOff":
            lum += val
        elif name == "tint":
            lum = lum * val + (1 - val)
        elif name == "shade":
            lum *= val
    r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), s)
    return (round(r * 255), round(g * 255), round(b * 255))


@dataclass
class Palette:
    """The colours text is drawn in on one layout; ``fallbacks`` says where the template's own colour failed."""

    background: RGB
    text: RGB
    heading: RGB
    muted: RGB
    accent: RGB
    card: RGB
    card_text: RGB
    card_muted: RGB
    title: RGB | None  # None: the template's title colour reads well and stays
    fallbacks: list[str] = field(default_factory=list)
    picture_background: bool = False

    def role(self, name: str, *, on_card: bool = False) -> RGB:
        if on_card:
            return {"muted": self.card_muted, "heading": self.card_text}.get(name, self.card_text)
        return {"heading": self.heading, "muted": self.muted, "accent": self.heading}.get(name, self.text)


class ThemeColours:
    def __init__(self, prs: Any) -> None:
        self.master = prs.slide_master
        theme = parse_xml(self.master.part.part_related_by(RT.THEME).blob)
        self.scheme: dict[str, RGB] = {}
        scheme = theme.find(".//a:clrScheme", NS)
        for slot in list(scheme) if scheme is not None else []:
            name = _local(slot)
            colour = next(iter(slot), None)
            if colour is None:
                continue
            value = colour.get("lastClr") or colour.get("val") or "000000"
            self.scheme[name] = hex_rgb(value)
        self.font_scheme = theme.find(".//a:fontScheme", NS)
        clr_map = self.master.element.find(qn("p:clrMap"))
        self.map = dict(_MAP_DEFAULT)
        if clr_map is not None:
            self.map.update({k: v for k, v in clr_map.attrib.items()})

    def fonts(self) -> tuple[str, str]:
        """The theme's heading and body typefaces (Latin)."""
        out = []
        for kind in ("majorFont", "minorFont"):
            latin = self.font_scheme.find(f"a:{kind}/a:latin", NS) if self.font_scheme is not None else None
            face = latin.get("typeface", "") if latin is not None else ""
            out.append(face if face and not face.startswith("+") else "Arial")
        return out[0], out[1]

    def slot(self, name: str, mapping: dict[str, str] | None = None) -> RGB:
        mapping = mapping or self.map
        name = mapping.get(name, name)
        return self.scheme.get(name, (0, 0, 0) if name.startswith("dk") else (255, 255, 255))

    def resolve(self, element: Any, mapping: dict[str, str] | None = None) -> RGB | None:
        """The RGB of a colour element (or of the first colour inside a fill), modifiers applied."""
        if element is None:
            return None
        tag = _local(element)
        if tag not in _COLOUR_TAGS:
            colour = next((c for c in element.iter() if _local(c) in _COLOUR_TAGS), None)
            return self.resolve(colour, mapping) if colour is not None else None
        if tag == "srgbClr":
            base = hex_rgb(element.get("val", "000000"))
        elif tag == "sysClr":
            base = hex_rgb(element.get("lastClr", "000000"))
        elif tag == "schemeClr":
            base = self.slot(element.get("val", "tx1"), mapping)
        else:
            base = (0, 0, 0)
        return _modified(base, element)

    def _mapping(self, layout: Any) -> dict[str, str]:
        override = layout.element.find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
        mapping = dict(self.map)
        if override is not None:
            mapping.update(dict(override.attrib))
        return mapping

    def background(self, layout: Any) -> tuple[RGB, bool]:
        """The slide background on ``layout`` and whether it is a picture (or pattern) we cannot read."""
        mapping = self._mapping(layout)
        full = int(layout.slide_master.part.package.presentation_part.presentation.slide_width or 0)
        for owner in (layout, self.master):
            for shape in reversed(list(owner.shapes)):  # the topmost full-slide shape is what text sits on
                if shape.is_placeholder or not shape.width or full == 0 or shape.width < full * 0.9:
                    continue
                if shape.height and shape.height > 0 and shape.top is not None and shape.top <= 0:
                    sp_pr = shape.element.find(qn("p:spPr"))
                    fill = sp_pr.find(qn("a:solidFill")) if sp_pr is not None else None
                    colour = self.resolve(fill, mapping)
                    if colour is not None:
                        return colour, False
            bg = owner.element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
            if bg is None:
                continue
            props = bg.find(qn("p:bgPr"))
            if props is not None:
                if props.find(qn("a:blipFill")) is not None or props.find(qn("a:pattFill")) is not None:
                    return self.slot("bg1", mapping), True
                stops = props.findall(f"{qn('a:gradFill')}/{qn('a:gsLst')}/{qn('a:gs')}")
                if stops:
                    colours = [c for c in (self.resolve(s, mapping) for s in stops) if c is not None]
                    if colours:
                        avg = tuple(round(sum(c[i] for c in colours) / len(colours)) for i in range(3))
                        return (avg[0], avg[1], avg[2]), False
            colour = self.resolve(props if props is not None else bg.find(qn("p:bgRef")), mapping)
            if colour is not None:
                return colour, False
        return self.slot("bg1", mapping), False

    def _title_colour(self, layout: Any, mapping: dict[str, str]) -> RGB:
        path = f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:solidFill')}"
        for owner in (layout, self.master):
            for ph in owner.placeholders:
                if ph.placeholder_format.type is not None and ph.placeholder_format.type.name in (
                    "TITLE",
                    "CENTER_TITLE",
                ):
                    colour = self.resolve(ph.element.find(path), mapping)
                    if colour is not None:
                        return colour
                    break
        style = self.master.element.find(
            f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:solidFill')}"
        )
        return self.resolve(style, mapping) or self.slot("tx1", mapping)

    def palette(self, layout: Any) -> Palette:
        mapping = self._mapping(layout)
        bg, picture = self.background(layout)
        notes: list[str] = []
        own_text = self.slot("tx1", mapping)
        others = [self.slot(n, mapping) for n in ("tx1", "tx2", "bg1", "bg2")]
        text, fell = readable([own_text, *others], bg, BODY_RATIO)
        if fell:
            notes.append(
                f"body text: no theme colour is readable on the background #{rgb_hex(bg)}; #{rgb_hex(text)} is used"
            )
        heading, _ = readable([self.slot("tx2", mapping), text], bg, BODY_RATIO)
        accent = self.slot("accent1", mapping)
        card = mix(bg, accent, 0.1)
        card_text, _ = readable([text, *others], card, BODY_RATIO)
        own_title = self._title_colour(layout, mapping)
        title: RGB | None = None
        if contrast(own_title, bg) < LARGE_RATIO + MARGIN:
            title, _ = readable([heading, text, *others], bg, LARGE_RATIO)
            notes.append(f"titles: #{rgb_hex(own_title)} on #{rgb_hex(bg)} is hard to read; #{rgb_hex(title)} is used")
        return Palette(
            background=bg,
            text=text,
            heading=heading,
            muted=softened(text, bg),
            accent=accent,
            card=card,
            card_text=card_text,
            card_muted=softened(card_text, card),
            title=title,
            fallbacks=notes,
            picture_background=picture,
        )
