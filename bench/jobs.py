"""Queued inference jobs of the loopback server, and what the polling of them looked like."""

from __future__ import annotations

import collections
import itertools
import json
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

from bench import payloads

#: Polls are binned at this width to find the busiest moment.
_RATE_BIN = 0.1


@dataclass
class Job:
    """One queued job: when it completes, its outputs, and when it was polled."""

    submitted: float
    deadline: float
    outputs: bytes
    polls: list[float] = field(default_factory=list)
    seen_done: float | None = None


class Jobs:
    """Submit, poll and fetch, with the timing of every poll kept for `stats()`."""

    def __init__(self) -> None:
        self.jobs: dict[str, Job] = {}
        self.poll_bins: collections.Counter[int] = collections.Counter()
        self._ids = itertools.count(1)

    def clear(self) -> None:
        """Forget every job and poll."""
        self.jobs.clear()
        self.poll_bins.clear()

    def submit(self, inputs: dict[str, Any]) -> str:
        """Queue a job that completes `inputs["duration"]` seconds from now; return its id."""
        job = f"job-{next(self._ids)}"
        now = time.monotonic()
        outputs = json.dumps(payloads.job_outputs(int(inputs["tag"]))).encode()
        self.jobs[job] = Job(now, now + float(inputs["duration"]), outputs)
        return job

    def poll(self, job_id: str) -> bool | None:
        """Record a poll; True once the job is complete, None for an unknown job."""
        now = time.monotonic()
        self.poll_bins[int(now / _RATE_BIN)] += 1
        job = self.jobs.get(job_id)
        if job is None:
            return None
        job.polls.append(now)
        done = now >= job.deadline
        if done and job.seen_done is None:
            job.seen_done = now
        return done

    def fetch(self, job_id: str) -> bytes | None:
        """The outputs of a complete job, else None."""
        job = self.jobs.get(job_id)
        if job is None or time.monotonic() < job.deadline:
            return None
        return job.outputs

    def stats(self) -> dict[str, float | None]:
        """Peak poll rate, the shortest gap between two polls of one job, and delays (ms)."""
        gaps = [b - a for job in self.jobs.values() for a, b in itertools.pairwise(job.polls)]
        first = [job.polls[0] - job.submitted for job in self.jobs.values() if job.polls]
        seen = [job.seen_done - job.deadline for job in self.jobs.values() if job.seen_done]
        return {
            "peak_polls_per_s": max(self.poll_bins.values(), default=0) / _RATE_BIN,
            "min_poll_gap_ms": min(gaps) * 1000 if gaps else None,
            "first_poll_ms": statistics.median(first) * 1000 if first else 0.0,
            "detect_delay_ms": statistics.median(seen) * 1000 if seen else 0.0,
            "polls_running": sum(
                sum(1 for t in job.polls if t < job.deadline) for job in self.jobs.values()
            ),
        }
