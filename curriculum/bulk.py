"""Work that allocates many small objects at once (loading a workspace, laying out a pack)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration.

    Loading records or laying out a PDF creates hundreds of thousands of short-lived,
    acyclic objects; left on, the collector rescans the growing heap again and again
    (a third of a cold load, an eighth of a PDF build, measured in benchmarks/run.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
