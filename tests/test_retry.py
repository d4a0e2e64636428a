"""The retry policy: which outcomes are retried, and how long to wait first."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from octoai_ext._constants import (
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
)
from octoai_ext._retry import (
    IDEMPOTENT_METHODS,
    RETRYABLE_STATUSES,
    Failure,
    RetryPolicy,
    parse_retry_after,
)
from tests.strategies import retry_policies, unit_interval

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
POLICY = RetryPolicy()  # the defaults: two retries, 0.5 s doubling to 8 s, Retry-After up to 60 s

IDEMPOTENT = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "get", "Delete"]
NOT_IDEMPOTENT = ["POST", "PATCH", "post"]

# status -> (retried for an idempotent request, retried for a POST)
STATUS_TABLE = {
    200: (False, False),
    201: (False, False),
    301: (False, False),
    400: (False, False),
    401: (False, False),
    403: (False, False),
    404: (False, False),
    408: (True, False),
    409: (False, False),
    413: (False, False),
    422: (False, False),
    429: (True, True),
    499: (False, False),
    500: (True, False),
    501: (False, False),
    502: (True, False),
    503: (True, True),
    504: (True, False),
    505: (False, False),
    520: (False, False),
    529: (False, False),
}
# failure -> (retried for an idempotent request, retried for a POST)
FAILURE_TABLE = {
    Failure.CONNECT: (True, True),
    Failure.TIMEOUT_BEFORE_SEND: (True, True),
    Failure.SENT_NO_RESPONSE: (True, False),
    Failure.TIMEOUT_AFTER_SEND: (True, False),
}


def test_defaults_come_from_the_constants() -> None:
    assert (POLICY.max_retries, POLICY.initial_delay, POLICY.max_delay, POLICY.max_retry_after) == (
        DEFAULT_MAX_RETRIES,
        INITIAL_RETRY_DELAY,
        MAX_RETRY_DELAY,
        MAX_RETRY_AFTER,
    )
    assert {408, 429, 500, 502, 503, 504} == RETRYABLE_STATUSES
    assert {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"} == IDEMPOTENT_METHODS


# --- should_retry: the decision table ---------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "status", "attempt"),
    list(itertools.product(IDEMPOTENT + NOT_IDEMPOTENT, STATUS_TABLE, [0, 1])),
)
def test_status_decisions_before_the_limit(method: str, status: int, attempt: int) -> None:
    for_idempotent, for_post = STATUS_TABLE[status]
    expected = for_idempotent if method in IDEMPOTENT else for_post
    assert POLICY.should_retry(attempt=attempt, method=method, status=status) is expected


@pytest.mark.parametrize(
    ("method", "failure", "attempt"),
    list(itertools.product(IDEMPOTENT + NOT_IDEMPOTENT, Failure, [0, 1])),
)
def test_failure_decisions_before_the_limit(method: str, failure: Failure, attempt: int) -> None:
    for_idempotent, for_post = FAILURE_TABLE[failure]
    expected = for_idempotent if method in IDEMPOTENT else for_post
    assert POLICY.should_retry(attempt=attempt, method=method, failure=failure) is expected


@pytest.mark.parametrize(
    ("method", "outcome", "attempt"),
    list(
        itertools.product(
            ["GET", "POST"],
            [{"status": 429}, {"status": 503}, {"failure": Failure.CONNECT}],
            [2, 3, 100],
        )
    ),
)
def test_never_retry_once_the_retries_are_spent(
    method: str, outcome: dict[str, object], attempt: int
) -> None:
    assert POLICY.should_retry(attempt=attempt, method=method, **outcome) is False  # type: ignore[arg-type]


def test_zero_max_retries_turns_retrying_off() -> None:
    policy = RetryPolicy(max_retries=0)
    assert not policy.should_retry(attempt=0, method="GET", status=503)
    assert not policy.should_retry(attempt=0, method="GET", failure=Failure.CONNECT)


def test_more_retries_when_configured() -> None:
    policy = RetryPolicy(max_retries=5)
    assert policy.should_retry(attempt=4, method="GET", status=502)
    assert not policy.should_retry(attempt=5, method="GET", status=502)


@pytest.mark.parametrize("status", sorted(STATUS_TABLE))
def test_explicit_idempotency_overrides_the_method(status: int) -> None:
    for_idempotent, for_post = STATUS_TABLE[status]
    # A status poll sent by POST, and a GET that must not repeat.
    assert POLICY.should_retry(attempt=0, method="POST", status=status, idempotent=True) is (
        for_idempotent
    )
    assert POLICY.should_retry(attempt=0, method="GET", status=status, idempotent=False) is for_post


@pytest.mark.parametrize("failure", list(Failure))
def test_explicit_idempotency_overrides_the_method_for_failures(failure: Failure) -> None:
    assert POLICY.should_retry(attempt=0, method="POST", failure=failure, idempotent=True)
    assert (
        POLICY.should_retry(attempt=0, method="GET", failure=failure, idempotent=False)
        is (FAILURE_TABLE[failure][1])
    )


def test_failure_flags() -> None:
    assert [f for f in Failure if f.request_sent] == [
        Failure.SENT_NO_RESPONSE,
        Failure.TIMEOUT_AFTER_SEND,
    ]
    assert [f for f in Failure if f.is_timeout] == [
        Failure.TIMEOUT_BEFORE_SEND,
        Failure.TIMEOUT_AFTER_SEND,
    ]


def test_nothing_to_retry_without_an_outcome() -> None:
    assert not POLICY.should_retry(attempt=0, method="GET")


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="either"):
        POLICY.should_retry(attempt=0, method="GET", status=503, failure=Failure.CONNECT)
    with pytest.raises(ValueError, match="attempt"):
        POLICY.should_retry(attempt=-1, method="GET", status=503)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_retries": -1},
        {"initial_delay": -0.1},
        {"max_delay": float("nan")},
        {"max_retry_after": float("inf")},
    ],
)
def test_invalid_policies_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]


def test_too_long_retry_after_means_no_retry() -> None:
    assert POLICY.should_retry(attempt=0, method="GET", status=429, retry_after="60")
    assert not POLICY.should_retry(attempt=0, method="GET", status=429, retry_after="61")
    later = format_datetime(NOW + timedelta(minutes=5), usegmt=True)
    assert not POLICY.should_retry(attempt=0, method="POST", status=503, retry_after=later, now=NOW)
    assert POLICY.should_retry(attempt=0, method="POST", status=503, retry_after="soon", now=NOW)
    assert POLICY.retry_after_too_long("61")
    assert not POLICY.retry_after_too_long("60")
    assert not POLICY.retry_after_too_long(None)
    assert not POLICY.retry_after_too_long("garbage")


# --- Retry-After ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("120", 120.0),
        ("1.5", 1.5),
        ("0.25", 0.25),
        (".5", 0.5),
        ("2.", 2.0),
        (" 7 ", 7.0),
        ("007", 7.0),
    ],
)
def test_retry_after_seconds(value: str, seconds: float) -> None:
    assert parse_retry_after(value) == seconds


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", "-1", "-0.5", "+3", "1e3", "nan", "inf", "3 s", "soon", "1_000", "\u0663"],
)
def test_unreadable_retry_after(value: str | None) -> None:
    assert parse_retry_after(value, now=NOW) is None


def test_absurdly_long_retry_after_is_too_long_not_unreadable() -> None:
    assert parse_retry_after("9" * 400) == float("inf")
    assert POLICY.retry_after_too_long("9" * 400)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("Wed, 01 May 2024 12:00:30 GMT", 30.0),
        ("Wed, 01 May 2024 12:01:00 GMT", 60.0),
        ("Wed, 01 May 2024 14:00:10 +0200", 10.0),
        ("Wednesday, 01-May-24 12:00:05 GMT", 5.0),  # the obsolete RFC 850 form
        ("Wed, 01 May 2024 12:00:00 GMT", 0.0),
        ("Wed, 01 May 2024 11:59:00 GMT", 0.0),  # in the past: no wait
        ("Mon, 01 Jan 1990 00:00:00 GMT", 0.0),
    ],
)
def test_retry_after_http_date_against_an_injected_clock(value: str, seconds: float) -> None:
    assert parse_retry_after(value, now=NOW) == seconds


def test_retry_after_http_date_with_a_naive_or_offset_clock() -> None:
    value = "Wed, 01 May 2024 12:00:30 GMT"
    assert parse_retry_after(value, now=NOW.replace(tzinfo=None)) == 30.0
    assert parse_retry_after(value, now=NOW.astimezone(timezone(timedelta(hours=-5)))) == 30.0


def test_retry_after_http_date_defaults_to_the_real_clock() -> None:
    # A date a day ahead is between 23 and 25 hours away, whatever the machine's clock says.
    tomorrow = format_datetime(datetime.now(UTC) + timedelta(days=1), usegmt=True)
    seconds = parse_retry_after(tomorrow)
    assert seconds is not None
    assert 23 * 3600 < seconds < 25 * 3600


@pytest.mark.parametrize(
    "value",
    ["Wed, 99 Foo 2024 12:00:00 GMT", "Wed, 01 May 2024 25:61:00 GMT", "2024-05-01T12:00:30Z"],
)
def test_garbage_dates_are_unreadable(value: str) -> None:
    assert parse_retry_after(value, now=NOW) is None


# --- delay ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attempt", "expected"),
    [(0, 0.25), (1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 4.0), (60, 4.0), (10_000, 4.0)],
)
def test_backoff_doubles_up_to_the_cap_with_full_jitter(attempt: int, expected: float) -> None:
    assert POLICY.delay(attempt=attempt, rand=lambda: 0.5) == expected


def test_full_jitter_spans_zero_to_the_cap() -> None:
    assert POLICY.delay(attempt=2, rand=lambda: 0.0) == 0.0
    assert POLICY.delay(attempt=2, rand=lambda: 1.0) == 2.0
    assert POLICY.backoff_cap(2) == 2.0
    # A misbehaving random source cannot push the delay out of range.
    assert POLICY.delay(attempt=2, rand=lambda: 7.0) == 2.0
    assert POLICY.delay(attempt=2, rand=lambda: -3.0) == 0.0


def test_default_random_source_stays_in_range() -> None:
    delays = {POLICY.delay(attempt=3) for _ in range(200)}
    assert all(0.0 <= d <= 4.0 for d in delays)
    assert len(delays) > 1  # jittered, not constant


def test_retry_after_replaces_the_backoff() -> None:
    assert POLICY.delay(attempt=0, retry_after="3", rand=lambda: 0.5) == 3.0
    assert POLICY.delay(attempt=5, retry_after="0", rand=lambda: 0.5) == 0.0
    assert POLICY.delay(attempt=0, retry_after="20", rand=lambda: 0.5) == 20.0  # beyond max_delay
    date = "Wed, 01 May 2024 12:00:12 GMT"
    assert POLICY.delay(attempt=0, retry_after=date, now=NOW, rand=lambda: 0.5) == 12.0
    past = "Wed, 01 May 2024 11:00:00 GMT"
    assert POLICY.delay(attempt=0, retry_after=past, now=NOW, rand=lambda: 0.5) == 0.0


@pytest.mark.parametrize("value", ["garbage", "-2", "61", "Wed, 01 May 2024 13:00:00 GMT"])
def test_unusable_retry_after_falls_back_to_backoff(value: str) -> None:
    assert POLICY.delay(attempt=1, retry_after=value, now=NOW, rand=lambda: 0.5) == 0.5


@given(policy=retry_policies, attempt=st.integers(min_value=0, max_value=2000), r=unit_interval)
def test_backoff_stays_within_zero_and_the_cap(policy: RetryPolicy, attempt: int, r: float) -> None:
    delay = policy.delay(attempt=attempt, rand=lambda: r)
    cap = min(policy.max_delay, policy.initial_delay * 2 ** min(attempt, 64))
    assert 0.0 <= delay <= cap
    assert delay <= policy.max_delay


@given(policy=retry_policies, attempt=st.integers(min_value=0, max_value=50))
def test_backoff_cap_never_shrinks_between_attempts(policy: RetryPolicy, attempt: int) -> None:
    assert policy.backoff_cap(attempt) <= policy.backoff_cap(attempt + 1)


@given(
    policy=retry_policies,
    attempt=st.integers(min_value=0, max_value=100),
    wait=st.integers(min_value=0, max_value=7200),
    as_date=st.booleans(),
    r=unit_interval,
)
def test_retry_after_is_honoured_up_to_its_limit(
    policy: RetryPolicy, attempt: int, wait: int, as_date: bool, r: float
) -> None:
    header = format_datetime(NOW + timedelta(seconds=wait), usegmt=True) if as_date else str(wait)
    delay = policy.delay(attempt=attempt, retry_after=header, now=NOW, rand=lambda: r)
    if wait <= policy.max_retry_after:
        assert delay == wait
    else:
        assert delay == r * policy.backoff_cap(attempt)
        assert not policy.should_retry(
            attempt=0, method="GET", status=503, retry_after=header, now=NOW
        )


@given(
    attempt=st.integers(min_value=0, max_value=5),
    status=st.integers(min_value=100, max_value=599),
    failure=st.sampled_from(list(Failure)),
    max_retries=st.integers(min_value=0, max_value=5),
)
def test_a_post_is_never_retried_where_a_get_is_not(
    attempt: int, status: int, failure: Failure, max_retries: int
) -> None:
    policy = RetryPolicy(max_retries=max_retries)
    for outcome in ({"status": status}, {"failure": failure}):
        if policy.should_retry(attempt=attempt, method="POST", **outcome):  # type: ignore[arg-type]
            assert policy.should_retry(attempt=attempt, method="GET", **outcome)  # type: ignore[arg-type]
            assert attempt < max_retries
