"""Writes ``presentation-template.pptx``, peerdesk's own presentation template. Run it after changing the design:

    python resources/make_template.py

python-pptx cannot design layouts, so this starts from its plain default template and reshapes it: 16:9, Arial
(the font peerdesk measures text with), a high-contrast palette in the theme (so every colour the export uses is a
theme colour and a user's own template recolours it), left-aligned bold titles, a navy title slide and a thin accent
stripe on every other slide. The export finds layouts by name ("Title Slide", "Title Only") or placeholder type.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

HERE = Path(__file__).resolve().parent
OUT = HERE / "presentation-template.pptx"

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 16:9, 13.333 × 7.5 inches
MARGIN = Inches(0.6)

# High contrast on white: body text 15:1, headings navy 12:1, accent blue 5:1 (large text and rules only).
PALETTE = {
    "dk1": "1F2933",
    "lt1": "FFFFFF",
    "dk2": "1D3557",
    "lt2": "EEF3F8",
    "accent1": "1D6FB8",
    "accent2": "C0392B",
    "accent3": "2D6A4F",
    "accent4": "B7791F",
    "accent5": "5B6570",
    "accent6": "7B3F98",
    "hlink": "1D6FB8",
    "folHlink": "5B3F98",
}


def _a(tag: str) -> str:
    return f"{{{NS['a']}}}{tag}"


def set_theme(prs: Presentation) -> None:
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    scheme = root.find(".//a:clrScheme", NS)
    assert scheme is not None
    scheme.set("name", "peerdesk")
    for name, value in PALETTE.items():
        slot = scheme.find(f"a:{name}", NS)
        assert slot is not None
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, _a("srgbClr"), val=value)
    fonts = root.find(".//a:fontScheme", NS)
    assert fonts is not None
    fonts.set("name", "peerdesk")
    for kind in ("majorFont", "minorFont"):
        latin = fonts.find(f"a:{kind}/a:latin", NS)
        assert latin is not None
        latin.set("typeface", "Arial")
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def style_master(prs: Presentation) -> None:
    master = prs.slide_master
    title = master.element.find(".//p:txStyles/p:titleStyle/a:lvl1pPr", NS)
    assert title is not None
    title.set("algn", "l")
    rpr = title.find("a:defRPr", NS)
    assert rpr is not None
    rpr.set("sz", "3200")
    rpr.set("b", "1")
    _scheme_fill(rpr, "tx2")
    body = master.element.find(".//p:txStyles/p:bodyStyle", NS)
    assert body is not None
    for level, size in (("lvl1pPr", 2200), ("lvl2pPr", 2000), ("lvl3pPr", 1800)):
        node = body.find(f"a:{level}/a:defRPr", NS)
        if node is not None:
            node.set("sz", str(size))


def _scheme_fill(rpr: etree._Element, scheme: str) -> None:
    for old in rpr.findall("a:solidFill", NS):
        rpr.remove(old)
    fill = etree.Element(_a("solidFill"))
    etree.SubElement(fill, _a("schemeClr"), val=scheme)
    rpr.insert(0, fill)


def reshape(prs: Presentation) -> None:
    """Stretch every placeholder to 16:9, then give the content layouts a common title band."""
    factor = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for ph in owner.placeholders:
            ph.left, ph.width = Emu(int(ph.left * factor)), Emu(int(ph.width * factor))
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            kind = ph.placeholder_format.type
            if layout.name != "Title Slide" and kind is not None and kind.name == "TITLE":
                ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(0.35), WIDTH - 2 * MARGIN, Inches(0.95)
            if layout.name in ("Title and Content", "Title Only") and kind is not None and kind.name == "OBJECT":
                ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(1.4), WIDTH - 2 * MARGIN, Inches(5.5)


def title_slide(prs: Presentation) -> None:
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Title Slide")
    layout.background.fill.solid()
    layout.background.fill.fore_color.theme_color = MSO_THEME_COLOR.TEXT_2
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind is not None and kind.name == "CENTER_TITLE":
            ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(2.0), WIDTH - 2 * MARGIN, Inches(2.2)
            _placeholder_text(ph, "bg1", 4000, bold=True, anchor="b")
        elif kind is not None and kind.name == "SUBTITLE":
            ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(4.5), WIDTH - 2 * MARGIN, Inches(1.8)
            _placeholder_text(ph, "bg2", 2200, bold=False, anchor="t")


def section_slide(prs: Presentation) -> None:
    """Section dividers in the cover's look: navy, a large white title, the subtitle in the light theme colour."""
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Section Header")
    layout.background.fill.solid()
    layout.background.fill.fore_color.theme_color = MSO_THEME_COLOR.TEXT_2
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind is not None and kind.name == "TITLE":
            ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(2.2), WIDTH - 2 * MARGIN, Inches(1.6)
            _placeholder_text(ph, "bg1", 4000, bold=True, anchor="b")
            cap = ph._element.find(".//a:lstStyle/a:lvl1pPr/a:defRPr", NS)
            if cap is not None:
                cap.set("cap", "none")
        elif kind is not None and kind.name == "BODY":
            ph.left, ph.top, ph.width, ph.height = MARGIN, Inches(4.0), WIDTH - 2 * MARGIN, Inches(1.4)
            _placeholder_text(ph, "bg2", 2200, bold=False, anchor="t")


def _placeholder_text(ph: object, scheme: str, size: int, *, bold: bool, anchor: str) -> None:
    element = ph._element  # type: ignore[attr-defined]
    tx_body = element.find(f"{{{NS['p']}}}txBody")
    body_pr = tx_body.find("a:bodyPr", NS)
    body_pr.set("anchor", anchor)
    lst = tx_body.find("a:lstStyle", NS)
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, _a("lvl1pPr"), algn="l", indent="0", marL="0")
    etree.SubElement(lvl, _a("buNone"))
    rpr = etree.SubElement(lvl, _a("defRPr"), sz=str(size), b="1" if bold else "0")
    _scheme_fill(rpr, scheme)


def accent_stripe(prs: Presentation) -> None:
    """A thin accent stripe down the left edge of every content slide (drawn on the master, hidden on the title)."""
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    stripe = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.14), HEIGHT)
    stripe.fill.solid()
    stripe.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    stripe.line.fill.background()
    stripe.name = "peerdesk accent stripe"
    element = copy.deepcopy(stripe._element)
    tree = prs.slide_master.shapes._spTree
    tree.insert(2, element)  # after nvGrpSpPr and grpSpPr: behind the placeholders
    _drop_slide(prs, 0)


def _drop_slide(prs: Presentation, index: int) -> None:
    ids = prs.slides._sldIdLst
    slide_id = ids[index]
    prs.part.drop_rel(slide_id.rId)
    ids.remove(slide_id)


def main() -> int:
    prs = Presentation()
    set_theme(prs)
    style_master(prs)
    reshape(prs)
    title_slide(prs)
    section_slide(prs)
    accent_stripe(prs)
    prs.core_properties.title = "peerdesk presentation template"
    prs.core_properties.author = "peerdesk"
    prs.save(str(OUT))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
