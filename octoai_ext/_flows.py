"""Multi-step behaviour written once, as generators that yield I/O steps.

A flow yields `Send` (send this request, give me the answer or the httpx exception) and
`Sleep` (wait this long). It makes every decision itself: retries, polling, deadlines. The sync
and asyncio clients each drive flows with a loop of a dozen lines, so the two flavours share
all their logic and differ only in `send` versus `await send`.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import dataclass, replace
from typing import TypeVar

import httpx

from ._errors import OctoAIError, error_from_status, error_from_transport
from ._retry import Failure, RetryPolicy

logger = logging.getLogger("octoai_ext")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Send:
    """Send `request`; for `stream`, leave the body unread unless the status is an error."""

    request: httpx.Request
    stream: bool = False


@dataclass(frozen=True, slots=True)
class Sleep:
    """Wait `seconds` before going on."""

    seconds: float


Step = Send | Sleep
Outcome = httpx.Response | httpx.HTTPError | None
Flow = Generator[Step, Outcome, T]


def classify(exc: httpx.HTTPError) -> Failure:
    """Whether a failed attempt certainly never reached the server, which decides POST retries."""
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return Failure.TIMEOUT_BEFORE_SEND
    if isinstance(exc, httpx.ConnectError):
        return Failure.CONNECT
    if isinstance(exc, httpx.TimeoutException):
        return Failure.TIMEOUT_AFTER_SEND
    return Failure.SENT_NO_RESPONSE


@dataclass(frozen=True, slots=True)
class Call:
    """One logical API call: a request plus how to retry it and how to report its failure."""

    request: httpx.Request
    idempotent: bool
    max_retries: int
    stream: bool = False
    context: str = ""
    not_found: type[OctoAIError] | None = None


def call(spec: Call, policy: RetryPolicy, *, secret: str | None) -> Flow[httpx.Response]:
    """Send a request, retrying what the policy allows; return the 2xx answer or raise.

    Raises:
        OctoAIError: The final answer was not 2xx, or no answer arrived.
    """
    request = spec.request
    method = request.method
    if policy.max_retries != spec.max_retries:
        policy = replace(policy, max_retries=spec.max_retries)
    attempt = 0
    while True:
        outcome = yield Send(request, spec.stream)
        if isinstance(outcome, httpx.Response):
            status = outcome.status_code
            logger.debug("%s %s -> %s (attempt %d)", method, request.url, status, attempt + 1)
            if status < 300:
                return outcome
            retry_after = outcome.headers.get("retry-after")
            if policy.should_retry(
                attempt=attempt,
                method=method,
                status=status,
                idempotent=spec.idempotent,
                retry_after=retry_after,
            ):
                yield Sleep(policy.delay(attempt=attempt, retry_after=retry_after))
                attempt += 1
                continue
            error_class = spec.not_found if status == 404 else None
            raise error_from_status(
                status,
                outcome.content,
                outcome.headers,
                secret=secret,
                error_class=error_class,
                context=spec.context,
            )
        assert outcome is not None, "a Send step must be answered"  # noqa: S101
        failure = classify(outcome)
        logger.debug("%s %s failed: %s (attempt %d)", method, request.url, failure, attempt + 1)
        if policy.should_retry(
            attempt=attempt, method=method, failure=failure, idempotent=spec.idempotent
        ):
            yield Sleep(policy.delay(attempt=attempt))
            attempt += 1
            continue
        raise error_from_transport(outcome, url=str(request.url)) from outcome
