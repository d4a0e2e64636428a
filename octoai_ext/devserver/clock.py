"""The development server's clock: real time, or real time plus an offset that tests advance.

Everything the server simulates takes its time from one `Clock`: the cold start, how long an
asynchronous job stays pending, how long an inference runs, how long a result is kept, and the
``created`` timestamps of answers. With ``--test-clock`` the server uses a `ControlledClock`
instead, which a test moves forward (``POST /_devserver/clock``) rather than sleeping through
a job's duration or a cold start.

The ``delay`` and ``stall`` fault directives stay on real time on purpose: they stand for a slow
network, and what they test is how a client's own timeouts, measured on its real clock, see
the bytes arrive. Advancing the server's clock must not make a stalled stream speak.
"""

from __future__ import annotations

import asyncio
import math
import time
from datetime import UTC, datetime, timedelta
from typing import Final

__all__ = ["Clock", "ControlledClock", "Timeline"]

# Bounds the yields `advance` spends letting woken sleepers run; each needs one.
_SETTLE_ROUNDS: Final = 100


class Clock:
    """Real time: monotonic seconds for durations, UTC datetimes for timestamps."""

    def now(self) -> float:
        """Seconds on a monotonic scale; only differences between readings mean something."""
        return time.monotonic()

    def wall(self) -> datetime:
        """The current date and time, in UTC."""
        return datetime.now(UTC)

    def time(self) -> float:
        """`wall` as seconds since the epoch: ``created`` fields and the platform's records."""
        return time.time()

    async def sleep_until(self, deadline: float) -> None:
        """Return once `now()` has reached `deadline` (at once if it already has)."""
        remaining = deadline - self.now()
        if remaining > 0:
            await asyncio.sleep(remaining)

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock's time."""
        await self.sleep_until(self.now() + seconds)


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class ControlledClock(Clock):
    """Real time plus an offset that only grows, for tests.

    It keeps running at real speed, so a server that nobody advances behaves as usual.
    `advance` moves it forward and wakes at once every sleeper whose deadline it passed.
    """

    def __init__(self) -> None:
        self._offset = 0.0
        self._sleepers: dict[asyncio.Future[None], float] = {}

    @property
    def advanced(self) -> float:
        """The seconds `advance` has added so far."""
        return self._offset

    @property
    def sleeping(self) -> int:
        """How many waits are in progress."""
        return len(self._sleepers)

    def now(self) -> float:
        """Seconds on a monotonic scale, `advanced` seconds ahead of real time."""
        return time.monotonic() + self._offset

    def wall(self) -> datetime:
        """The current date and time in UTC, `advanced` seconds ahead."""
        return datetime.now(UTC) + timedelta(seconds=self._offset)

    def time(self) -> float:
        """Seconds since the epoch, `advanced` seconds ahead."""
        return time.time() + self._offset

    async def sleep_until(self, deadline: float) -> None:
        """Return once `now()` has reached `deadline`, by real time passing or by `advance`."""
        loop = asyncio.get_running_loop()
        while (remaining := deadline - self.now()) > 0:
            waiter: asyncio.Future[None] = loop.create_future()
            self._sleepers[waiter] = deadline
            timer = loop.call_later(remaining, _wake, waiter)
            try:
                await waiter
            finally:
                timer.cancel()
                del self._sleepers[waiter]

    async def advance(self, seconds: float) -> float:
        """Move the clock forward and wake every sleeper whose deadline has come.

        It returns only after each woken sleeper has run on to its next wait, so whatever
        they do without waiting further (a job moving to ``completed``) is visible to the
        next request.

        Args:
            seconds: How far to move; zero or more.

        Returns:
            `now()` after the move.

        Raises:
            ValueError: `seconds` is negative or not finite.
        """
        if not (math.isfinite(seconds) and seconds >= 0):
            raise ValueError(f"the clock only moves forward by a finite amount, not {seconds!r}")
        self._offset += seconds
        now = self.now()
        due = [waiter for waiter, deadline in self._sleepers.items() if deadline <= now]
        for waiter in due:
            _wake(waiter)
        for _ in range(_SETTLE_ROUNDS):
            if not any(waiter in self._sleepers for waiter in due):
                break
            await asyncio.sleep(0)
        return now


class Timeline:
    """Waits scheduled back to back from a start time, such as a job's pending and running.

    Each wait ends a fixed time after the previous one was due, not after it actually
    returned. So one jump of a `ControlledClock` carries a job through every phase that fits
    in it, and late wake-ups on a busy machine do not stretch a job.

    Args:
        clock: The clock to wait on.
        start: When the first wait starts, on that clock (for example a request's arrival).
    """

    def __init__(self, clock: Clock, start: float) -> None:
        self.clock = clock
        self.at = start

    async def wait(self, seconds: float) -> None:
        """Wait until `seconds` after the end of the previous wait (or the start)."""
        self.at += seconds
        await self.clock.sleep_until(self.at)
