"""What the scheduler hands out and takes back: jobs, their outcomes, and the changes they make.

Plain values with no behaviour beyond building themselves; the decisions are in `scheduler`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._errors import OctoAIError
from . import records as r

__all__ = ["Changes", "Checked", "Counts", "Job", "JobKind", "Result", "Throttled", "Work"]

#: What a batch yields for one item: its key, and its outputs or its error.
Result = tuple[Any, "dict[str, Any] | OctoAIError"]


class JobKind(enum.Enum):
    """What a job does with its item."""

    #: Queue the item (asynchronous inference) and record its future.
    SUBMIT = "submit"
    #: Run the item and wait for its outputs (`mode="sync"`).
    INFER = "infer"
    #: Poll the item's future; fetch the outputs once it completed.
    CHECK = "check"


class Throttled(Exception):
    """A request was answered 429: the service wants fewer requests, not a failed item."""

    def __init__(self, retry_after: str | None) -> None:
        super().__init__(f"throttled (Retry-After: {retry_after})")
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Checked:
    """What one check of a future found: its outputs or its error once final, else neither."""

    outputs: dict[str, Any] | None = None
    error: OctoAIError | None = None


@dataclass(slots=True, eq=False)
class Work:
    """An item the scheduler is working on."""

    position: int
    key: str
    inputs: Mapping[str, Any] | None
    record: r.ItemRecord | None
    #: Its last submit was refused (429), so the next one is not a resubmission.
    refused: bool = False
    #: The pause before its next poll grows from the poll interval.
    interval: float = 0.0
    #: Its results that expired before this run could fetch them.
    expired: int = 0


@dataclass(frozen=True, slots=True, eq=False)
class Job:
    """One unit of work for a driver: its requests form one flow (see `jobs`)."""

    kind: JobKind
    work: Work
    #: The scheduler's clock when the job was handed out.
    sent_at: float
    #: The record to store before the job's first request leaves, if any.
    intent: r.ItemRecord | None = None


@dataclass(slots=True)
class Changes:
    """What completing jobs produced: records to store, then results to hand to the caller."""

    saves: list[r.ItemRecord] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)

    def extend(self, other: Changes) -> None:
        """Add another job's changes after these."""
        self.saves.extend(other.saves)
        self.results.extend(other.results)


@dataclass(slots=True)
class Counts:
    """What a run did so far (items found finished by earlier runs are `skipped`)."""

    submitted: int = 0
    done: int = 0
    failed: int = 0
    resubmitted: int = 0
    skipped: int = 0
    throttled: int = 0
