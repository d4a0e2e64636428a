"""Asset and tune statuses as functions of stored deadlines and the time (pure, no server)."""

from __future__ import annotations

import dataclasses

import pytest

from octoai_ext.devserver.lifecycle import (
    TuneEnd,
    asset_status,
    cancel_refusal,
    due_end,
    tune_status,
    tune_updated_at,
)
from octoai_ext.devserver.records import AssetRecord, TuneRecord
from octoai_ext.devserver.views import asset_json, iso_time, tune_json

T0 = 1_714_557_600.0
ASSET = AssetRecord(
    id="asset_1",
    tenant="t",
    name="a",
    asset_type="file",
    data={"asset_type": "file"},
    created_at=T0,
)
TUNE = TuneRecord(
    id="tune_1",
    tenant="t",
    name="n",
    tune_type="lora_tune",
    details={},
    created_at=T0,
    running_at=T0 + 1,
    finishes_at=T0 + 6,
    input_ids=("asset_1",),
)


def test_an_uploaded_asset_is_ready_once_validated() -> None:
    uploaded = dataclasses.replace(ASSET, status="uploaded", ready_at=T0 + 2)
    assert asset_status(uploaded, T0 + 1.999) == "uploaded"
    assert asset_status(uploaded, T0 + 2) == "ready"


def test_an_asset_from_a_url_is_uploading_then_ready() -> None:
    fetched = dataclasses.replace(ASSET, status="uploading", ready_at=T0 + 1)
    assert [asset_status(fetched, t) for t in (T0, T0 + 1)] == ["uploading", "ready"]


@pytest.mark.parametrize("status", ["ready_to_upload", "rejected", "error"])
def test_other_asset_statuses_do_not_move_with_time(status: str) -> None:
    asset = dataclasses.replace(ASSET, status=status, ready_at=T0)
    assert asset_status(asset, T0 + 10**6) == status


def test_a_deleted_asset_is_deleted() -> None:
    assert asset_status(dataclasses.replace(ASSET, status="ready", deleted_at=T0), T0) == "deleted"


def test_a_tune_is_pending_then_running_then_succeeded() -> None:
    times = [T0, T0 + 0.99, T0 + 1, T0 + 5.99, T0 + 6, T0 + 10**6]
    assert [tune_status(TUNE, t) for t in times] == [
        "pending",
        "pending",
        "running",
        "running",
        "succeeded",
        "succeeded",
    ]
    assert [tune_updated_at(TUNE, t) for t in (T0, T0 + 2, T0 + 7)] == [T0, T0 + 1, T0 + 6]


def test_the_end_of_a_tune_is_due_once_reached_and_not_after_it_is_written() -> None:
    assert due_end(TUNE, T0 + 5) is None
    assert due_end(TUNE, T0 + 100) == TuneEnd("succeeded", T0 + 6)
    written = dataclasses.replace(TUNE, status="succeeded", ended_at=T0 + 6)
    assert due_end(written, T0 + 100) is None
    assert tune_status(written, T0) == "succeeded", "a written end does not depend on the time"


def test_a_failing_tune_fails_at_its_deadline_with_its_message() -> None:
    failing = dataclasses.replace(TUNE, fail_at=T0 + 6, fail_message="CUDA out of memory")
    assert tune_status(failing, T0 + 3) == "running"
    assert due_end(failing, T0 + 6) == TuneEnd("failed", T0 + 6, "CUDA out of memory")
    early = dataclasses.replace(TUNE, fail_at=T0 + 1, fail_message="rejected")
    assert [tune_status(early, t) for t in (T0, T0 + 1)] == ["pending", "failed"]


@pytest.mark.parametrize(("at", "allowed"), [(T0, True), (T0 + 2, True), (T0 + 6, False)])
def test_only_pending_or_running_tunes_can_be_cancelled(at: float, allowed: bool) -> None:
    assert (cancel_refusal(TUNE, at) is None) is allowed


@pytest.mark.parametrize("status", ["succeeded", "failed", "cancelled"])
def test_ended_tunes_cannot_be_cancelled(status: str) -> None:
    ended = dataclasses.replace(TUNE, status=status, ended_at=T0 + 2)
    refusal = cancel_refusal(ended, T0 + 3)
    assert refusal is not None and status in refusal


def test_views_show_the_status_of_the_moment() -> None:
    uploaded = dataclasses.replace(ASSET, status="uploaded", ready_at=T0 + 2, size_bytes=7)
    assert asset_json(uploaded, T0)["status"] == "uploaded"
    view = asset_json(uploaded, T0 + 2)
    assert view["status"] == "ready"
    assert view["created_at"] == "2024-05-01T10:00:00+00:00"
    assert view["data"] == {"asset_type": "file", "preview_url": None}
    rejected = dataclasses.replace(ASSET, status="rejected", status_details="not a PNG image")
    assert asset_json(rejected, T0)["status_details"] == "not a PNG image"


def test_tune_views_carry_results_only_once_ended() -> None:
    running = tune_json(TUNE, T0 + 2)
    assert running["status"] == "running"
    assert running["result"] is None and running["output_lora_ids"] == []
    done = dataclasses.replace(TUNE, status="succeeded", ended_at=T0 + 6, output_ids=("asset_9",))
    view = tune_json(done, T0 + 7)
    assert view["output_lora_ids"] == ["asset_9"]
    assert view["result"]["output_assets"] == ["asset_9"]
    assert view["succeeded_at"] == view["updated_at"] == iso_time(T0 + 6)
    failed = dataclasses.replace(TUNE, status="failed", status_details="boom", ended_at=T0 + 6)
    failed_view = tune_json(failed, T0 + 7)
    assert failed_view["status_details"] == "boom"
    assert failed_view["output_lora_ids"] == [] and failed_view["succeeded_at"] is None
