"""The decisions of a batch: which item to send, which future to poll and when, how many at once.

`Scheduler` does no I/O and reads no clock of its own: a driver feeds it the items it reads,
asks `next_job` for work, runs each job's requests and hands the outcome to `complete`, which
answers the records to store and the results to yield. The asyncio driver starts every job it
is offered at once; the sync driver runs one at a time. Tests drive it with a fake clock.

Order of work: a due poll comes before a new submit (finishing items frees room); polls are
taken earliest-due first; items are submitted in input order; an item refused with 429 goes back
to the front of the line.
"""

from __future__ import annotations

import heapq
import itertools
import json
import random
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

from .._errors import (
    AuthenticationError,
    FutureExpiredError,
    OctoAIClientError,
    OctoAIError,
    OctoAIServerError,
)
from .._futures import InferenceFuture
from .._waiting import Schedule
from . import records as r
from .errors import LedgerError
from .window import Window
from .work import Changes, Checked, Counts, Job, JobKind, Throttled, Work

__all__ = ["MAX_EXPIRED", "MAX_REQUESTS", "Scheduler", "item_failed"]


#: Requests in flight at most: httpx's pool keeps 100 connections, and requests queued for a
#: connection cost CPU on every pass over the pool (encode/httpcore#1035), so more items than
#: this wait in the service rather than in the pool.
MAX_REQUESTS = 100
#: An item whose result expires this many times in one run fails with `FutureExpiredError`.
MAX_EXPIRED = 3
_DEFAULT_SCHEDULE = Schedule()


def item_failed(error: Exception) -> bool:
    """Whether an error of a submit is the item's own failure rather than the batch's.

    The service refused or failed this item (a 4xx other than 401/403, a 5xx after the
    retries, an answer that could not be read) or its inputs could not be sent: the item fails
    and the batch goes on. A refused token, or no answer at all, would meet every item alike:
    the batch stops with that error, and running it again resumes.
    """
    if isinstance(error, AuthenticationError):
        return False
    if isinstance(error, OctoAIClientError):
        return True
    # An error without an answer (`OctoAIConnectionError`, a timeout) has no status code.
    return isinstance(error, OctoAIServerError) and error.status_code is not None


