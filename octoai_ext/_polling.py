"""Polling asynchronous inferences: one status reading, readiness, results and waiting.

Each function is a flow (see `_flows`) over a `ClientCore`; the clients drive them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from . import _constants as c
from ._errors import (
    FutureExpiredError,
    InferenceFailedError,
    OctoAIClientError,
    OctoAIError,
    OctoAIServerError,
    OctoAITimeoutError,
    request_id_of,
)
from ._flows import Deadline, Flow, start_deadline
from ._futures import AsyncStatus, InferenceFuture
from ._lazy import lazy_module
from ._types import ProgressCallback
from ._waiting import Schedule, States, poll_until
from ._waiting import wait_options as wait_options  # where `_batch.run` imports it from

if TYPE_CHECKING:
    from . import _generated
    from ._core import CallOptions, ClientCore
else:
    _generated = lazy_module("octoai_ext._generated")

_EXPIRED = (
    "the result of request {rid} is gone: asynchronous results are kept for 24 hours after "
    "the inference completes (or the id is unknown)"
)


@dataclass(frozen=True, slots=True)
class PollResult:
    """One reading of an asynchronous inference's status."""

    future: InferenceFuture
    status: AsyncStatus
    response_url: str | None
    error: str | None
    status_code: int
    request_id: str | None

    def failure(self) -> InferenceFailedError | None:
        """The `InferenceFailedError` of a failed inference, with the server's message."""
        if self.status is not AsyncStatus.FAILED:
            return None
        return InferenceFailedError(
            self.error or f"request {self.future.response_id} failed",
            status_code=self.status_code,
            request_id=self.request_id,
        )

    def raise_if_failed(self) -> PollResult:
        """Return self, or raise `InferenceFailedError` with the server's message."""
        error = self.failure()
        if error is not None:
            raise error
        return self


def _check_future(future: object) -> InferenceFuture:
    if not isinstance(future, InferenceFuture):
        raise OctoAIClientError(f"expected an InferenceFuture, not {type(future).__name__}")
    return future


def status(
    core: ClientCore,
    future: InferenceFuture,
    options: CallOptions | None = None,
    deadline: Deadline | None = None,
) -> Flow[PollResult]:
    """Poll once and read the status, which may be `failed`.

    Raises:
        OctoAIServerError: The status is one this client does not know, or `completed`
            comes without a `response_url`.
        FutureExpiredError: The request is unknown or expired (404).
    """
    future = _check_future(future)
    options = options or core.defaults
    spec = core.api_call(
        "GET",
        future.poll_url,
        options,
        not_found=FutureExpiredError,
        context=_EXPIRED.format(rid=future.response_id),
    )
    if deadline is None:
        deadline = options.deadline(core.clock)
    response = yield from core.call(spec, deadline)
    state = core.parse_model(
        _generated.AsyncInferenceStatus.from_dict, response, "an inference status"
    )
    raw = state.status.value if isinstance(state.status, enum.Enum) else state.status
    request_id = request_id_of(response.headers)
    try:
        known = AsyncStatus(raw)
    except ValueError:
        raise OctoAIServerError(
            f"request {future.response_id} has status {raw!r}, which this client does not "
            "know; not waiting on it",
            status_code=response.status_code,
            request_id=request_id,
        ) from None
    if known is AsyncStatus.COMPLETED and not isinstance(state.response_url, str):
        raise OctoAIServerError(
            f"request {future.response_id} is completed but its status has no response_url",
            status_code=response.status_code,
            request_id=request_id,
        )
    error = state.error if isinstance(state.error, str) and state.error else None
    return PollResult(
        future, known, state.response_url or None, error, response.status_code, request_id
    )


