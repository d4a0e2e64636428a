"""The asynchronous-inference job store: each job is an asyncio task, results expire."""

from __future__ import annotations

import asyncio
import enum
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Final

from starlette.responses import Response

from .clock import Clock, Timeline
from .pipeline import Call
from .responses import json_response

__all__ = [
    "PENDING_SECONDS",
    "Job",
    "JobExpiredError",
    "JobState",
    "JobStore",
    "Work",
    "queue_job",
]

#: How long a job stays ``pending`` before it runs, so clients can see that state.
PENDING_SECONDS: Final = 0.1


class JobState(enum.StrEnum):
    """The states of an asynchronous inference."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


class JobExpiredError(LookupError):
    """The job finished longer ago than the retention period; its result is gone."""


@dataclass
class Job:
    """One asynchronous inference; times are readings of the server's clock."""

    id: str
    submitted_at: float
    state: JobState = JobState.PENDING
    output: dict[str, Any] | None = None
    error: str | None = None
    finished_at: float | None = None
    task: asyncio.Task[None] | None = field(default=None, repr=False)


#: The work of a job: it runs on the job's timeline, which starts when the job leaves
#: ``pending``, and returns the outputs.
Work = Callable[[Timeline], Awaitable[dict[str, Any]]]


class JobStore:
    """Runs jobs concurrently and keeps their results for ``retention`` seconds."""

    def __init__(self, retention: float, clock: Clock) -> None:
        self._retention = retention
        self._clock = clock
        self._jobs: dict[str, Job] = {}
        self._expired: set[str] = set()

    @property
    def retention(self) -> float:
        """Seconds a result is kept after its job finishes."""
        return self._retention

    def submit(
        self, work: Work, *, submitted_at: float | None = None, pending: float | None = None
    ) -> Job:
        """Queue ``work`` and return its job at once (in the ``pending`` state).

        Args:
            work: What the job does once it runs.
            submitted_at: When the request arrived, on the server's clock (default: now).
            pending: Seconds the job stays ``pending`` before it runs (default:
                `PENDING_SECONDS`); None stands for the default so that a request without a
                ``pending`` directive can pass its absence straight through.
        """
        if pending is None:
            pending = PENDING_SECONDS
        start = self._clock.now() if submitted_at is None else submitted_at
        job = Job(id=uuid.uuid4().hex, submitted_at=start)
        self._jobs[job.id] = job
        job.task = asyncio.get_running_loop().create_task(self._run(job, work, pending))
        return job

    async def _run(self, job: Job, work: Work, pending: float) -> None:
        timeline = Timeline(self._clock, job.submitted_at)
        await timeline.wait(pending)
        job.state = JobState.RUNNING
        try:
            job.output = await work(timeline)
            job.state = JobState.COMPLETED
        except asyncio.CancelledError:
            raise
        except Exception as error:  # any failure of the work fails the job
            job.error = str(error) or type(error).__name__
            job.state = JobState.FAILED
        finally:
            # When the work was due to end, not when this task woke: after a jump of the
            # clock the retention counts from the simulated end.
            job.finished_at = timeline.at
            job.task = None

    def get(self, job_id: str) -> Job:
        """Return a job that is still known.

        Raises:
            JobExpiredError: The job finished more than ``retention`` seconds ago.
            KeyError: No job has this id.
        """
        if job_id in self._expired:
            raise JobExpiredError(job_id)
        job = self._jobs[job_id]
        if job.finished_at is not None and self._clock.now() - job.finished_at >= self._retention:
            # Forget the output but remember the id, to say "expired" rather than "unknown".
            del self._jobs[job_id]
            self._expired.add(job_id)
            raise JobExpiredError(job_id)
        return job

    async def close(self) -> None:
        """Cancel every job still pending or running."""
        tasks = [job.task for job in self._jobs.values() if job.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def queue_job(call: Call, jobs: JobStore, work: Work) -> Response:
    """Queue the work of an asynchronous request and answer 202 with where to poll it.

    Every asynchronous submit (``/infer/...`` and image generation alike) answers through
    here, so the ``pending`` and ``poll-url-base`` fault directives apply to all of them.
    """
    faults = call.faults
    job = jobs.submit(
        work, submitted_at=call.received_at, pending=faults.pending if faults else None
    )
    base = (faults.poll_url_base if faults else None) or call.base_url
    poll_url = f"{base}/v1/requests/{job.id}"
    return json_response({"response_id": job.id, "poll_url": poll_url}, 202)
