"""The SQLite adapter and armed fault directives (no server)."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from octoai_ext.devserver.armed import ArmedFaults
from octoai_ext.devserver.faults import FaultError, parse_faults
from octoai_ext.devserver.objectstore import load_signing_key
from octoai_ext.devserver.records import AssetRecord, TuneRecord, owned
from octoai_ext.devserver.store import PlatformStore

ASSET = AssetRecord(
    id="asset_1",
    tenant="t",
    name="origami",
    asset_type="lora",
    data={"asset_type": "lora", "engine": "image/stable-diffusion-xl-v1-0", "trigger_words": ["o"]},
    description="d",
    status="uploaded",
    ready_at=12.5,
    created_at=10.0,
    completed=True,
)
TUNE = TuneRecord(
    id="tune_1",
    tenant="t",
    name="bulldog",
    tune_type="lora_tune",
    details={"steps": 5},
    running_at=1.0,
    finishes_at=6.0,
    trigger_words=("sks",),
    input_ids=("asset_1",),
)


@pytest.fixture
def store(tmp_path: Path):
    opened = PlatformStore(tmp_path / "db.sqlite3")
    yield opened
    opened.close()


def test_records_round_trip(store: PlatformStore) -> None:
    store.add_asset(ASSET)
    store.add_tune(TUNE)
    assert store.asset("asset_1") == ASSET
    assert store.tune("tune_1") == TUNE
    changed = dataclasses.replace(ASSET, status="ready", is_public=True, size_bytes=3)
    store.save_asset(changed)
    assert store.asset("asset_1") == changed
    assert store.last_id("assets") == "asset_1" and store.last_id("tunes") == "tune_1"


def test_names_are_unique_among_live_records_only(store: PlatformStore) -> None:
    store.add_asset(ASSET)
    with pytest.raises(sqlite3.IntegrityError):
        store.add_asset(dataclasses.replace(ASSET, id="asset_2"))
    store.add_asset(dataclasses.replace(ASSET, id="asset_3", tenant="other"))
    store.save_asset(dataclasses.replace(ASSET, deleted_at=20.0))
    store.add_asset(dataclasses.replace(ASSET, id="asset_2"))
    assert store.asset_named("t", "origami") == dataclasses.replace(ASSET, id="asset_2")
    assert [a.id for a in store.live_assets("t", public=False)] == ["asset_2"]


def test_live_lookups_by_id_skip_deleted_records(store: PlatformStore) -> None:
    store.add_asset(ASSET)
    store.add_tune(TUNE)
    assert store.live_asset("asset_1") == ASSET and store.live_tune("tune_1") == TUNE
    store.save_asset(dataclasses.replace(ASSET, deleted_at=20.0))
    store.save_tune(dataclasses.replace(TUNE, deleted_at=20.0))
    assert store.live_asset("asset_1") is None and store.live_tune("tune_1") is None
    assert store.asset("asset_1") is not None, "the plain lookup still finds deleted records"
    assert store.live_asset("asset_2") is None


def test_owned_keeps_only_the_tenants_own_records() -> None:
    assert owned(ASSET, "t") == ASSET and owned(TUNE, "t") == TUNE
    assert owned(ASSET, "other") is None and owned(None, "t") is None


def test_a_failed_transaction_writes_nothing(store: PlatformStore) -> None:
    def crash() -> None:
        with store.transaction():
            store.add_asset(ASSET)
            store.add_tune(TUNE)
            raise RuntimeError("crash in the middle")

    with pytest.raises(RuntimeError):
        crash()
    assert store.asset("asset_1") is None and store.tune("tune_1") is None


def test_unended_tunes_are_found_by_their_deadlines(store: PlatformStore) -> None:
    store.add_tune(TUNE)
    store.add_tune(dataclasses.replace(TUNE, id="tune_2", name="b", fail_at=2.0))
    store.add_tune(dataclasses.replace(TUNE, id="tune_3", name="c", status="succeeded"))
    assert [t.id for t in store.unended_tunes(3.0)] == ["tune_2"]
    assert [t.id for t in store.unended_tunes(6.0)] == ["tune_1", "tune_2"]


def test_the_database_survives_reopening(tmp_path: Path) -> None:
    first = PlatformStore(tmp_path / "db.sqlite3")
    first.add_asset(ASSET)
    first.close()
    second = PlatformStore(tmp_path / "db.sqlite3")
    assert second.asset("asset_1") == ASSET
    second.close()


def test_the_signing_key_is_kept(tmp_path: Path) -> None:
    key = load_signing_key(tmp_path / "signing.key")
    assert len(key) == 32 and load_signing_key(tmp_path / "signing.key") == key
    assert (tmp_path / "signing.key").stat().st_mode & 0o077 == 0


def test_armed_directives_apply_to_matching_requests_the_given_number_of_times() -> None:
    armed = ArmedFaults()
    armed.arm("/_objects/", parse_faults("status=503;times=2"), "put")
    assert armed.take("GET", "/_objects/a") is None, "another method"
    assert armed.take("PUT", "/v1/assets") is None, "another path"
    first, second = armed.take("PUT", "/_objects/a"), armed.take("PUT", "/_objects/b")
    assert first is not None and second is not None and first.status == 503
    assert armed.take("PUT", "/_objects/c") is None
    assert armed.entries() == []


def test_armed_directives_without_times_stay_until_cleared() -> None:
    armed = ArmedFaults()
    armed.arm("/_objects/", parse_faults("cut-upload-after=10"))
    assert all(armed.take("PUT", f"/_objects/{i}") is not None for i in range(5))
    assert armed.entries() == [
        {
            "path": "/_objects/",
            "method": None,
            "directive": "cut-upload-after=10",
            "remaining": None,
        }
    ]
    armed.clear()
    assert armed.take("PUT", "/_objects/x") is None


def test_new_directives_parse() -> None:
    faults = parse_faults("cut-upload-after=1024;tune-fail=GPU lost")
    assert faults.cut_upload_after == 1024 and faults.tune_fail == "GPU lost"
    with pytest.raises(FaultError, match="cut-upload-after"):
        parse_faults("cut-upload-after=-1")
