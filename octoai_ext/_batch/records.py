"""The life of one batch item, as values and pure transitions (no database, no clock).

    (absent) ──submit──► submitting ──accepted──► submitted ──► completed
                            │   ▲                    │      └──► failed
                            │   └────── expired ─────┘
                            ├──► completed   (mode="sync": the answer is the outputs)
                            └──► failed

`submitting` is written before a request leaves, so an item whose submit may have reached
the service is never mistaken for one that was never sent: on resume it is sent again and
counted as a resubmission. Every function here returns a new record; the ledger persists it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .._errors import OctoAIError
from .._futures import InferenceFuture
from .errors import LedgerError

__all__ = [
    "ItemRecord",
    "ItemState",
    "NextStep",
    "Resubmission",
    "accepted",
    "completed",
    "error_from_dict",
    "error_to_dict",
    "failed",
    "next_step",
    "submit_intent",
]


class ItemState(enum.StrEnum):
    """Where an item is in its life; an item the ledger has no row for is new."""

    #: The submit is about to be sent, or was sent and its answer not recorded.
    SUBMITTING = "submitting"
    #: The service queued it; `response_id` and `poll_url` are known.
    SUBMITTED = "submitted"
    #: Its outputs are stored.
    COMPLETED = "completed"
    #: It failed; its error is stored.
    FAILED = "failed"

    @property
    def is_final(self) -> bool:
        """True once the item has a result (outputs or an error)."""
        return self in (ItemState.COMPLETED, ItemState.FAILED)


class Resubmission(enum.StrEnum):
    """Why an item was sent again although the service may already have taken it."""

    #: A submit was interrupted before its answer was recorded (a crash, a kill).
    UNCERTAIN = "uncertain"
    #: Its future's result was gone: unknown to the service, or past the 24-hour retention.
    EXPIRED = "expired"


class NextStep(enum.Enum):
    """What a run does with an item it reads, given the item's record."""

    SUBMIT = "submit"
    POLL = "poll"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class ItemRecord:
    """What the ledger knows about one item.

    Attributes:
        position: The item's index in the input, counting from 0.
        key: The item's key as JSON text (its `id`, or its position).
        state: Where the item is.
        submissions: Submits that may have reached the service (retries after a 429 excluded).
        resubmissions: Submits sent although an earlier one may have been taken (a subset).
        resubmitted: Why the latest resubmission was made, if any.
        response_id: The service's id for the queued inference (asynchronous mode).
        poll_url: Where its status is polled.
        submitted_at: Wall-clock seconds (epoch) of the latest submit.
        outputs: The outputs, once completed.
        error: The error as `error_to_dict` describes it, once failed.
        finished_at: Wall-clock seconds (epoch) when the result was stored.
    """

    position: int
    key: str
    state: ItemState
    submissions: int = 0
    resubmissions: int = 0
    resubmitted: Resubmission | None = None
    response_id: str | None = None
    poll_url: str | None = None
    submitted_at: float | None = None
    outputs: Mapping[str, Any] | None = None
    error: Mapping[str, Any] | None = None
    finished_at: float | None = None

    def future(self, endpoint_url: str | None = None) -> InferenceFuture:
        """The future of a submitted item.

        Raises:
            LedgerError: The record holds no future.
        """
        if self.response_id is None or self.poll_url is None:
            raise LedgerError(f"item {self.key} is {self.state} and has no future to poll")
        return InferenceFuture(self.response_id, self.poll_url, endpoint_url)


def _wrong_state(record: ItemRecord, action: str) -> LedgerError:
    return LedgerError(f"item {record.key} is {record.state}; it cannot be {action}")


def next_step(record: ItemRecord | None, *, retry_failed: bool) -> NextStep:
    """What to do with an item read from the input, given what the ledger holds for it."""
    if record is None or record.state is ItemState.SUBMITTING:
        return NextStep.SUBMIT
    if record.state is ItemState.SUBMITTED:
        return NextStep.POLL
    if record.state is ItemState.FAILED and retry_failed:
        return NextStep.SUBMIT
    return NextStep.SKIP


def submit_intent(
    record: ItemRecord | None, position: int, key: str, now: float, *, refused: bool = False
) -> ItemRecord:
    """The record to store before a submit is sent.

    Args:
        record: The item's record, None for a new item.
        position: The item's position in the input.
        key: The item's key as JSON text.
        now: Wall-clock seconds.
        refused: The previous submit of this run was refused (429), so it certainly did not
            start an inference and this send is not a resubmission.

    Raises:
        LedgerError: The item is already completed.
    """
    if record is None:
        return ItemRecord(position, key, ItemState.SUBMITTING, submissions=1, submitted_at=now)
    if record.state is ItemState.COMPLETED:
        raise _wrong_state(record, "submitted again")
    if refused and record.state is ItemState.SUBMITTING:
        return replace(record, submitted_at=now)
    reason = {
        ItemState.SUBMITTING: Resubmission.UNCERTAIN,
        ItemState.SUBMITTED: Resubmission.EXPIRED,
    }.get(record.state)
    return replace(
        record,
        state=ItemState.SUBMITTING,
        submissions=record.submissions + 1,
        resubmissions=record.resubmissions + (reason is not None),
        resubmitted=reason or record.resubmitted,
        response_id=None,
        poll_url=None,
        submitted_at=now,
        error=None,
        finished_at=None,
    )


def accepted(record: ItemRecord, future: InferenceFuture, now: float) -> ItemRecord:
    """The service queued the item and answered its future.

    Raises:
        LedgerError: The item was not being submitted.
    """
    if record.state is not ItemState.SUBMITTING:
        raise _wrong_state(record, "accepted")
    return replace(
        record,
        state=ItemState.SUBMITTED,
        response_id=future.response_id,
        poll_url=future.poll_url,
        submitted_at=now,
    )


def completed(record: ItemRecord, outputs: Mapping[str, Any], now: float) -> ItemRecord:
    """The item's outputs arrived.

    Raises:
        LedgerError: The item was not in flight.
    """
    if record.state.is_final:
        raise _wrong_state(record, "completed")
    return replace(record, state=ItemState.COMPLETED, outputs=outputs, finished_at=now)


def failed(record: ItemRecord, error: Mapping[str, Any], now: float) -> ItemRecord:
    """The item failed with `error` (see `error_to_dict`).

    Raises:
        LedgerError: The item was not in flight.
    """
    if record.state.is_final:
        raise _wrong_state(record, "failed")
    return replace(record, state=ItemState.FAILED, error=error, finished_at=now)


def error_to_dict(error: OctoAIError) -> dict[str, Any]:
    """An error as stored in the ledger and written to a results file."""
    return {
        "type": type(error).__name__,
        "message": error.message,
        "status_code": error.status_code,
        "request_id": error.request_id,
    }


def error_from_dict(data: Mapping[str, Any]) -> OctoAIError:
    """The exception a stored error describes (an `OctoAIError` for an unknown type)."""
    from .. import _errors

    cls = getattr(_errors, str(data.get("type")), OctoAIError)
    if not (isinstance(cls, type) and issubclass(cls, OctoAIError)):
        cls = OctoAIError
    return cls(
        str(data.get("message", "")),
        status_code=data.get("status_code"),
        request_id=data.get("request_id"),
    )
