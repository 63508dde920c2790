"""Python's cycle collector, paused while a stage works on every claim of a run at once."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """Matching and comparing make many small containers and no reference cycles; meanwhile the cycle collector
    would walk every claim of the run again and again (a third of comparing's time with 100,000 claims)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
