from __future__ import annotations

from peerdesk.ui.kit import palette


def test_each_kind_has_its_own_fill_and_a_darker_edge() -> None:
    kinds = ("rose", "thorn", "bud", "idea")
    assert len({palette.fill(k).name() for k in kinds}) == 4
    for kind in kinds:
        assert palette.edge(kind).lightness() < palette.fill(kind).lightness()


def test_dark_ink_reads_on_every_fill() -> None:
    for kind in ("rose", "thorn", "bud", "idea"):
        assert palette.fill(kind).lightness() - palette.ink().lightness() > 120


def test_an_unknown_kind_is_grey_not_an_error() -> None:
    assert palette.fill("later-kind").name() == palette.UNKNOWN_FILL
    assert palette.edge("later-kind").name() == palette.UNKNOWN_EDGE