class Scheduler:
    """The pure decision core of one batch run.

    Args:
        concurrency: The most items in flight; the window adapts below it on 429s.
        sync_mode: Run each item with one synchronous request instead of queueing it.
        retry_failed: Send items that failed in an earlier run again.
        schedule: The pauses of one item: `first` seconds from its submit to its first poll
            and to its second, then growing by half up to `most`.
        max_requests: The most jobs (so requests) running at once, whatever the window: items
            in flight wait in the service, not in the connection pool's queue.
        clock: Monotonic seconds, for scheduling.
        wall: Wall-clock seconds (epoch), for the records.
        rand: Jitter source for the backoff after a 429 without `Retry-After`.
    """

    def __init__(
        self,
        *,
        concurrency: int,
        sync_mode: bool = False,
        retry_failed: bool = False,
        schedule: Schedule = _DEFAULT_SCHEDULE,
        max_requests: int = MAX_REQUESTS,
        clock: Callable[[], float],
        wall: Callable[[], float],
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.window = Window(concurrency, rand=rand)
        self.counts = Counts()
        self._max_requests = max_requests
        self._sync_mode = sync_mode
        self._retry_failed = retry_failed
        self._schedule = schedule
        self._clock = clock
        self._wall = wall
        self._ready: deque[Work] = deque()
        self._polls: list[tuple[float, int, Work]] = []
        self._order = itertools.count()
        #: Items in flight: waiting for a poll, or with a job running.
        self.active = 0
        #: Jobs handed out and not completed.
        self.running = 0
        self.exhausted = False

    # ---- input -------------------------------------------------------------------------

    def wants(self) -> int:
        """How many more items to read now: the read-ahead stays within one window.

        None while more than half a window of items waits to be sent: reading then could not
        start anything sooner (an item waits for room, not for input), so the input is read
        in chunks of at least half a window rather than an item per finished one.
        """
        limit, ready = self.window.limit, len(self._ready)
        if self.exhausted or ready > limit // 2:
            return 0
        return limit - ready

    def add(
        self, position: int, key: str, inputs: Mapping[str, Any], record: r.ItemRecord | None
    ) -> None:
        """Take an item read from the input, with its record from the ledger (None if new)."""
        step = r.next_step(record, retry_failed=self._retry_failed)
        if step is r.NextStep.SKIP:
            self.counts.skipped += 1
            return
        work = Work(position, key, inputs, record)
        if step is r.NextStep.POLL:
            # Already in flight in the service: it counts against the window at once.
            self.active += 1
            self._poll_at(work, self._clock())
        else:
            self._ready.append(work)

    def end_of_input(self) -> None:
        """The input has no more items."""
        self.exhausted = True

    @property
    def finished(self) -> bool:
        """Every item read has a result and the input is exhausted."""
        return self.exhausted and not self._ready and self.active == 0 and self.running == 0

    # ---- decisions ---------------------------------------------------------------------

    def next_job(self) -> Job | None:
        """The next job to start now, or None until a job completes or `wait_time` passes."""
        now = self._clock()
        if self.window.paused(now) or not self._can_start():
            return None
        if self._polls and self._polls[0][0] <= now:
            work = heapq.heappop(self._polls)[2]
            self.running += 1
            return Job(JobKind.CHECK, work, now)
        if self._can_submit():
            work = self._ready.popleft()
            before = work.record.resubmissions if work.record else 0
            intent = r.submit_intent(
                work.record, work.position, work.key, self._wall(), refused=work.refused
            )
            if not work.refused:
                self.counts.submitted += 1
                self.counts.resubmitted += intent.resubmissions - before
            work.record, work.refused = intent, False
            self.active += 1
            self.running += 1
            kind = JobKind.INFER if self._sync_mode else JobKind.SUBMIT
            return Job(kind, work, now, intent)
        return None

    def wait_time(self) -> float | None:
        """Seconds until `next_job` may have work without any job completing; None if never."""
        now = self._clock()
        if not self._can_start():
            return None
        due: float | None = None
        if self._can_submit():
            due = now
        if self._polls and (due is None or self._polls[0][0] < due):
            due = self._polls[0][0]
        if due is None:
            return None
        return max(0.0, max(due, self.window.paused_until) - now)

    def _can_start(self) -> bool:
        """Whether another job may run: fewer than the window allows and the request cap."""
        return self.running < min(self.window.allowed, self._max_requests)

    def _can_submit(self) -> bool:
        """Whether an item waits to be sent and the window has room for it."""
        return bool(self._ready) and self.active < self.window.allowed

    # ---- outcomes ----------------------------------------------------------------------

    def complete(self, job: Job, outcome: object) -> Changes:
        """Take the outcome of a job: its value, or the exception its flow raised.

        Raises:
            Exception: The outcome stops the whole batch (see `item_failed`); it is re-raised.
        """
        self.running -= 1
        now = self._clock()
        work = job.work
        if isinstance(outcome, Throttled):
            self.counts.throttled += 1
            self.window.throttled(sent_at=job.sent_at, now=now, retry_after=outcome.retry_after)
            if job.kind is JobKind.CHECK:
                self._poll_at(work, self.window.paused_until)
            else:
                work.refused = True
                self.active -= 1
                self._ready.appendleft(work)
            return Changes()
        if isinstance(outcome, Exception) and not isinstance(outcome, OctoAIError):
            raise outcome
        self.window.succeeded()
        if job.kind is JobKind.CHECK:
            return self._checked(work, outcome, now)
        if isinstance(outcome, OctoAIError):
            if item_failed(outcome):
                return self._finish(work, outcome)
            raise outcome
        if job.kind is JobKind.SUBMIT:
            if not isinstance(outcome, InferenceFuture):
                raise TypeError(f"a submit job answered {type(outcome).__name__}")
            work.record = r.accepted(self._record(work), outcome, self._wall())
            work.interval = 0.0
            self._poll_at(work, now + self._schedule.first)
            return Changes(saves=[work.record])
        if not isinstance(outcome, dict):
            raise TypeError(f"an infer job answered {type(outcome).__name__}")
        return self._finish(work, outcome)

    def _checked(self, work: Work, outcome: object, now: float) -> Changes:
        if isinstance(outcome, FutureExpiredError):
            work.expired += 1
            if work.expired >= MAX_EXPIRED:
                # Results that expire faster than they are polled: sending again cannot help.
                return self._finish(work, outcome)
            # The result is gone (or was never known): the item is sent again, marked expired.
            self.active -= 1
            self._ready.appendleft(work)
            return Changes()
        if isinstance(outcome, Exception):
            raise outcome
        if not isinstance(outcome, Checked):
            raise TypeError(f"a check job answered {type(outcome).__name__}")
        if outcome.outputs is not None:
            return self._finish(work, outcome.outputs)
        if outcome.error is not None:
            return self._finish(work, outcome.error)
        schedule = self._schedule
        work.interval = schedule.first if work.interval <= 0 else schedule.after(work.interval)
        self._poll_at(work, now + work.interval)
        return Changes()

    def _finish(self, work: Work, result: dict[str, Any] | OctoAIError) -> Changes:
        self.active -= 1
        record = self._record(work)
        if isinstance(result, OctoAIError):
            work.record = r.failed(record, r.error_to_dict(result), self._wall())
            self.counts.failed += 1
        else:
            work.record = r.completed(record, result, self._wall())
            self.counts.done += 1
        work.inputs = None
        return Changes(saves=[work.record], results=[(json.loads(work.key), result)])

    def _poll_at(self, work: Work, due: float) -> None:
        heapq.heappush(self._polls, (due, next(self._order), work))

    @staticmethod
    def _record(work: Work) -> r.ItemRecord:
        if work.record is None:
            raise LedgerError(f"item {work.key} has no record")
        return work.record
