"""Version stamps: a total order that string comparison gives, never going backwards."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.store.hlc import Clock, Stamp


def test_stamps_increase_even_when_the_wall_clock_stands_still_or_goes_back() -> None:
    clock = Clock("m1")
    stamps = [clock.tick(1000), clock.tick(1000), clock.tick(900), clock.tick(1001)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4


def test_observing_a_later_stamp_moves_past_it() -> None:
    clock = Clock("m1")
    clock.tick(1000)
    clock.observe(str(Stamp(5000, 3, "m2")))
    assert clock.tick(1000) > str(Stamp(5000, 3, "m2"))


@given(st.lists(st.tuples(st.integers(0, 10**12), st.integers(0, 99999), st.sampled_from(["a", "b", "c"])), min_size=2))
def test_string_order_is_the_stamp_order(parts: list[tuple[int, int, str]]) -> None:
    stamps = [Stamp(*p) for p in parts]
    assert sorted(stamps) == [Stamp.parse(s) for s in sorted(str(s) for s in stamps)]