def fetch_result(
    core: ClientCore,
    future: InferenceFuture,
    response_url: str,
    options: CallOptions,
    deadline: Deadline | None,
) -> Flow[dict[str, Any]]:
    """Fetch the stored outputs of a completed inference."""
    spec = core.api_call(
        "GET",
        urljoin(future.poll_url, response_url),
        options,
        not_found=FutureExpiredError,
        context=_EXPIRED.format(rid=future.response_id),
    )
    response = yield from core.call(spec, deadline)
    return core.parse_object(response, "inference outputs")


def get_status(
    core: ClientCore, future: InferenceFuture, given: Mapping[str, Any]
) -> Flow[AsyncStatus]:
    """The current status; `failed` is a status here, not an error."""
    return (yield from status(core, future, core.options(given))).status


def is_ready(core: ClientCore, future: InferenceFuture, given: Mapping[str, Any]) -> Flow[bool]:
    """True once completed; raises `InferenceFailedError` if it failed."""
    poll = (yield from status(core, future, core.options(given))).raise_if_failed()
    return poll.status is AsyncStatus.COMPLETED


def result(
    core: ClientCore, future: InferenceFuture, given: Mapping[str, Any]
) -> Flow[dict[str, Any] | None]:
    """The outputs when completed, None while pending or running."""
    options = core.options(given)
    deadline = options.deadline(core.clock)
    poll = (yield from status(core, future, options, deadline)).raise_if_failed()
    if poll.response_url is None:
        return None
    return (yield from fetch_result(core, future, poll.response_url, options, deadline))


def _failed(poll: PollResult) -> OctoAIError:
    error = poll.failure()
    if error is None:  # pragma: no cover
        raise AssertionError("only a failed poll has an error")
    return error


#: The states of an asynchronous inference, as a wait sorts them. `status` already refuses
#: statuses this client does not know, and `completed` without a `response_url`.
_FUTURE_STATES: States[PollResult] = States(
    kind="request",
    state_of=lambda poll: poll.status.value,
    done=frozenset({AsyncStatus.COMPLETED.value}),
    going=frozenset({AsyncStatus.PENDING.value, AsyncStatus.RUNNING.value}),
    failed={AsyncStatus.FAILED.value: _failed},
)


def wait(
    core: ClientCore,
    future: InferenceFuture,
    given: Mapping[str, Any],
    *,
    poll_interval: float = c.POLL_INITIAL_INTERVAL,
    max_poll_interval: float = c.POLL_MAX_INTERVAL,
    first_poll_delay: float = 0.0,
    on_progress: ProgressCallback | None = None,
) -> Flow[dict[str, Any]]:
    """Poll with growing intervals until the inference completes, then fetch its outputs.

    The wait's `timeout` (in `given`; default: none) is a hard limit on the whole wait, the
    request in flight included. `first_poll_delay` skips a poll that would almost surely answer
    `pending`, for a future submitted a moment ago.

    Raises:
        InferenceFailedError: The inference failed.
        OctoAITimeoutError: `timeout` seconds passed first (the future stays valid).
        FutureExpiredError: The result is gone (24-hour retention).
    """
    future = _check_future(future)
    schedule = Schedule(poll_interval, max_poll_interval)
    options, budget = wait_options(core, given, default_budget=None)
    deadline = start_deadline(budget, core.clock)
    poll = yield from poll_until(
        lambda deadline: status(core, future, options, deadline),
        _FUTURE_STATES,
        subject=future.response_id,
        clock=core.clock,
        deadline=deadline,
        schedule=schedule,
        on_progress=on_progress,
        first_pause=first_poll_delay,
        later="the future stays valid, so wait on it again later",
    )
    assert poll.response_url is not None  # noqa: S101 - `status` checks it for `completed`
    try:
        return (yield from fetch_result(core, future, poll.response_url, options, deadline))
    except OctoAITimeoutError as exc:
        if deadline is not None and deadline.left() <= 0:
            raise OctoAITimeoutError(
                f"request {future.response_id} completed, but its outputs did not arrive "
                f"within {budget:g} s; fetch them with get_future_result"
            ) from exc
        raise
