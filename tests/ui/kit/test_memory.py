"""The garbage collector held off for a burst of objects, and left as it was found."""

from __future__ import annotations

import gc

import pytest

from peerdesk.ui.kit.memory import collector_paused


@pytest.fixture
def collector_on() -> None:
    gc.enable()


def test_no_collection_runs_inside_and_the_collector_is_on_again_after(collector_on: None) -> None:
    started: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with collector_paused():
            assert not gc.isenabled()
            kept = [[n] for n in range(50_000)]  # container objects: every 700 would set off a collection
            assert started == []
        assert gc.isenabled() and len(kept) == 50_000
    finally:
        gc.callbacks.remove(count)


def test_a_collector_found_off_stays_off_and_an_error_still_restores_it(collector_on: None) -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("in the middle")
    assert gc.isenabled()
