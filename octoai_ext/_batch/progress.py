"""`BatchProgress`: the counts a batch reports to its `on_progress` callback."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, TypeAlias

__all__ = ["BatchProgress", "BatchProgressCallback", "RateMeter"]

#: The rate is measured over the last this many seconds.
_RATE_SPAN: Final = 10.0


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a batch run stands.

    Attributes:
        submitted: Items sent in this run (resubmissions included).
        running: Items in flight: sent and not finished (some sent by an earlier run).
        done: Items completed in this run.
        failed: Items failed in this run.
        resubmitted: Items sent again in this run although the service may already have taken
            them (a submit interrupted by a crash, or a result that expired).
        skipped: Items an earlier run finished; they are not sent or yielded again.
        throttled: 429 answers so far.
        concurrency: Items allowed in flight now (lowered after 429s, then grown back).
        rate: Items finished per second, over the last ten seconds.
        elapsed: Seconds since the run started.
        finished: True in the last report, once every item has a result.
    """

    submitted: int
    running: int
    done: int
    failed: int
    resubmitted: int
    skipped: int
    throttled: int
    concurrency: int
    rate: float
    elapsed: float
    finished: bool = False


#: A callback that receives `BatchProgress` reports; it must return quickly.
BatchProgressCallback: TypeAlias = Callable[[BatchProgress], None]


class RateMeter:
    """Finished items per second over a sliding span, from (time, total) samples."""

    __slots__ = ("_samples",)

    def __init__(self) -> None:
        self._samples: deque[tuple[float, int]] = deque()

    def rate(self, now: float, total: int) -> float:
        """Record that `total` items were finished at `now` and return the recent rate."""
        samples = self._samples
        samples.append((now, total))
        while len(samples) > 2 and now - samples[1][0] >= _RATE_SPAN:
            samples.popleft()
        first_time, first_total = samples[0]
        span = now - first_time
        return (total - first_total) / span if span > 0 else 0.0
