"""The batch scheduler and its window, driven with a fake clock and made-up outcomes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from octoai_ext import (
    AuthenticationError,
    FutureExpiredError,
    InferenceFailedError,
    InferenceFuture,
    OctoAIClientError,
    OctoAIConnectionError,
    OctoAIServerError,
    OctoAITimeoutError,
    PayloadTooLargeError,
    RequestValidationError,
)
from octoai_ext._batch import records as r
from octoai_ext._batch.scheduler import MAX_EXPIRED, Scheduler, item_failed
from octoai_ext._batch.window import Window
from octoai_ext._batch.work import Checked, Job, JobKind, Throttled
from octoai_ext._waiting import Schedule


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(concurrency: int = 4, **kwargs: Any) -> tuple[Scheduler, Clock]:
    clock = Clock()
    scheduler = Scheduler(
        concurrency=concurrency,
        clock=clock,
        wall=lambda: 5e8 + clock.now,
        rand=lambda: 0.5,
        **kwargs,
    )
    return scheduler, clock


def feed(scheduler: Scheduler, n: int, records: dict[int, r.ItemRecord] | None = None) -> None:
    for position in range(n):
        record = (records or {}).get(position)
        scheduler.add(position, json.dumps(f"k{position}"), {"n": position}, record)
    scheduler.end_of_input()


def all_jobs(scheduler: Scheduler) -> list[Job]:
    jobs = []
    while (job := scheduler.next_job()) is not None:
        jobs.append(job)
    return jobs


def future(job: Job) -> InferenceFuture:
    return InferenceFuture(f"rid-{job.work.position}", f"http://h/v1/requests/{job.work.position}")


def test_submits_in_input_order_within_the_window() -> None:
    scheduler, _ = make(concurrency=3)
    feed(scheduler, 5)
    jobs = all_jobs(scheduler)
    assert [(j.kind, j.work.position) for j in jobs] == [(JobKind.SUBMIT, p) for p in range(3)]
    assert all(j.intent is not None and j.intent.state is r.ItemState.SUBMITTING for j in jobs)
    assert scheduler.active == 3
    assert scheduler.wait_time() is None  # nothing to do until a job completes


def test_sync_mode_runs_items_and_finishes_them_with_their_outputs() -> None:
    scheduler, _ = make(concurrency=2, sync_mode=True)
    feed(scheduler, 2)
    jobs = all_jobs(scheduler)
    assert [j.kind for j in jobs] == [JobKind.INFER, JobKind.INFER]
    changes = scheduler.complete(jobs[0], {"out": 0})
    assert changes.results == [("k0", {"out": 0})]
    assert [s.state for s in changes.saves] == [r.ItemState.COMPLETED]
    scheduler.complete(jobs[1], {"out": 1})
    assert scheduler.finished
    assert scheduler.counts.done == 2


def test_a_queued_item_is_polled_after_the_poll_interval_with_growing_pauses() -> None:
    scheduler, clock = make(concurrency=1, schedule=Schedule(0.5, 1.0))
    feed(scheduler, 1)
    (submit,) = all_jobs(scheduler)
    changes = scheduler.complete(submit, future(submit))
    assert changes.saves[0].state is r.ItemState.SUBMITTED
    assert changes.results == []
    assert scheduler.next_job() is None
    assert scheduler.wait_time() == pytest.approx(0.5)
    pauses = []
    for _ in range(4):
        clock.now += scheduler.wait_time() or 0.0
        (check,) = all_jobs(scheduler)
        assert check.kind is JobKind.CHECK
        scheduler.complete(check, Checked())
        pauses.append(scheduler.wait_time())
    assert pauses == pytest.approx([0.5, 0.75, 1.0, 1.0])
    clock.now += 1.0
    (check,) = all_jobs(scheduler)
    changes = scheduler.complete(check, Checked({"ok": True}))
    assert changes.results == [("k0", {"ok": True})]
    assert scheduler.finished


def test_due_polls_go_before_new_submits_and_free_the_window() -> None:
    scheduler, clock = make(concurrency=1)
    feed(scheduler, 2)
    (first,) = all_jobs(scheduler)
    scheduler.complete(first, future(first))
    assert all_jobs(scheduler) == []  # the window is full: item 1 waits
    clock.now += 10
    (check,) = all_jobs(scheduler)
    assert check.kind is JobKind.CHECK
    scheduler.complete(check, Checked({}))
    (second,) = all_jobs(scheduler)
    assert (second.kind, second.work.position) == (JobKind.SUBMIT, 1)


def test_the_read_ahead_stays_within_one_window() -> None:
    scheduler, _ = make(concurrency=3)
    assert scheduler.wants() == 3
    scheduler.add(0, "0", {}, None)
    assert scheduler.wants() == 2
    scheduler.add(1, "1", {}, r.ItemRecord(1, "1", r.ItemState.COMPLETED))
    assert scheduler.wants() == 2  # a finished item takes no room
    scheduler.end_of_input()
    assert scheduler.wants() == 0


def test_the_input_is_read_again_once_at_most_half_a_window_waits() -> None:
    scheduler, _ = make(concurrency=4)
    for position in range(4):
        scheduler.add(position, str(position), {}, None)
    assert scheduler.wants() == 0
    assert scheduler.next_job() is not None
    assert scheduler.wants() == 0  # three wait to be sent: reading more starts nothing sooner
    assert scheduler.next_job() is not None
    assert scheduler.wants() == 2  # two wait: read up to a window again, two at once
    assert scheduler.wait_time() == 0.0  # the two waiting go on meanwhile


def test_a_resumed_run_polls_queued_items_skips_finished_ones_resends_interrupted_ones() -> None:
    scheduler, _ = make(concurrency=10)
    queued = r.ItemRecord(
        0, '"k0"', r.ItemState.SUBMITTED, 1, response_id="a", poll_url="http://h/a"
    )
    interrupted = r.ItemRecord(1, '"k1"', r.ItemState.SUBMITTING, 1)
    done = r.ItemRecord(2, '"k2"', r.ItemState.COMPLETED, 1, outputs={})
    broken = r.ItemRecord(3, '"k3"', r.ItemState.FAILED, 1, error={})
    feed(scheduler, 5, {0: queued, 1: interrupted, 2: done, 3: broken})
    jobs = all_jobs(scheduler)
    assert [(j.kind, j.work.position) for j in jobs] == [
        (JobKind.CHECK, 0),
        (JobKind.SUBMIT, 1),
        (JobKind.SUBMIT, 4),
    ]
    resent = jobs[1].intent
    assert resent is not None
    assert resent.resubmitted is r.Resubmission.UNCERTAIN
    assert scheduler.counts.resubmitted == 1
    assert scheduler.counts.skipped == 2


def test_retry_failed_sends_failed_items_again() -> None:
    scheduler, _ = make(retry_failed=True)
    broken = r.ItemRecord(0, '"k0"', r.ItemState.FAILED, 1, error={"message": "x"})
    feed(scheduler, 1, {0: broken})
    (job,) = all_jobs(scheduler)
    assert job.kind is JobKind.SUBMIT
    assert job.intent is not None
    assert job.intent.submissions == 2
    assert scheduler.counts.resubmitted == 0


def test_an_expired_future_is_sent_again_and_counted() -> None:
    scheduler, _ = make(concurrency=1)
    queued = r.ItemRecord(0, '"k0"', r.ItemState.SUBMITTED, 1, response_id="a", poll_url="h")
    feed(scheduler, 1, {0: queued})
    (check,) = all_jobs(scheduler)
    assert scheduler.complete(check, FutureExpiredError("gone", status_code=404)).saves == []
    (again,) = all_jobs(scheduler)
    assert again.kind is JobKind.SUBMIT
    assert again.intent is not None
    assert again.intent.resubmitted is r.Resubmission.EXPIRED
    assert scheduler.counts.resubmitted == 1


def test_an_item_whose_result_keeps_expiring_fails() -> None:
    scheduler, clock = make(concurrency=1)
    feed(scheduler, 1)
    for _ in range(MAX_EXPIRED - 1):
        (submit,) = all_jobs(scheduler)
        scheduler.complete(submit, future(submit))
        clock.now += 1
        (check,) = all_jobs(scheduler)
        assert scheduler.complete(check, FutureExpiredError("gone")).results == []
    (submit,) = all_jobs(scheduler)
    scheduler.complete(submit, future(submit))
    clock.now += 1
    (check,) = all_jobs(scheduler)
    error = FutureExpiredError("gone again")
    assert scheduler.complete(check, error).results == [("k0", error)]
    assert scheduler.finished
    assert scheduler.counts.resubmitted == MAX_EXPIRED - 1


def test_a_failed_inference_is_a_result() -> None:
    scheduler, clock = make(concurrency=1)
    feed(scheduler, 1)
    (submit,) = all_jobs(scheduler)
    scheduler.complete(submit, future(submit))
    clock.now += 1
    (check,) = all_jobs(scheduler)
    error = InferenceFailedError("bad input")
    changes = scheduler.complete(check, Checked(error=error))
    assert changes.results == [("k0", error)]
    assert changes.saves[0].state is r.ItemState.FAILED
    assert changes.saves[0].error is not None
    assert changes.saves[0].error["message"] == "bad input"
    assert scheduler.counts.failed == 1
    assert scheduler.finished


@pytest.mark.parametrize(
    "error",
    [
        RequestValidationError("bad field", status_code=422),
        PayloadTooLargeError("too big"),
        OctoAIClientError("not JSON"),
        OctoAIServerError("internal", status_code=500),
    ],
)
def test_a_refused_or_failed_submit_fails_only_its_item(error: Exception) -> None:
    scheduler, _ = make(concurrency=2)
    feed(scheduler, 2)
    first, second = all_jobs(scheduler)
    changes = scheduler.complete(first, error)
    assert changes.results == [("k0", error)]
    assert scheduler.counts.failed == 1
    scheduler.complete(second, future(second))
    assert not scheduler.finished


@pytest.mark.parametrize(
    "error",
    [
        AuthenticationError("no", status_code=401),
        OctoAIConnectionError("unreachable"),
        OctoAITimeoutError("slow"),
        OctoAIServerError("no answer"),
    ],
)
def test_errors_that_would_meet_every_item_stop_the_batch(error: Exception) -> None:
    assert not item_failed(error)
    scheduler, _ = make()
    feed(scheduler, 1)
    (job,) = all_jobs(scheduler)
    with pytest.raises(type(error)):
        scheduler.complete(job, error)


def test_a_poll_error_stops_the_batch_and_a_bug_is_never_swallowed() -> None:
    scheduler, _ = make()
    queued = r.ItemRecord(0, '"k0"', r.ItemState.SUBMITTED, 1, response_id="a", poll_url="h")
    feed(scheduler, 1, {0: queued})
    (check,) = all_jobs(scheduler)
    with pytest.raises(OctoAIServerError):
        scheduler.complete(check, OctoAIServerError("broken", status_code=500))
    scheduler, _ = make()
    feed(scheduler, 1)
    (job,) = all_jobs(scheduler)
    with pytest.raises(KeyError):
        scheduler.complete(job, KeyError("bug"))


def test_a_throttled_submit_goes_back_to_the_front_and_is_not_a_resubmission() -> None:
    scheduler, clock = make(concurrency=4)
    feed(scheduler, 6)
    jobs = all_jobs(scheduler)
    assert scheduler.complete(jobs[0], Throttled("2")).results == []
    assert scheduler.counts.throttled == 1
    assert scheduler.window.allowed == 2
    assert scheduler.next_job() is None  # paused for Retry-After
    assert scheduler.wait_time() is None  # and 3 in flight >= the new window of 2
    for job in jobs[1:]:
        scheduler.complete(job, future(job))
    # The first polls are due in 0.5 s, but nothing starts before the 2 s pause is over.
    assert scheduler.wait_time() == pytest.approx(2.0)
    clock.now += 2
    retried = [j for j in all_jobs(scheduler) if j.kind is JobKind.SUBMIT]
    assert retried == []  # three items in flight already fill a window of two
    assert scheduler.counts.submitted == 4
    assert scheduler.counts.resubmitted == 0


def test_a_throttled_poll_is_polled_again_after_the_pause() -> None:
    scheduler, clock = make(concurrency=1)
    queued = r.ItemRecord(0, '"k0"', r.ItemState.SUBMITTED, 1, response_id="a", poll_url="h")
    feed(scheduler, 1, {0: queued})
    (check,) = all_jobs(scheduler)
    scheduler.complete(check, Throttled("3"))
    assert scheduler.wait_time() == pytest.approx(3.0)
    clock.now += 3
    (again,) = all_jobs(scheduler)
    assert again.kind is JobKind.CHECK


def test_the_window_halves_once_per_round_and_grows_back() -> None:
    window = Window(8, rand=lambda: 0.5)
    window.throttled(sent_at=0.0, now=1.0, retry_after=None)
    assert window.allowed == 4
    # Sent before the cut: the service already said so.
    window.throttled(sent_at=0.5, now=1.1, retry_after=None)
    assert window.allowed == 4
    window.throttled(sent_at=1.2, now=2.0, retry_after=None)
    assert window.allowed == 2
    for _ in range(3):
        window.throttled(sent_at=10.0 + _, now=10.0 + _, retry_after="0")
    assert window.allowed == 1
    grown = 0
    while window.allowed < 8:
        window.succeeded()
        grown += 1
    assert 8 < grown < 64  # about one per item in flight for each step up
    for _ in range(100):
        window.succeeded()
    assert window.allowed == 8


def test_the_pause_follows_retry_after_or_backs_off_without_it() -> None:
    window = Window(4, rand=lambda: 1.0)
    assert window.throttled(sent_at=0, now=0, retry_after="1.5") == pytest.approx(1.5)
    assert window.paused(1.0)
    assert not window.paused(1.5)
    pauses = [window.throttled(sent_at=0, now=10, retry_after=None) for _ in range(8)]
    assert pauses == sorted(pauses)
    assert pauses[0] > 0
    assert max(pauses) <= 30.0
    window.succeeded()
    assert window.throttled(sent_at=0, now=20, retry_after=None) == pytest.approx(0.5)


def test_requests_in_flight_stay_under_the_cap_whatever_the_window() -> None:
    scheduler, _ = make(concurrency=10, max_requests=3)
    feed(scheduler, 10)
    jobs = all_jobs(scheduler)
    assert len(jobs) == 3
    assert scheduler.wait_time() is None
    scheduler.complete(jobs[0], future(jobs[0]))
    assert [j.work.position for j in all_jobs(scheduler)] == [3]
