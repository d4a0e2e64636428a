"""Waiting for a resource to reach a final state: one flow for futures, assets and tunes.

The flow reads the resource, sorts its state into done, still going, or failed (each failure
becoming its own typed error), and pauses on a growing schedule between reads. A state it
does not know raises instead of looping: a service that adds states must not leave a caller
waiting forever. The wait's deadline is a hard limit, the read in flight included.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from . import _constants as c
from ._errors import OctoAIClientError, OctoAIError, OctoAIServerError, OctoAITimeoutError
from ._flows import Deadline, Flow, Progress, Sleep
from ._types import NOT_GIVEN, ProgressCallback

if TYPE_CHECKING:
    from ._core import CallOptions, ClientCore

M = TypeVar("M")

__all__ = ["Schedule", "States", "poll_until", "wait_options"]


@dataclass(frozen=True, slots=True)
class States(Generic[M]):
    """How to read a resource's state, and which states end the wait.

    Attributes:
        kind: What the resource is, for messages (`request`, `asset`, `tune`).
        state_of: The state of one reading, as text.
        done: States that end the wait with the resource.
        going: States to keep waiting through.
        failed: States that end the wait with an error, built from the reading.
    """

    kind: str
    state_of: Callable[[M], str]
    done: frozenset[str]
    going: frozenset[str]
    failed: Mapping[str, Callable[[M], OctoAIError]]


@dataclass(frozen=True, slots=True)
class Schedule:
    """Pauses between reads: `first` seconds, growing by half up to `most`."""

    first: float = c.POLL_INITIAL_INTERVAL
    most: float = c.POLL_MAX_INTERVAL

    def __post_init__(self) -> None:
        if not (0 < self.first <= self.most):
            raise OctoAIClientError("a wait needs 0 < interval <= max_interval")

    def after(self, interval: float) -> float:
        """The pause that follows one of `interval` seconds: half again, at most `most`."""
        return min(interval * c.POLL_MULTIPLIER, self.most)


def poll_until(
    read: Callable[[Deadline | None], Flow[M]],
    states: States[M],
    *,
    subject: str,
    clock: Callable[[], float],
    deadline: Deadline | None,
    schedule: Schedule,
    on_progress: ProgressCallback | None = None,
    first_pause: float = 0.0,
    later: str = "",
) -> Flow[M]:
    """Read the resource until a final state; return the reading that reached `done`.

    Args:
        read: One reading of the resource, as a flow bounded by the deadline it is given.
        states: How to sort the states.
        subject: The resource's id, for progress and messages.
        clock: Monotonic seconds.
        deadline: When the whole wait must end, None for no limit.
        schedule: The pauses between reads.
        on_progress: Called with a `WaitProgress` after every read.
        first_pause: Seconds to wait before the first read (a resource created a moment ago).
        later: What the timeout message adds (how to pick the work up again).

    Raises:
        OctoAIError: A failed state (the error `states.failed` builds), a state this client
            does not know (`OctoAIServerError`), or the deadline (`OctoAITimeoutError`).
    """
    progress = Progress(subject, on_progress, clock)
    state = "not read yet"

    def expired() -> OctoAITimeoutError:
        assert deadline is not None  # noqa: S101 - only called with a deadline
        tail = f"; {later}" if later else ""
        return OctoAITimeoutError(
            f"{states.kind} {subject} is still {state} after {deadline.seconds:g} s{tail}"
        )

    if first_pause > 0:
        pause = first_pause if deadline is None else min(first_pause, deadline.left())
        yield Sleep(max(pause, 0.0))
    interval = schedule.first
    while True:
        if deadline is not None and deadline.left() <= 0:
            raise expired()
        try:
            reading = yield from read(deadline)
        except OctoAITimeoutError as exc:
            if deadline is not None and deadline.left() <= 0:
                raise expired() from exc
            raise
        progress.checks += 1
        state = states.state_of(reading)
        if state in states.done:
            progress.report(state, None)
            return reading
        failure = states.failed.get(state)
        if failure is not None:
            progress.report(state, None)
            raise failure(reading)
        if state not in states.going:
            raise OctoAIServerError(
                f"{states.kind} {subject} has status {state!r}, which this client does not "
                "know; not waiting on it"
            )
        pause = interval
        if deadline is not None:
            left = deadline.left()
            if left <= 0:
                raise expired()
            pause = min(pause, left)
        progress.report(state, pause)
        yield Sleep(pause)
        interval = schedule.after(interval)


def wait_options(
    core: ClientCore, given: Mapping[str, Any], *, default_budget: float | None
) -> tuple[CallOptions, float | None]:
    """The options of each request of a wait, and the wait's own overall budget.

    A wait's `timeout` bounds the whole wait; when it is not given, the wait's own default
    applies rather than the client's per-call one.
    """
    options = core.options(given)
    timed = given.get("timeout", NOT_GIVEN) is not NOT_GIVEN
    return replace(options, budget=None), options.budget if timed else default_budget
