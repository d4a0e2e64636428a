"""When to try a request again, and how long to wait first: a pure policy with no I/O.

The caller describes the outcome of an attempt (a status code, or a `Failure` when no response
came) and asks `RetryPolicy.should_retry`; if the answer is yes, it sleeps `RetryPolicy.delay`
seconds with its own sleep function. Clock and randomness are injected, so tests need neither.
"""

from __future__ import annotations

import enum
import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from ._constants import DEFAULT_MAX_RETRIES, INITIAL_RETRY_DELAY, MAX_RETRY_AFTER, MAX_RETRY_DELAY

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRYABLE_STATUSES",
    "Failure",
    "RetryPolicy",
    "parse_retry_after",
]

#: Statuses worth another attempt: timeout, throttling and transient server trouble.
RETRYABLE_STATUSES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})
#: Statuses with which a server refuses a request before acting on it, so even a POST may retry.
_REFUSED_STATUSES: frozenset[int] = frozenset({429, 503})
#: Methods that may be repeated without changing the outcome (RFC 9110, section 9.2.2).
IDEMPOTENT_METHODS: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
#: Beyond this exponent the backoff is capped anyway; it keeps `2**attempt` from overflowing.
_MAX_EXPONENT = 64


class Failure(enum.Enum):
    """Why an attempt produced no response, sorted by whether the request reached the server.

    Mapping from httpx: `ConnectError` is `CONNECT`; `ConnectTimeout` and `PoolTimeout` are
    `TIMEOUT_BEFORE_SEND`; `ReadError`, `WriteError` and `RemoteProtocolError` are
    `SENT_NO_RESPONSE`; `ReadTimeout` and `WriteTimeout` are `TIMEOUT_AFTER_SEND`.
    """

    #: No connection could be made (refused, DNS, TLS handshake): the request never left.
    CONNECT = "connect"
    #: No connection within the connect or pool timeout: the request never left.
    TIMEOUT_BEFORE_SEND = "timeout_before_send"
    #: The connection broke after the request was at least partly sent.
    SENT_NO_RESPONSE = "sent_no_response"
    #: Writing the request or waiting for the response timed out.
    TIMEOUT_AFTER_SEND = "timeout_after_send"

    @property
    def request_sent(self) -> bool:
        """True if the server may have received, and acted on, the request."""
        return self in (Failure.SENT_NO_RESPONSE, Failure.TIMEOUT_AFTER_SEND)

    @property
    def is_timeout(self) -> bool:
        """True if the attempt ran out of time rather than failing outright."""
        return self in (Failure.TIMEOUT_BEFORE_SEND, Failure.TIMEOUT_AFTER_SEND)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Read a `Retry-After` header as a number of seconds to wait.

    Args:
        value: The header: non-negative seconds (an integer or a decimal), or an HTTP date.
        now: The current time, to measure an HTTP date against; `datetime.now(UTC)` by default.
            A naive datetime is taken as UTC.

    Returns:
        The seconds to wait (0 for a date in the past), or None if the header is missing or
        unreadable (a negative number, `nan`, garbage).

    """
    if value is None:
        return None
    text = value.strip()
    if _SECONDS.fullmatch(text):
        return float(text)  # only an absurdly long digit string gives inf: a wait too long
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if now is None:
        now = datetime.now(UTC)
    return max(0.0, (_as_utc(when) - _as_utc(now)).total_seconds())


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often, on what, and after how long a request is tried again.

    A `Retry-After` longer than `max_retry_after` means the server wants a pause the caller should
    not sit through: `should_retry` says no when it is given that header, so the error reaches the
    user at once. `retry_after_too_long` exposes the same test.

    Attributes:
        max_retries: Retries after the first attempt; 0 turns retrying off.
        initial_delay: Backoff ceiling, in seconds, before the first retry; it doubles per retry.
        max_delay: The highest backoff ceiling, in seconds.
        max_retry_after: The longest `Retry-After`, in seconds, that is honoured.

    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = INITIAL_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    max_retry_after: float = MAX_RETRY_AFTER

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {self.max_retries}")
        for name in ("initial_delay", "max_delay", "max_retry_after"):
            seconds = getattr(self, name)
            if not (seconds >= 0 and math.isfinite(seconds)):
                raise ValueError(f"{name} must be a finite number of seconds >= 0, not {seconds}")

    def should_retry(
        self,
        *,
        attempt: int,
        method: str,
        status: int | None = None,
        failure: Failure | None = None,
        idempotent: bool | None = None,
        retry_after: str | None = None,
        now: datetime | None = None,
    ) -> bool:
        """Decide whether an attempt that went wrong may be repeated.

        Idempotent requests retry on every retryable status and on every failure. Others (a POST)
        retry only on 429 and 503, or when the request never left; never when the server may
        already have acted on it.

        Args:
            attempt: Retries already made; 0 before the first retry.
            method: The HTTP method of the request.
            status: The response status, if a response arrived.
            failure: Why no response arrived, if none did.
            idempotent: Overrides the method's idempotency, e.g. True for a status poll by POST.
            retry_after: The response's `Retry-After` header; too long a wait means no retry.
            now: The current time, for an HTTP-date `Retry-After`.

        Returns:
            True if the request should be sent again.

        Raises:
            ValueError: `attempt` is negative, or both `status` and `failure` were given.

        """
        if attempt < 0:
            raise ValueError(f"attempt must be 0 or more, not {attempt}")
        if status is not None and failure is not None:
            raise ValueError("give either a status or a failure, not both")
        if attempt >= self.max_retries or self.retry_after_too_long(retry_after, now=now):
            return False
        if idempotent is None:
            idempotent = method.upper() in IDEMPOTENT_METHODS
        if status is not None:
            if status not in RETRYABLE_STATUSES:
                return False
            return idempotent or status in _REFUSED_STATUSES
        if failure is not None:
            return idempotent or not failure.request_sent
        return False

    def retry_after_too_long(self, value: str | None, *, now: datetime | None = None) -> bool:
        """Tell whether `value` is a readable `Retry-After` longer than `max_retry_after`."""
        seconds = parse_retry_after(value, now=now)
        return seconds is not None and seconds > self.max_retry_after

    def backoff_cap(self, attempt: int) -> float:
        """Give the most `delay` may return for `attempt` when there is no usable `Retry-After`."""
        return min(self.max_delay, self.initial_delay * 2.0 ** min(max(attempt, 0), _MAX_EXPONENT))

    def delay(
        self,
        *,
        attempt: int,
        retry_after: str | None = None,
        now: datetime | None = None,
        rand: Callable[[], float] = random.random,
    ) -> float:
        """Seconds to wait before retry number `attempt + 1`.

        A readable `Retry-After` within `max_retry_after` is obeyed as is. Otherwise the wait is
        exponential backoff with full jitter: `rand() * min(max_delay, initial_delay * 2**attempt)`.

        Args:
            attempt: Retries already made; 0 before the first retry.
            retry_after: The response's `Retry-After` header, if any.
            now: The current time, for an HTTP-date `Retry-After`.
            rand: A source of floats in [0, 1); values outside are clamped.

        Returns:
            A delay in seconds, within [0, `max_retry_after`] when it comes from `Retry-After`
            and within [0, `backoff_cap(attempt)`] otherwise.

        """
        seconds = parse_retry_after(retry_after, now=now)
        if seconds is not None and seconds <= self.max_retry_after:
            return seconds
        return min(max(rand(), 0.0), 1.0) * self.backoff_cap(attempt)
