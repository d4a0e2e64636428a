"""Health checks that wait through a cold start, as a flow over a `ClientCore`.

The contract: the check repeats while the endpoint answers 5xx or cannot be reached, and
returns the first status below 500. When its `timeout` passes, it returns the last 5xx status
if the endpoint answered at all, and raises `OctoAITimeoutError` if it never answered
(unreachable, or every probe timed out), with the last connection error as its cause. The
timeout is a hard limit: a probe in flight is cut off when it passes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import httpx

from . import _constants as c
from ._errors import OctoAIClientError, OctoAITimeoutError, transport_failure
from ._flows import Deadline, Flow, Progress, Send, Sleep
from ._hosts import origin
from ._types import ProgressCallback
from ._waiting import wait_options

if TYPE_CHECKING:
    from ._core import ClientCore

logger = logging.getLogger("octoai_ext")

#: One probe never waits longer than this, so a stuck server cannot eat the whole deadline.
_PROBE_TIMEOUT: Final = 30.0


def health_check(
    core: ClientCore,
    url: str,
    given: Mapping[str, Any],
    *,
    interval: float,
    on_progress: ProgressCallback | None = None,
) -> Flow[int]:
    """GET `url` until it answers below 500 or the timeout passes; return the last status.

    Raises:
        OctoAIClientError: `url` is not an absolute http(s) URL, or bad arguments.
        OctoAITimeoutError: The endpoint never answered before the timeout.
    """
    if interval <= 0:
        raise OctoAIClientError("health_check needs interval > 0")
    origin(url)  # a URL that can never answer is the caller's mistake, not a cold start
    options, budget = wait_options(core, given, default_budget=c.HEALTH_CHECK_TIMEOUT)
    if budget is None:
        raise OctoAIClientError("health_check needs a timeout in seconds (default 900)")
    deadline = Deadline(budget, core.clock)
    progress = Progress(url, on_progress, core.clock)
    warned = False
    last_status: int | None = None
    last_error: httpx.HTTPError | None = None
    while True:
        left = deadline.left()
        request = core.build(
            "GET",
            url,
            explicit=True,
            options=options,
            needs_token=False,
            timeout=httpx.Timeout(min(max(left, 0.001), _PROBE_TIMEOUT)),
        )
        outcome = yield Send(request, time_left=max(left, 0.0))
        progress.checks += 1
        if isinstance(outcome, httpx.Response):
            last_status = outcome.status_code
            state = str(last_status)
            if last_status < 500:
                progress.report(state, None)
                return last_status
        else:
            assert outcome is not None  # noqa: S101 - a Send step is always answered
            # A probe cut off by the deadline itself says less than the failure before it.
            cut_off = isinstance(outcome, httpx.TimeoutException) and deadline.left() <= 0
            if last_error is None or not cut_off:
                last_error = outcome
            state = "unreachable"
        if not warned:
            warned = True
            logger.warning(
                "%s is not ready (%s); waiting up to %g s for it to start. Endpoints with "
                "min replicas 0 cold-start on the first request.",
                url,
                state if last_error is None else transport_failure(last_error).description,
                budget,
            )
        left = deadline.left()
        if left <= 0:
            progress.report(state, None)
            if last_status is not None:
                return last_status
            cause = transport_failure(last_error).description if last_error else "no answer"
            raise OctoAITimeoutError(
                f"{url} did not answer within {budget:g} s ({cause})"
            ) from last_error
        pause = min(interval, left)
        progress.report(state, pause)
        yield Sleep(pause)
