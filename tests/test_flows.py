"""The I/O-free core, driven step by step: scripted answers and a fake clock, no server.

Each test runs a flow (a generator of `Send`/`Sleep` steps) with a tiny driver that answers
every `Send` from a script (an `httpx.Response`, or an httpx exception raised before or after
the request left) and advances a fake clock on every `Sleep`, the way httpx tests its auth flows.
They pin the retry decision per method and per failure point, Retry-After handling, deadlines,
polling schedules and the handling of statuses this client does not know.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from octoai_ext import (
    FutureExpiredError,
    InferenceFailedError,
    InferenceFuture,
    OctoAIClientError,
    OctoAIConnectionError,
    OctoAIServerError,
    OctoAITimeoutError,
    RateLimitError,
    WaitProgress,
    _tunes,
)
from octoai_ext._core import CallOptions, ClientCore, default_timeout
from octoai_ext._env import resolve_settings
from octoai_ext._flows import Call, Deadline, Flow, Send, Sleep, call
from octoai_ext._health import health_check
from octoai_ext._polling import wait
from octoai_ext._retry import RetryPolicy
from octoai_ext._waiting import Schedule

BASE = "https://api.test"
Answer = httpx.Response | httpx.HTTPError | Callable[[httpx.Request], Any]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Run:
    """What a flow did: its result, the requests it sent and the pauses it took."""

    result: Any = None
    sends: list[Send] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)


def drive(
    flow: Flow[Any], answers: list[Answer], clock: FakeClock, *, per_send: float = 0.0
) -> Run:
    """Answer each Send from `answers` in order; each Send costs `per_send` clock seconds."""
    run = Run()
    script: Iterator[Answer] = iter(answers)
    outcome: Any = None
    while True:
        try:
            step = flow.send(outcome)
        except StopIteration as done:
            run.result = done.value
            return run
        if isinstance(step, Send):
            run.sends.append(step)
            clock.now += per_send
            answer = next(script)
            if callable(answer) and not isinstance(answer, httpx.Response | httpx.HTTPError):
                answer = answer(step.request)
            if isinstance(answer, httpx.Response):
                answer.request = step.request
            outcome = answer
        else:
            assert isinstance(step, Sleep)
            run.sleeps.append(step.seconds)
            clock.now += step.seconds
            outcome = None


# Only builds requests; nothing is ever sent. One for all tests: each new client builds an SSL
# context, which costs more than every flow here together.
_HTTP = httpx.Client()


def core(clock: FakeClock, *, max_retries: int = 2, budget: float | None = None) -> ClientCore:
    return ClientCore(
        resolve_settings(token="t", base_url=BASE),
        _HTTP,
        defaults=CallOptions(default_timeout(), budget, max_retries),
        stream_idle_timeout=300.0,
        default_headers={},
        clock=clock,
    )


def status(code: int, body: Any = None, **headers: str) -> httpx.Response:
    return httpx.Response(code, json=body if body is not None else {}, headers=headers)


def never_random() -> float:
    return 1.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def spec(c: ClientCore, method: str, *, idempotent: bool | None = None) -> Call:
    request = c.build(method, BASE + "/v1/x", explicit=False)
    return Call(
        request, idempotent=method == "GET" if idempotent is None else idempotent, max_retries=2
    )


# ---- retries per method and per failure point ---------------------------------------------

_NOT_SENT = [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("busy")]
_MAYBE_SENT = [httpx.ReadTimeout("slow"), httpx.ReadError("reset"), httpx.RemoteProtocolError("x")]


@pytest.mark.parametrize("failure", _NOT_SENT, ids=type)
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_request_that_never_left_is_retried(
    clock: FakeClock, method: str, failure: httpx.HTTPError
) -> None:
    c = core(clock)
    run = drive(call(spec(c, method), c.policy, secret=None), [failure, status(200)], clock)
    assert run.result.status_code == 200
    assert [s.attempt for s in run.sends] == [0, 1]


@pytest.mark.parametrize("failure", _MAYBE_SENT, ids=type)
def test_a_post_that_may_have_arrived_is_not_retried(
    clock: FakeClock, failure: httpx.HTTPError
) -> None:
    c = core(clock)
    expected = (
        OctoAITimeoutError
        if isinstance(failure, httpx.TimeoutException)
        else (OctoAIConnectionError)
    )
    with pytest.raises(expected) as info:
        drive(call(spec(c, "POST"), c.policy, secret=None), [failure, status(200)], clock)
    assert info.value.__cause__ is failure


@pytest.mark.parametrize("failure", _MAYBE_SENT, ids=type)
def test_a_get_that_may_have_arrived_is_retried(clock: FakeClock, failure: httpx.HTTPError) -> None:
    c = core(clock)
    run = drive(call(spec(c, "GET"), c.policy, secret=None), [failure, status(200)], clock)
    assert len(run.sends) == 2


@pytest.mark.parametrize(
    ("code", "retried"), [(429, True), (503, True), (500, False), (502, False)]
)
def test_which_statuses_a_post_retries(clock: FakeClock, code: int, retried: bool) -> None:
    c = core(clock)
    answers: list[Answer] = [status(code), status(200)]
    if retried:
        assert drive(call(spec(c, "POST"), c.policy, secret=None), answers, clock).sleeps
    else:
        with pytest.raises(OctoAIServerError):
            drive(call(spec(c, "POST"), c.policy, secret=None), answers, clock)


def test_retry_after_is_obeyed(clock: FakeClock) -> None:
    c = core(clock)
    answers: list[Answer] = [status(429, **{"Retry-After": "7"}), status(200)]
    run = drive(call(spec(c, "POST"), c.policy, secret=None), answers, clock)
    assert run.sleeps == [7.0]


def test_a_retry_after_over_a_minute_is_not_sat_through(clock: FakeClock) -> None:
    c = core(clock)
    answers: list[Answer] = [status(429, {"message": "slow down"}, **{"Retry-After": "120"})]
    with pytest.raises(RateLimitError, match="slow down"):
        drive(call(spec(c, "POST"), c.policy, secret=None), answers, clock)


def test_retries_run_out(clock: FakeClock) -> None:
    c = core(clock)
    policy = RetryPolicy(max_retries=2)
    with pytest.raises(OctoAIServerError) as info:
        drive(call(spec(c, "GET"), policy, secret=None), [status(503)] * 3, clock)
    assert info.value.status_code == 503


# ---- deadlines ------------------------------------------------------------------------------


def test_each_attempt_is_told_the_time_left_and_its_phases_shrink(clock: FakeClock) -> None:
    c = core(clock)
    deadline = Deadline(10.0, clock)
    answers: list[Answer] = [status(503, **{"Retry-After": "2"}), status(200)]
    run = drive(
        call(spec(c, "GET"), c.policy, secret=None, deadline=deadline), answers, clock, per_send=1.0
    )
    assert [s.time_left for s in run.sends] == [10.0, 7.0]
    assert run.sends[1].request.extensions["timeout"]["read"] == 7.0


def test_no_pause_outlives_the_deadline(clock: FakeClock) -> None:
    c = core(clock)
    deadline = Deadline(5.0, clock)
    answers: list[Answer] = [status(503, **{"Retry-After": "30"})]
    with pytest.raises(OctoAIServerError) as info:
        drive(call(spec(c, "GET"), c.policy, secret=None, deadline=deadline), answers, clock)
    assert info.value.status_code == 503  # the real reason, not a timeout that was never waited


def test_a_failure_after_the_deadline_is_a_timeout(clock: FakeClock) -> None:
    c = core(clock)
    deadline = Deadline(2.0, clock)
    with pytest.raises(OctoAITimeoutError, match=r"did not finish within 2 s"):
        drive(
            call(spec(c, "GET"), c.policy, secret=None, deadline=deadline),
            [httpx.ReadTimeout("cut off")],
            clock,
            per_send=3.0,
        )


# ---- waiting on a future ----------------------------------------------------------------------


def future() -> InferenceFuture:
    return InferenceFuture("r1", BASE + "/v1/requests/r1")


def poll(state: str, **extra: Any) -> httpx.Response:
    return status(200, {"response_id": "r1", "status": state, **extra})


def completed() -> httpx.Response:
    return poll("completed", response_url=BASE + "/v1/responses/r1")


def test_wait_polls_on_a_growing_schedule_then_fetches(clock: FakeClock) -> None:
    c = core(clock)
    seen: list[WaitProgress] = []
    answers: list[Answer] = [poll("pending")] * 6 + [completed(), status(200, {"out": 1})]
    run = drive(wait(c, future(), {}, on_progress=seen.append), answers, clock)
    assert run.result == {"out": 1}
    assert run.sleeps == [0.5, 0.75, 1.125, 1.6875, 2.53125, 3.796875]
    assert [s.request.url.path for s in run.sends][-2:] == ["/v1/requests/r1", "/v1/responses/r1"]
    assert [p.checks for p in seen] == [1, 2, 3, 4, 5, 6, 7]
    assert seen[-1].state == "completed"


def test_wait_intervals_are_capped(clock: FakeClock) -> None:
    c = core(clock)
    answers: list[Answer] = [poll("running")] * 12 + [completed(), status(200, {})]
    run = drive(wait(c, future(), {}, max_poll_interval=2.0), answers, clock)
    assert max(run.sleeps) == 2.0
    assert run.sleeps[-3:] == [2.0, 2.0, 2.0]


def test_a_schedule_grows_each_pause_by_half_up_to_its_most() -> None:
    schedule = Schedule(1.0, 2.0)
    assert [schedule.after(pause) for pause in (1.0, 1.5, 2.0)] == [1.5, 2.0, 2.0]
    for first, most in ((0.0, 1.0), (2.0, 1.0)):
        with pytest.raises(OctoAIClientError, match="0 < interval <= max_interval"):
            Schedule(first, most)


def test_wait_gives_up_at_its_deadline_without_oversleeping(clock: FakeClock) -> None:
    c = core(clock)
    start = clock.now
    with pytest.raises(OctoAITimeoutError, match="still running after 4 s"):
        drive(wait(c, future(), {"timeout": 4.0}), [poll("running")] * 50, clock)
    assert clock.now - start == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("answer", "error", "match"),
    [
        (poll("failed", error="GPU melted"), InferenceFailedError, "GPU melted"),
        (poll("exploded"), OctoAIServerError, "does not know"),
        (poll("completed"), OctoAIServerError, "no response_url"),
        (status(404, {"message": "gone"}), FutureExpiredError, "24 hours"),
    ],
)
def test_wait_never_loops_on_what_it_cannot_finish(
    clock: FakeClock, answer: httpx.Response, error: type[Exception], match: str
) -> None:
    c = core(clock)
    with pytest.raises(error, match=match):
        drive(wait(c, future(), {}), [answer], clock)


# ---- health checks -----------------------------------------------------------------------------


def test_health_check_waits_through_a_cold_start(clock: FakeClock) -> None:
    c = core(clock)
    seen: list[WaitProgress] = []
    answers: list[Answer] = [status(503), httpx.ConnectError("refused"), status(200)]
    flow = health_check(c, BASE + "/healthcheck", {}, interval=1.0, on_progress=seen.append)
    run = drive(flow, answers, clock)
    assert run.result == 200
    assert run.sleeps == [1.0, 1.0]
    assert [p.state for p in seen] == ["503", "unreachable", "200"]
    assert all("Authorization" not in s.request.headers for s in run.sends)


def test_health_check_returns_the_last_5xx_at_its_deadline(clock: FakeClock) -> None:
    c = core(clock)
    flow = health_check(c, BASE + "/healthcheck", {"timeout": 3.0}, interval=1.0)
    run = drive(flow, [status(503)] * 10, clock)
    assert run.result == 503
    assert run.sleeps == [1.0, 1.0, 1.0]


def test_health_check_that_never_gets_an_answer_is_a_timeout(clock: FakeClock) -> None:
    c = core(clock)
    refused = httpx.ConnectError("refused")
    flow = health_check(c, BASE + "/healthcheck", {"timeout": 2.5}, interval=1.0)
    with pytest.raises(OctoAITimeoutError, match=r"did not answer within 2\.5 s") as info:
        drive(flow, [refused] * 10, clock)
    assert info.value.__cause__ is refused


def test_health_check_probes_are_bounded_by_the_time_left(clock: FakeClock) -> None:
    c = core(clock)
    flow = health_check(c, BASE + "/healthcheck", {"timeout": 2.0}, interval=1.0)
    run = drive(flow, [status(503)] * 10, clock, per_send=0.5)
    assert [s.time_left for s in run.sends] == [2.0, 0.5]


# ---- creating a tune and waiting on it ---------------------------------------------------------


def a_tune(state: str) -> httpx.Response:
    return status(
        200,
        {
            "id": "tune_01",
            "tenant_id": "0b8f6e84-5a55-5b0a-9cb6-0c0e4c3b7f55",
            "name": "dog",
            "description": "",
            "tune_type": "lora_tune",
            "details": {
                "tune_type": "lora_tune",
                "base_checkpoint": {"checkpoint_id": "asset_01"},
                "files": [{"file_id": "asset_02"}],
                "steps": 100,
                "trigger_words": ["sks"],
            },
            "status": state,
            "status_details": "",
            "output_lora_ids": [],
            "created_at": "2024-05-01T10:00:00+00:00",
            "updated_at": "2024-05-01T10:00:00+00:00",
        },
    )


def create_tune(c: ClientCore, given: dict[str, Any], *, wait: bool) -> Flow[Any]:
    return _tunes.create(
        c,
        given,
        name="dog",
        details={"tune_type": "lora_tune"},
        description=None,
        continue_on_rejection=False,
        wait=wait,
    )


def test_a_tune_created_with_wait_gives_its_timeout_to_the_wait_alone(clock: FakeClock) -> None:
    c = core(clock, budget=5.0)  # the client's own default bounds the creating request
    given = {"timeout": 100.0, "extra_body": {"x": 1}, "extra_headers": {"X-Team": "reef"}}
    answers = [a_tune("pending"), *[a_tune("running")] * 3, a_tune("succeeded")]
    run = drive(create_tune(c, given, wait=True), answers, clock, per_send=1.0)
    assert run.result.status == "succeeded"
    create, *reads = run.sends
    assert create.request.method == "POST"
    assert json.loads(create.request.content)["x"] == 1
    assert create.time_left == 5.0
    assert [r.request.method for r in reads] == ["GET"] * 4
    # The wait's deadline starts once the tune exists, a second later on this clock.
    assert reads[0].time_left == 100.0
    assert all(s.request.headers["X-Team"] == "reef" for s in run.sends)
    assert run.sleeps == [2.0, 3.0, 4.5]


def test_a_tune_wait_ends_at_its_own_timeout_after_the_create(clock: FakeClock) -> None:
    c = core(clock)
    start = clock.now
    answers = [a_tune("pending"), *[a_tune("running")] * 50]
    with pytest.raises(OctoAITimeoutError, match="tune tune_01 is still running after 10 s"):
        drive(create_tune(c, {"timeout": 10.0}, wait=True), answers, clock, per_send=3.0)
    assert clock.now - start == pytest.approx(13.0)  # the creating request's 3 s, then 10 s


def test_a_tune_created_without_wait_takes_the_timeout_itself(clock: FakeClock) -> None:
    c = core(clock)
    run = drive(create_tune(c, {"timeout": 7.0}, wait=False), [a_tune("pending")], clock)
    assert run.result.status == "pending"
    assert [s.time_left for s in run.sends] == [7.0]
