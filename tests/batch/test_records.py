"""Item transitions, without a database: each state change and each refused one."""

from __future__ import annotations

import pytest

from octoai_ext import InferenceFailedError, InferenceFuture, LedgerError, OctoAIError
from octoai_ext._batch import records as r

FUTURE = InferenceFuture("rid-1", "http://127.0.0.1:1/v1/requests/rid-1")


def test_a_new_item_is_recorded_before_its_submit_leaves() -> None:
    record = r.submit_intent(None, 3, '"a"', now=100.0)
    assert record.state is r.ItemState.SUBMITTING
    assert (record.position, record.key, record.submissions, record.resubmissions) == (
        3,
        '"a"',
        1,
        0,
    )
    assert record.submitted_at == 100.0


def test_accepted_then_completed() -> None:
    record = r.accepted(r.submit_intent(None, 0, "0", now=1.0), FUTURE, now=2.0)
    assert record.state is r.ItemState.SUBMITTED
    assert record.future() == FUTURE
    done = r.completed(record, {"x": 1}, now=3.0)
    assert done.state is r.ItemState.COMPLETED
    assert done.outputs == {"x": 1}
    assert done.finished_at == 3.0


def test_an_interrupted_submit_is_sent_again_and_marked_uncertain() -> None:
    interrupted = r.submit_intent(None, 0, "0", now=1.0)
    again = r.submit_intent(interrupted, 0, "0", now=5.0)
    assert again.state is r.ItemState.SUBMITTING
    assert again.resubmitted is r.Resubmission.UNCERTAIN
    assert (again.submissions, again.resubmissions) == (2, 1)


def test_a_submit_refused_with_429_is_not_a_resubmission() -> None:
    intent = r.submit_intent(None, 0, "0", now=1.0)
    again = r.submit_intent(intent, 0, "0", now=2.0, refused=True)
    assert (again.submissions, again.resubmissions, again.resubmitted) == (1, 0, None)
    assert again.submitted_at == 2.0


def test_an_expired_future_is_sent_again_and_marked_expired() -> None:
    submitted = r.accepted(r.submit_intent(None, 0, "0", now=1.0), FUTURE, now=1.0)
    again = r.submit_intent(submitted, 0, "0", now=90_000.0)
    assert again.resubmitted is r.Resubmission.EXPIRED
    assert again.response_id is None
    assert again.poll_url is None
    assert again.resubmissions == 1


def test_retrying_a_failed_item_clears_its_error_and_is_not_a_resubmission() -> None:
    broken = r.failed(r.submit_intent(None, 0, "0", now=1.0), {"message": "no"}, now=2.0)
    retry = r.submit_intent(broken, 0, "0", now=3.0)
    assert retry.state is r.ItemState.SUBMITTING
    assert retry.error is None
    assert (retry.submissions, retry.resubmissions) == (2, 0)


@pytest.mark.parametrize(
    ("state", "retry_failed", "step"),
    [
        (None, False, r.NextStep.SUBMIT),
        (r.ItemState.SUBMITTING, False, r.NextStep.SUBMIT),
        (r.ItemState.SUBMITTED, False, r.NextStep.POLL),
        (r.ItemState.COMPLETED, False, r.NextStep.SKIP),
        (r.ItemState.COMPLETED, True, r.NextStep.SKIP),
        (r.ItemState.FAILED, False, r.NextStep.SKIP),
        (r.ItemState.FAILED, True, r.NextStep.SUBMIT),
    ],
)
def test_what_a_run_does_with_each_state(
    state: r.ItemState | None, retry_failed: bool, step: r.NextStep
) -> None:
    record = None if state is None else r.ItemRecord(0, "0", state)
    assert r.next_step(record, retry_failed=retry_failed) is step


@pytest.mark.parametrize(
    "change",
    [
        lambda rec: r.submit_intent(rec, 0, "0", now=1.0),
        lambda rec: r.completed(rec, {}, now=1.0),
        lambda rec: r.failed(rec, {}, now=1.0),
        lambda rec: r.accepted(rec, FUTURE, now=1.0),
    ],
)
def test_a_completed_item_cannot_change(change: object) -> None:
    done = r.ItemRecord(0, "0", r.ItemState.COMPLETED, outputs={})
    with pytest.raises(LedgerError, match="completed"):
        change(done)  # type: ignore[operator]


def test_only_an_item_being_submitted_can_be_accepted() -> None:
    submitted = r.ItemRecord(0, "0", r.ItemState.SUBMITTED, response_id="x", poll_url="y")
    with pytest.raises(LedgerError):
        r.accepted(submitted, FUTURE, now=1.0)


def test_a_record_without_future_cannot_be_polled() -> None:
    with pytest.raises(LedgerError, match="no future"):
        r.ItemRecord(0, "0", r.ItemState.SUBMITTING).future()


def test_errors_round_trip_through_their_stored_form() -> None:
    error = InferenceFailedError("boom", status_code=200, request_id="req-1")
    stored = r.error_to_dict(error)
    assert stored == {
        "type": "InferenceFailedError",
        "message": "boom",
        "status_code": 200,
        "request_id": "req-1",
    }
    back = r.error_from_dict(stored)
    assert type(back) is InferenceFailedError
    assert (back.message, back.status_code, back.request_id) == ("boom", 200, "req-1")


@pytest.mark.parametrize("name", ["NoSuchError", "Exception", "OctoAI", None])
def test_an_unknown_stored_error_type_becomes_the_base_error(name: str | None) -> None:
    back = r.error_from_dict({"type": name, "message": "m"})
    assert type(back) is OctoAIError
    assert back.message == "m"
