"""Python's cyclic garbage collector, held off while a burst of objects that are not garbage is made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside: for making thousands of objects at once (a wall's items and the views they
    are read into). None of them is garbage, yet each few hundred set off a collection, and now and then one that
    walked every object in the process (~70–90 ms at 10,000 post-its, at moments nobody chose). The collector is
    left as it was found (the app starts with it off: ``ui.shell.app.collect_garbage_again``)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
