"""The asynchronous-inference job store: each job is an asyncio task, results expire."""

from __future__ import annotations

import asyncio
import enum
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Final

__all__ = ["PENDING_SECONDS", "Job", "JobExpiredError", "JobState", "JobStore"]

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
    """One asynchronous inference."""

    id: str
    state: JobState = JobState.PENDING
    output: dict[str, Any] | None = None
    error: str | None = None
    finished_at: float | None = None
    task: asyncio.Task[None] | None = field(default=None, repr=False)


Work = Callable[[], Awaitable[dict[str, Any]]]


class JobStore:
    """Runs jobs concurrently and keeps their results for ``retention`` seconds."""

    def __init__(self, retention: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._retention = retention
        self._clock = clock
        self._jobs: dict[str, Job] = {}
        self._expired: set[str] = set()

    @property
    def retention(self) -> float:
        """Seconds a result is kept after its job finishes."""
        return self._retention

    def submit(self, work: Work) -> Job:
        """Queue ``work`` and return its job at once (in the ``pending`` state)."""
        job = Job(id=uuid.uuid4().hex)
        self._jobs[job.id] = job
        job.task = asyncio.get_running_loop().create_task(self._run(job, work))
        return job

    async def _run(self, job: Job, work: Work) -> None:
        await asyncio.sleep(PENDING_SECONDS)
        job.state = JobState.RUNNING
        try:
            job.output = await work()
            job.state = JobState.COMPLETED
        except asyncio.CancelledError:
            raise
        except Exception as error:  # any failure of the work fails the job
            job.error = str(error) or type(error).__name__
            job.state = JobState.FAILED
        finally:
            job.finished_at = self._clock()
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
        if job.finished_at is not None and self._clock() - job.finished_at >= self._retention:
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
