"""The survey chart: its ticks and key read the shared scale, or percentages when items differ."""

from __future__ import annotations

from peerdesk.ui.workshop.survey_chart import scale_key, ticks


def test_the_chart_ticks_read_the_shared_scale_or_percentages_when_items_differ() -> None:
    assert [label for _, label in ticks((1, 7))] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [label for _, label in ticks((0, 10))] == [str(n) for n in range(11)]
    assert [label for _, label in ticks((0, 100))] == [str(n) for n in range(0, 101, 10)]
    assert [label for _, label in ticks((1, 100))][:3] == ["1", "10", "20"]
    assert [label for _, label in ticks(None)] == ["0 %", "25 %", "50 %", "75 %", "100 %"]
    assert scale_key((1, 7)) == "1 = the left statement · 7 = the right"
    assert "different scales" in scale_key(None)
