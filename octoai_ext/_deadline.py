"""The deadline of the operation in progress: how long the request in flight may still take.

httpx's timeouts limit each phase of a request (connect, each read, each write, the wait for
a pooled connection); none limits the request as a whole, so a server that trickles one byte
at a time can hold a call for ever while never tripping the read timeout. The clients set the
time left for the current operation in a context variable with `deadline_scope`, and the layer
under httpcore's network backend (`_deadline_layer`, installed when a client is built) caps every
connect, read and write by it. Outside a deadline (any request not sent by this package, even on
a shared `httpx.Client`) the layer changes nothing.

This module imports neither httpx nor httpcore, so that importing the package does not load
httpcore: httpx itself loads it only when a client is built.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

__all__ = ["DEADLINE", "deadline_scope", "seconds_left"]

#: The `time.monotonic()` instant at which the operation in progress must end, if any.
DEADLINE: ContextVar[float | None] = ContextVar("octoai_ext_deadline", default=None)


def seconds_left() -> float | None:
    """Seconds until the current deadline (may be negative), or None outside any deadline."""
    deadline = DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


@contextlib.contextmanager
def deadline_scope(seconds: float | None) -> Iterator[None]:
    """Run the body with `seconds` left (None: no deadline); an outer, earlier one still holds."""
    if seconds is None:
        yield
        return
    deadline = time.monotonic() + seconds
    outer = DEADLINE.get()
    token = DEADLINE.set(deadline if outer is None else min(outer, deadline))
    try:
        yield
    finally:
        DEADLINE.reset(token)
