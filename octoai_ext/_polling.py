"""Polling asynchronous inferences: one status reading, readiness, results and waiting.

Each function is a flow (see `_flows`) over a `ClientCore`; the clients drive them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from . import _constants as c
from ._errors import (
    FutureExpiredError,
    InferenceFailedError,
    OctoAIClientError,
    OctoAIServerError,
    OctoAITimeoutError,
)
from ._flows import Call, Flow, Sleep, call
from ._futures import AsyncStatus, InferenceFuture
from ._lazy import lazy_module

if TYPE_CHECKING:
    from . import _generated
    from ._core import ClientCore
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
    evidence: dict[str, Any]

    def raise_if_failed(self) -> PollResult:
        """Return self, or raise `InferenceFailedError` with the server's message."""
        if self.status is AsyncStatus.FAILED:
            raise InferenceFailedError(
                self.error or f"request {self.future.response_id} failed", **self.evidence
            )
        return self


def status(
    core: ClientCore, future: InferenceFuture, *, max_retries: int | None = None
) -> Flow[PollResult]:
    """Poll once and read the status, which may be `failed`.

    Raises:
        OctoAIServerError: The status is one this client does not know, or `completed`
            comes without a `response_url`.
        FutureExpiredError: The request is unknown or expired (404).
    """
    if not isinstance(future, InferenceFuture):
        raise OctoAIClientError(f"expected an InferenceFuture, not {type(future).__name__}")
    request = core.build("GET", future.poll_url, explicit=False)
    spec = Call(
        request,
        idempotent=True,
        max_retries=core.max_retries if max_retries is None else max_retries,
        not_found=FutureExpiredError,
        context=_EXPIRED.format(rid=future.response_id),
    )
    response = yield from call(spec, core.policy, secret=core.secret)
    state = core.parse_model(
        _generated.AsyncInferenceStatus.from_dict, response, "an inference status"
    )
    raw = state.status.value if isinstance(state.status, enum.Enum) else state.status
    evidence = {
        "status_code": response.status_code,
        "request_id": response.headers.get(c.REQUEST_ID_HEADER),
    }
    try:
        known = AsyncStatus(raw)
    except ValueError:
        raise OctoAIServerError(
            f"request {future.response_id} has status {raw!r}, which this client does not "
            "know; not waiting on it",
            **evidence,
        ) from None
    if known is AsyncStatus.COMPLETED and not isinstance(state.response_url, str):
        raise OctoAIServerError(
            f"request {future.response_id} is completed but its status has no response_url",
            **evidence,
        )
    error = state.error if isinstance(state.error, str) and state.error else None
    return PollResult(future, known, state.response_url or None, error, evidence)


def fetch_result(
    core: ClientCore, future: InferenceFuture, response_url: str
) -> Flow[dict[str, Any]]:
    """Fetch the stored outputs of a completed inference."""
    url = urljoin(future.poll_url, response_url)
    request = core.build("GET", url, explicit=False)
    spec = Call(
        request,
        idempotent=True,
        max_retries=core.max_retries,
        not_found=FutureExpiredError,
        context=_EXPIRED.format(rid=future.response_id),
    )
    response = yield from call(spec, core.policy, secret=core.secret)
    return core.parse_object(response, "inference outputs")


def is_ready(core: ClientCore, future: InferenceFuture) -> Flow[bool]:
    """True once completed; raises `InferenceFailedError` if it failed."""
    poll = (yield from status(core, future)).raise_if_failed()
    return poll.status is AsyncStatus.COMPLETED


def result(core: ClientCore, future: InferenceFuture) -> Flow[dict[str, Any] | None]:
    """The outputs when completed, None while pending or running."""
    poll = (yield from status(core, future)).raise_if_failed()
    if poll.response_url is None:
        return None
    return (yield from fetch_result(core, future, poll.response_url))


def wait(
    core: ClientCore,
    future: InferenceFuture,
    *,
    timeout: float | None,
    poll_interval: float = c.POLL_INITIAL_INTERVAL,
    max_poll_interval: float = c.POLL_MAX_INTERVAL,
    first_poll_delay: float = 0.0,
) -> Flow[dict[str, Any]]:
    """Poll with growing intervals until the inference completes, then fetch its outputs.

    `first_poll_delay` skips a poll that would almost surely answer `pending`, for a future
    submitted a moment ago.

    Raises:
        InferenceFailedError: The inference failed.
        OctoAITimeoutError: `timeout` seconds passed first.
        FutureExpiredError: The result is gone (24-hour retention).
    """
    if poll_interval <= 0 or max_poll_interval < poll_interval:
        raise OctoAIClientError("wait needs 0 < poll_interval <= max_poll_interval")
    deadline = None if timeout is None else core.clock() + timeout
    interval = poll_interval
    if first_poll_delay > 0:
        yield Sleep(first_poll_delay if timeout is None else min(first_poll_delay, timeout))
    while True:
        poll = (yield from status(core, future)).raise_if_failed()
        if poll.response_url is not None:
            return (yield from fetch_result(core, future, poll.response_url))
        if deadline is not None:
            remaining = deadline - core.clock()
            if remaining <= 0:
                raise OctoAITimeoutError(
                    f"request {future.response_id} is still {poll.status.value} after "
                    f"{timeout} s; "
                    "the future stays valid, so wait on it again later"
                )
            yield Sleep(min(interval, remaining))
        else:
            yield Sleep(interval)
        interval = min(interval * c.POLL_MULTIPLIER, max_poll_interval)
