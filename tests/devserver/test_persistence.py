"""With --data-dir, assets, tunes, files and signed URLs survive a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.clock import Clock
from octoai_ext.devserver.jobs import JobStore
from octoai_ext.devserver.platform_api import DATABASE_NAME, Platform
from octoai_ext.devserver.settings import ServerSettings
from octoai_ext.devserver.validation import SpecValidator, find_spec

from .platform import (
    PNG,
    TUNE_PENDING,
    TUNE_RUNNING,
    advance,
    client,
    clocked_server,
    lora_tune,
    ready_asset,
    unique,
    weights,
)


@pytest.fixture(scope="module")
def spec() -> Any:
    """The parsed spec that a `Platform` built in this process reads."""
    return SpecValidator(find_spec()).spec


def test_state_survives_a_restart(tmp_path: Path) -> None:
    with clocked_server(data_dir=tmp_path) as first, client(first) as http:
        image = ready_asset(http, "file", "dog", PNG)
        ready_asset(http, "lora", "style", weights("style"))
        tune = http.post(
            "/v1/tune",
            json={"name": "bulldog", "details": lora_tune("octoai:default-sdxl", [image])},
        ).json()
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        done = http.get(f"/v1/tune/{tune['id']}").json()
        get_url = http.get("/v1/assets/style").json()["transfer_api"]["get_url"]
        before = http.get("/v1/assets").json()
        pending = http.post(
            "/v1/tune", json={"name": "later", "details": lora_tune("octoai:default-sdxl", [image])}
        ).json()
        # Each server's test clock starts at real time: the next one is moved as far, so the
        # restart takes no time and the stored deadlines and signed URLs keep their meaning.
        advanced = http.get("/_devserver/clock").json()["advanced"]
    assert (tmp_path / DATABASE_NAME).is_file()
    with clocked_server(data_dir=tmp_path) as second, client(second) as http:
        second.advance_clock(advanced)
        after_restart = http.get("/v1/assets").json()
        tune_again = http.get(f"/v1/tune/{tune['id']}").json()
        old_url = get_url.replace(get_url.split("/_objects/")[0], second.base_url)
        downloaded = httpx.get(old_url)
        duplicate = http.post(
            "/v1/assets", json={"asset_type": "file", "name": "dog", "data": {"asset_type": "file"}}
        )
        still_pending = http.get(f"/v1/tune/{pending['id']}").json()["status"]
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        finished_later = http.get(f"/v1/tune/{pending['id']}").json()
        new_id = http.post(
            "/v1/assets", json={"asset_type": "file", "name": "cat", "data": {"asset_type": "file"}}
        ).json()["asset"]["id"]
        generated = http.post(
            "/generate/sdxl", json={"prompt": "bulldog", "loras": {"bulldog": 1.0}}
        )
    assert [a["id"] for a in after_restart["data"]][: len(before["data"])] == [
        a["id"] for a in before["data"]
    ]
    assert {a["name"] for a in after_restart["data"]} >= {"dog", "style", "bulldog"}
    assert done["status"] == "succeeded" and tune_again == done
    assert downloaded.status_code == 200 and downloaded.content == weights("style"), (
        "the signing key is kept"
    )
    assert duplicate.status_code == 409
    assert [still_pending, finished_later["status"]] == ["pending", "succeeded"], (
        "a tune started before the restart ends after it"
    )
    assert new_id > max(a["id"] for a in before["data"]), "ids keep sorting in creation order"
    assert generated.status_code == 200


def test_without_a_data_dir_every_server_starts_empty(devserver: DevServer) -> None:
    # The session's server has no data dir either, and an asset of the same tenant.
    body = {"asset_type": "file", "name": unique("x"), "data": {"asset_type": "file"}}
    with client(devserver) as http:
        assert http.post("/v1/assets", json=body).status_code == 200
    with clocked_server() as server, client(server) as http:
        assert server.token == devserver.token
        assert http.get("/v1/assets").json()["total"] == 0
        assert http.post("/v1/assets", json=body).status_code == 200, "the name is free here"
        assert http.get("/v1/assets").json()["total"] == 1


def test_a_temporary_data_dir_is_removed_when_the_platform_closes(spec: Any) -> None:
    clock = Clock()
    platform = Platform(ServerSettings(), JobStore(60.0, clock), spec, clock=clock.time)
    data_dir = platform.data_dir
    assert (data_dir / DATABASE_NAME).is_file() and any((data_dir / "objects").iterdir())
    platform.close()
    assert not data_dir.exists()


def test_a_given_data_dir_is_kept(tmp_path: Path, spec: Any) -> None:
    clock = Clock()
    Platform(
        ServerSettings(data_dir=tmp_path), JobStore(60.0, clock), spec, clock=clock.time
    ).close()
    assert (tmp_path / DATABASE_NAME).is_file()
