"""How many items may be in flight: additive increase, multiplicative decrease (AIMD).

The window starts at the caller's `concurrency`. A 429 halves it, once per round: answers to
requests sent before the last cut say nothing new about the current load, so they do not cut it
again. Every other answer grows it by `1 / size`, so a full window of successes adds one item,
back up to `concurrency`. While throttled, nothing new starts until the service's
`Retry-After` (or a backoff with jitter, without one) has passed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from .._retry import RetryPolicy

__all__ = ["Window"]

#: The pause after a 429 without `Retry-After`: backoff from 0.5 s, doubling, up to 30 s.
_THROTTLE_BACKOFF = RetryPolicy(max_retries=0, initial_delay=0.5, max_delay=30.0)


class Window:
    """The adaptive limit on items in flight, and the pause after throttling.

    Args:
        limit: The most items in flight (the caller's `concurrency`).
        rand: A source of floats in [0, 1) for the backoff's jitter.
    """

    __slots__ = ("_cut_at", "_rand", "_throttles", "limit", "paused_until", "size")

    def __init__(self, limit: int, *, rand: Callable[[], float] = random.random) -> None:
        self.limit = limit
        self.size = float(limit)
        self.paused_until = -math.inf
        self._cut_at = -math.inf
        self._throttles = 0
        self._rand = rand

    @property
    def allowed(self) -> int:
        """Items that may be in flight now."""
        return max(1, int(self.size))

    def paused(self, now: float) -> bool:
        """Whether new requests must wait for the service's pause to pass."""
        return now < self.paused_until

    def throttled(self, *, sent_at: float, now: float, retry_after: str | None) -> float:
        """A request sent at `sent_at` was answered 429 at `now`; return the pause in seconds."""
        if sent_at >= self._cut_at:
            self.size = max(1.0, self.size / 2)
            self._cut_at = now
        pause = _THROTTLE_BACKOFF.delay(
            attempt=self._throttles, retry_after=retry_after, rand=self._rand
        )
        self._throttles += 1
        self.paused_until = max(self.paused_until, now + pause)
        return pause

    def succeeded(self) -> None:
        """A request was answered without throttling: grow back towards the limit."""
        self._throttles = 0
        if self.size < self.limit:
            self.size = min(float(self.limit), self.size + 1.0 / self.size)
