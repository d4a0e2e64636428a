"""Health checks that wait through a cold start, as a flow over a `ClientCore`."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

import httpx

from ._errors import OctoAIClientError, OctoAIServerError
from ._flows import Flow, Send, Sleep
from ._hosts import origin

if TYPE_CHECKING:
    from ._core import ClientCore

logger = logging.getLogger("octoai_ext")

#: One probe never waits longer than this, so a stuck server cannot eat the whole deadline.
_PROBE_TIMEOUT: Final = 30.0


def health_check(core: ClientCore, url: str, *, timeout: float, interval: float) -> Flow[int]:
    """GET `url` until it answers below 500 or `timeout` passes; return the last status.

    Raises:
        OctoAIServerError: The endpoint could not be reached at all before the timeout.
    """
    if timeout < 0 or interval <= 0:
        raise OctoAIClientError("health_check needs timeout >= 0 and interval > 0")
    origin(url)  # a URL that can never answer is the caller's mistake, not a cold start
    deadline = core.clock() + timeout
    warned = False
    last_status: int | None = None
    last_error: BaseException | None = None
    while True:
        remaining = deadline - core.clock()
        # One probe never outlives the overall deadline, nor hangs on a stuck server.
        probe = httpx.Timeout(min(max(remaining, 0.1), _PROBE_TIMEOUT))
        request = core.build("GET", url, explicit=True, needs_token=False, timeout=probe)
        outcome = yield Send(request)
        if isinstance(outcome, httpx.Response):
            last_status = outcome.status_code
            if last_status < 500:
                return last_status
        else:
            last_error = outcome
        if not warned:
            warned = True
            logger.warning(
                "%s is not ready (%s); waiting up to %.0f s for it to start. Endpoints with "
                "min replicas 0 cold-start on the first request.",
                url,
                last_status if last_status is not None else type(last_error).__name__,
                timeout,
            )
        remaining = deadline - core.clock()
        if remaining <= 0:
            if last_status is not None:
                return last_status
            raise OctoAIServerError(f"{url} could not be reached within {timeout} s: {last_error}")
        yield Sleep(min(interval, remaining))
