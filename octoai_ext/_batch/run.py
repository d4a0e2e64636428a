"""`BatchRun`: what both batch drivers share between the scheduler, the ledger and the input.

A driver asks `start_jobs` for the jobs it may start now (their intents are already stored),
runs each job's flow, and hands the outcomes to `complete` (which stores the new records in one
transaction before the results are handed out). The drivers differ only in how many flows
they run at once.
"""

from __future__ import annotations

import itertools
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from .._errors import OctoAIClientError, OctoAIError, OctoAITimeoutError
from .._flows import Deadline, Flow
from .._polling import wait_options
from .._waiting import Schedule
from . import jobs
from .errors import BatchInputError
from .ledger import BatchLedger
from .progress import BatchProgress, BatchProgressCallback, RateMeter
from .scheduler import Scheduler
from .source import Item, keyed
from .work import Changes, Job, Result

if TYPE_CHECKING:
    from .._core import ClientCore

__all__ = ["BatchRun", "LedgerArg", "Result"]

LedgerArg = str | os.PathLike[str] | BatchLedger

#: Items read from the input per `start_jobs`, at most.
_READ_PER_CALL: Final = 4096
#: Progress is reported at most this often (and once more at the end).
_REPORT_EVERY: Final = 0.1
_MODES: Final = ("async", "sync")
_STALLED: Final = "the batch has nothing to do but is not finished (an internal error)"


def _check_arguments(
    endpoint_url: object,
    concurrency: object,
    mode: object,
    id_field: object,
) -> None:
    if not isinstance(endpoint_url, str) or not endpoint_url:
        raise OctoAIClientError("endpoint_url must be a non-empty string")
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise OctoAIClientError(f"concurrency must be a whole number >= 1, not {concurrency!r}")
    if mode not in _MODES:
        raise OctoAIClientError(f"mode must be 'async' or 'sync', not {mode!r}")
    if id_field is not None and not isinstance(id_field, str):
        raise OctoAIClientError(f"id_field must be a string or None, not {id_field!r}")


