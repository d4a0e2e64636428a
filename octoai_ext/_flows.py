"""Multi-step behaviour written once, as generators that yield I/O steps.

A flow yields `Send` (send this request, give me the answer or the httpx exception) and
`Sleep` (wait this long). It makes every decision itself: retries, polling, deadlines. The sync
and asyncio clients each drive flows with a loop of a dozen lines, so the two flavours share
all their logic and differ only in `send` versus `await send`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from typing import TypeVar

import httpx

from ._errors import OctoAIError, OctoAITimeoutError, error_from_status, transport_failure
from ._retry import RetryPolicy
from ._types import ProgressCallback, WaitProgress

logger = logging.getLogger("octoai_ext")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Send:
    """Send `request` and answer with the response or the httpx exception.

    Attributes:
        request: The request.
        stream: Leave the body unread (unless the status is an error, which is read).
        attempt: Retries of this request made before this one; 0 for the first attempt.
        time_left: Seconds until the operation's deadline, None without one. The driver makes
            it a hard limit on the request in flight (see `_deadline`).
    """

    request: httpx.Request
    stream: bool = False
    attempt: int = 0
    time_left: float | None = None


@dataclass(frozen=True, slots=True)
class Sleep:
    """Wait `seconds` before going on."""

    seconds: float


Step = Send | Sleep
Outcome = httpx.Response | httpx.HTTPError | None
Flow = Generator[Step, Outcome, T]


class Deadline:
    """The instant an operation must end by, on the clock of the client core."""

    __slots__ = ("at", "clock", "seconds")

    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self.seconds = seconds
        self.clock = clock
        self.at = clock() + seconds

    def left(self) -> float:
        """Seconds left; zero or less once it passed."""
        return self.at - self.clock()

    def expired(self, what: str, cause: str = "") -> OctoAITimeoutError:
        """The error for an operation that ran out of time."""
        detail = f" ({cause})" if cause else ""
        return OctoAITimeoutError(f"{what} did not finish within {self.seconds:g} s{detail}")


def start_deadline(seconds: float | None, clock: Callable[[], float]) -> Deadline | None:
    """A deadline `seconds` from now, or None for none."""
    return None if seconds is None else Deadline(seconds, clock)


class Progress:
    """Counts the checks of a wait and reports each to an optional `on_progress` callback."""

    __slots__ = ("callback", "checks", "clock", "started", "subject")

    def __init__(
        self, subject: str, callback: ProgressCallback | None, clock: Callable[[], float]
    ) -> None:
        self.subject = subject
        self.callback = callback
        self.clock = clock
        self.started = clock()
        self.checks = 0

    def report(self, state: str, next_check_in: float | None) -> None:
        """Tell the callback the state after a check and when the next one comes."""
        if self.callback is not None:
            elapsed = self.clock() - self.started
            self.callback(WaitProgress(self.subject, state, elapsed, self.checks, next_check_in))


@dataclass(frozen=True, slots=True)
class Call:
    """One logical API call: a request plus how to retry it and how to report its failure."""

    request: httpx.Request
    idempotent: bool
    max_retries: int
    stream: bool = False
    context: str = ""
    not_found: type[OctoAIError] | None = None
    #: Builds a fresh request for each retry, for a body that can be read only once (an upload).
    rebuild: Callable[[], httpx.Request] | None = None


def _cap_phases(request: httpx.Request, left: float) -> None:
    # Each phase limit (the wait for a pooled connection included) shrinks to the time left,
    # so even a transport without the deadline layer stops near the deadline.
    phases = request.extensions.get("timeout") or {}
    capped = {name: left if v is None else min(v, left) for name, v in phases.items()}
    request.extensions = {**request.extensions, "timeout": capped}


def call(
    spec: Call,
    policy: RetryPolicy,
    *,
    secret: str | None,
    deadline: Deadline | None = None,
) -> Flow[httpx.Response]:
    """Send a request, retrying what the policy allows; return the 2xx answer or raise.

    With a `deadline`, no attempt starts after it, no pause between attempts outlasts it, and
    the request in flight is cut off when it passes.

    Raises:
        OctoAIError: The final answer was not 2xx, or no answer arrived.
        OctoAITimeoutError: The deadline passed.
    """
    request = spec.request
    method = request.method
    if policy.max_retries != spec.max_retries:
        policy = replace(policy, max_retries=spec.max_retries)
    what = f"{method} {request.url.path}"
    # A stream's deadline covers opening it; its events then get the uncapped read timeout.
    phases = request.extensions.get("timeout")
    attempt = 0
    while True:
        if attempt and spec.rebuild is not None:
            request = spec.rebuild()
        left = None
        if deadline is not None:
            left = deadline.left()
            if left <= 0:
                raise deadline.expired(what, f"{attempt} attempts")
            _cap_phases(request, left)
        outcome = yield Send(request, spec.stream, attempt, left)
        if isinstance(outcome, httpx.Response):
            status = outcome.status_code
            logger.debug("%s %s -> %s (attempt %d)", method, request.url, status, attempt + 1)
            if status < 300:
                if spec.stream and left is not None:
                    request.extensions = {**request.extensions, "timeout": phases}
                return outcome
            retry_after = outcome.headers.get("retry-after")
            if policy.should_retry(
                attempt=attempt,
                method=method,
                status=status,
                idempotent=spec.idempotent,
                retry_after=retry_after,
            ):
                pause = policy.delay(attempt=attempt, retry_after=retry_after)
                if deadline is None or pause < deadline.left():
                    yield Sleep(pause)
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
        failure = transport_failure(outcome)
        logger.debug(
            "%s %s failed: %s (attempt %d)", method, request.url, failure.failure, attempt + 1
        )
        if deadline is not None and deadline.left() <= 0:
            raise deadline.expired(what, failure.description) from outcome
        if policy.should_retry(
            attempt=attempt, method=method, failure=failure.failure, idempotent=spec.idempotent
        ):
            pause = policy.delay(attempt=attempt)
            if deadline is None or pause < deadline.left():
                yield Sleep(pause)
                attempt += 1
                continue
        raise failure.error(url=str(request.url), context=spec.context) from outcome