class BatchRun:
    """One run of a batch over a client core; see `OctoAI.batch` for the arguments."""

    def __init__(
        self,
        core: ClientCore,
        endpoint_url: str,
        items: Iterable[Mapping[str, Any]],
        *,
        ledger: LedgerArg,
        concurrency: int,
        mode: str,
        id_field: str | None,
        retry_failed: bool,
        poll_interval: float,
        max_poll_interval: float,
        on_progress: BatchProgressCallback | None,
        given: Mapping[str, Any],
        wall: Callable[[], float] = time.time,
    ) -> None:
        _check_arguments(endpoint_url, concurrency, mode, id_field)
        # Every item would fail on a URL its requests may not be sent to (not absolute http(s),
        # or plain http off loopback): the same check as each request's, before the ledger.
        core.scope.token_allowed(endpoint_url, explicit=True)
        schedule = Schedule(poll_interval, max_poll_interval)
        self._core = core
        self._endpoint_url = endpoint_url
        self._options, self._budget = wait_options(core, given, default_budget=None)
        self._owns_ledger = not isinstance(ledger, BatchLedger)
        self.ledger: BatchLedger = (
            ledger if isinstance(ledger, BatchLedger) else BatchLedger(ledger, create=True)
        )
        try:
            # Items past this position have no record of an earlier run to look up.
            self._recorded_until = self.ledger.bind(endpoint_url)
        except BaseException:
            if self._owns_ledger:
                self.ledger.close()
            raise
        self._source: Iterator[Item] = keyed(items, id_field)
        self.scheduler = Scheduler(
            concurrency=concurrency,
            sync_mode=mode == "sync",
            retry_failed=retry_failed,
            schedule=schedule,
            clock=core.clock,
            wall=wall,
        )
        self._results: deque[Result] = deque()
        self._on_progress = on_progress
        self._deadline: Deadline | None = None
        self._started: float | None = None
        self._reported = -float("inf")
        self._rate = RateMeter()
        self._closed = False

    # ---- what the drivers call ---------------------------------------------------------

    def next_result(self) -> Result | None:
        """A result ready to hand out, if any."""
        return self._results.popleft() if self._results else None

    @property
    def finished(self) -> bool:
        """Every item has a result and every result was handed out."""
        return not self._results and self.scheduler.finished

    def start_jobs(self, most: int | None = None) -> list[tuple[Job, Flow[Any]]]:
        """Jobs to start now with their flows; their intents are stored first, together.

        Raises:
            OctoAITimeoutError: The batch's `timeout` passed.
            BatchInputError: An item is not a dict, has a bad or repeated id, or moved.
        """
        self._begin()
        self._check_deadline()
        self._feed()
        started: list[Job] = []
        while most is None or len(started) < most:
            job = self.scheduler.next_job()
            if job is None:
                break
            started.append(job)
        self.ledger.save(job.intent for job in started if job.intent is not None)
        core, endpoint, options, deadline = (
            self._core,
            self._endpoint_url,
            self._options,
            self._deadline,
        )
        return [(job, jobs.flow_for(core, job, endpoint, options, deadline)) for job in started]

    def complete(self, outcomes: Sequence[tuple[Job, object]]) -> None:
        """Take the outcomes of finished jobs: store the new records, then queue the results.

        Raises:
            OctoAIError: An outcome stops the batch (a refused token, no answer, the batch's
                `timeout`); every other outcome of the group is stored first.
        """
        changes = Changes()
        fatal: BaseException | None = None
        for job, outcome in outcomes:
            try:
                changes.extend(self.scheduler.complete(job, outcome))
            except Exception as exc:
                fatal = fatal or exc
        self.ledger.save(changes.saves)
        self._results.extend(changes.results)
        self.report()
        if fatal is not None:
            if isinstance(fatal, OctoAITimeoutError):
                self._check_deadline()
            raise fatal

    def wait_time(self) -> float | None:
        """Seconds to wait for the next job when none is running (capped by the deadline).

        Zero while input remains to be read: the next `start_jobs` reads on.
        """
        if self.scheduler.wants() > 0:
            return 0.0
        wait = self.scheduler.wait_time()
        if self._deadline is not None:
            left = max(0.0, self._deadline.left())
            wait = left if wait is None else min(wait, left)
        return wait

    def idle_wait(self) -> float:
        """Seconds to wait, with no job running, before asking for jobs again.

        Zero when there is work now, or when the run just found itself finished (the input
        held only items finished earlier): the next `next_result` then ends it.

        Raises:
            OctoAIError: Nothing can ever happen, yet the run is not finished (a bug).
        """
        wait = self.wait_time()
        if wait is not None:
            return wait
        if self.scheduler.finished:
            return 0.0
        raise OctoAIError(_STALLED)

    def report(self, *, force: bool = False) -> None:
        """Call `on_progress`, at most every 0.1 s unless forced."""
        if self._on_progress is None or self._started is None:
            return
        now = self._core.clock()
        if not force and now - self._reported < _REPORT_EVERY:
            return
        self._reported = now
        counts, scheduler = self.scheduler.counts, self.scheduler
        finished_total = counts.done + counts.failed
        self._on_progress(
            BatchProgress(
                submitted=counts.submitted,
                running=scheduler.active,
                done=counts.done,
                failed=counts.failed,
                resubmitted=counts.resubmitted,
                skipped=counts.skipped,
                throttled=counts.throttled,
                concurrency=scheduler.window.allowed,
                rate=self._rate.rate(now, finished_total),
                elapsed=now - self._started,
                finished=scheduler.finished,
            )
        )

    def close(self) -> None:
        """Report one last time and close the ledger if the run opened it."""
        if self._closed:
            return
        self._closed = True
        try:
            self.report(force=True)
        finally:
            if self._owns_ledger:
                self.ledger.close()

    # ---- inside ------------------------------------------------------------------------

    def _begin(self) -> None:
        if self._started is None:
            self._started = self._core.clock()
            if self._budget is not None:
                self._deadline = Deadline(self._budget, self._core.clock)

    def _check_deadline(self) -> None:
        deadline = self._deadline
        if deadline is not None and deadline.left() <= 0:
            counts = self.scheduler.counts
            raise OctoAITimeoutError(
                f"the batch did not finish within {deadline.seconds:g} s "
                f"({counts.done + counts.failed} items finished in this run, "
                f"{self.scheduler.active} in flight); run it again with the same ledger to resume"
            )

    def _feed(self) -> None:
        # Items an earlier run finished take no room, so a resumed run may read far ahead;
        # it reads a bounded stretch per call, letting the driver go on with its work between.
        scheduler = self.scheduler
        budget = _READ_PER_CALL
        while budget > 0 and (wanted := min(scheduler.wants(), budget)) > 0:
            budget -= wanted
            chunk = list(itertools.islice(self._source, wanted))
            if not chunk:
                scheduler.end_of_input()
                return
            first, last = chunk[0].position, chunk[-1].position
            known = (
                self.ledger.lookup(first, min(last, self._recorded_until))
                if first <= self._recorded_until
                else {}
            )
            for item in chunk:
                record = known.get(item.position)
                if record is not None and record.key != item.key:
                    raise BatchInputError(
                        f"item {item.position} has the id {item.key}, but the ledger recorded "
                        f"{record.key} there: the inputs changed since this ledger was started"
                    )
                scheduler.add(item.position, item.key, item.inputs, record)
