"""Fine-tuning over real HTTP: validation, the lifecycle, cancel, delete, failures and lists.

The server runs on a test clock and a tune is pending for `TUNE_PENDING` seconds, then runs
for `TUNE_RUNNING`: a test moves the clock through those phases itself and reads the exact
status at each step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.ids import tenant_of_token

from .platform import (
    PNG,
    SDXL,
    SSD,
    TUNE_PENDING,
    TUNE_RUNNING,
    advance,
    client,
    create,
    lora_tune,
    ready_asset,
    unique,
    upload,
    weights,
)


@pytest.fixture(scope="module")
def images(platform_server: DevServer) -> list[str]:
    """Two ready training images of the default tenant."""
    with client(platform_server) as http:
        return [ready_asset(http, "file", unique("train"), PNG) for _ in range(2)]


def create_tune(
    http: httpx.Client, name: str, details: dict[str, Any], **extra: Any
) -> httpx.Response:
    return http.post(
        "/v1/tune",
        json={"name": name, "details": details, **extra},
        headers=extra.pop("headers", None),
    )


def tune_status(http: httpx.Client, tune_id: str) -> dict[str, Any]:
    return http.get(f"/v1/tune/{tune_id}").json()


def seconds_between(start: str, end: str) -> float:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


def test_a_tune_runs_and_makes_a_lora(platform_server: DevServer, images: list[str]) -> None:
    name = unique("bulldog")
    with client(platform_server) as http:
        created = create_tune(
            http, name, lora_tune("octoai:default-sdxl", images, "sks1"), description="A dog"
        )
        assert created.status_code == 201, created.text
        tune = created.json()
        advance(http, TUNE_PENDING)
        running = tune_status(http, tune["id"])
        advance(http, TUNE_RUNNING)
        done = tune_status(http, tune["id"])
        lora = http.get(f"/v1/assets/{done['output_lora_ids'][0]}").json()["asset"]
        by_name = http.get(f"/v1/assets/{name}").json()["asset"]
        listed = http.get("/v1/assets", params={"asset_type": "lora", "name": name}).json()
    assert tune["id"].startswith("tune_01") and tune["status"] == "pending"
    assert tune["tenant_id"] == tenant_of_token(platform_server.token)
    assert (
        tune["description"] == "A dog" and tune["output_lora_ids"] == [] and tune["result"] is None
    )
    details = tune["details"]
    checkpoint = http_public_id(platform_server, "octoai:default-sdxl")
    assert details["base_checkpoint"] == {
        "checkpoint_id": checkpoint,
        "engine": SDXL,
        "name": "default-sdxl",
    }
    assert details["files"] == [{"file_id": image, "caption": "sks1"} for image in images]
    assert [tune["status"], running["status"], done["status"]] == [
        "pending",
        "running",
        "succeeded",
    ]
    assert running["output_lora_ids"] == [] and running["result"] is None
    # Each change is dated when it was due, however late it was read.
    assert seconds_between(tune["created_at"], running["updated_at"]) == pytest.approx(
        TUNE_PENDING, abs=1e-3
    )
    assert seconds_between(tune["created_at"], done["succeeded_at"]) == pytest.approx(
        TUNE_PENDING + TUNE_RUNNING, abs=1e-3
    )
    assert done["result"] == {
        "number_of_available_assets": 2,
        "output_assets": done["output_lora_ids"],
        "rejected_assets": [],
        "unready_assets": [],
    }
    assert done["succeeded_at"] == done["updated_at"] and done["status_details"] == ""
    assert lora == by_name and listed["data"] == [lora]
    assert lora["name"] == name and lora["status"] == "ready" and lora["is_public"] is False
    assert lora["tenant_uuid"] == tune["tenant_id"]
    assert lora["data"]["engine"] == SDXL and lora["data"]["trigger_words"] == ["sks1"]
    assert lora["data"]["checkpoint"] == checkpoint


def http_public_id(server: DevServer, reference: str) -> str:
    with client(server) as http:
        return str(http.get(f"/v1/assets/{reference}").json()["asset"]["id"])


def test_the_lora_appears_in_asset_lists_without_reading_the_tune(
    platform_server: DevServer, images: list[str]
) -> None:
    name = unique("unwatched")
    with client(platform_server) as http:
        tune = create_tune(http, name, lora_tune("octoai:default-sdxl", images)).json()
        advance(http, TUNE_PENDING)
        while_running = http.get("/v1/assets", params={"name": name}).json()["data"]
        advance(http, TUNE_RUNNING)
        found = http.get("/v1/assets", params={"name": name}).json()["data"]
        tune_after = tune_status(http, tune["id"])
    assert while_running == []
    assert [asset["asset_type"] for asset in found] == ["lora"]
    assert tune_after["output_lora_ids"] == [found[0]["id"]], "the same LoRA, written once"


def test_checkpoint_and_files_by_name_and_own_checkpoint(platform_server: DevServer) -> None:
    with client(platform_server, "tenant-1") as http:
        image_name = unique("img")
        ready_asset(http, "file", image_name, PNG)
        checkpoint_name = unique("ck")
        checkpoint_id = ready_asset(http, "checkpoint", checkpoint_name, weights(), engine=SSD)
        tune = create_tune(http, unique("t"), lora_tune(checkpoint_name, [image_name])).json()
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        done = tune_status(http, tune["id"])
        lora = http.get(f"/v1/assets/{done['output_lora_ids'][0]}").json()["asset"]
    assert tune["details"]["base_checkpoint"]["checkpoint_id"] == checkpoint_id
    assert done["status"] == "succeeded" and lora["data"]["engine"] == SSD


@pytest.mark.parametrize(
    ("change", "loc", "message"),
    [
        (
            {"checkpoint": "octoai:no-such"},
            ["body", "details", "base_checkpoint", "checkpoint_id"],
            "No asset",
        ),
        (
            {"checkpoint": "octoai:crayon-style"},
            ["body", "details", "base_checkpoint", "checkpoint_id"],
            "not a checkpoint",
        ),
        (
            {"files": ["asset_01hf3a2qw7ek6vshbhd9c9yywd"]},
            ["body", "details", "files", 0, "file_id"],
            "No asset",
        ),
        (
            {"files": ["octoai:default-sd15"]},
            ["body", "details", "files", 0, "file_id"],
            "not an image",
        ),
        ({"trigger_words": ["a", "b"]}, ["body", "details", "trigger_words"], "too long"),
        ({"trigger_words": []}, ["body", "details", "trigger_words"], ""),
        ({"steps": 0}, ["body", "details", "steps"], ""),
        ({"files": []}, ["body", "details", "files"], ""),
    ],
)
def test_invalid_tunes_name_the_field(
    platform_server: DevServer, images: list[str], change, loc, message
) -> None:
    details = lora_tune(
        change.get("checkpoint", "octoai:default-sdxl"), change.get("files", images[:1])
    )
    details.update({k: v for k, v in change.items() if k in {"trigger_words", "steps"}})
    with client(platform_server) as http:
        answer = create_tune(http, unique("bad"), details)
        listed = http.get("/v1/tunes", params={"name": "bad"}).json()
    assert answer.status_code == 422, answer.text
    problems = answer.json()["detail"]
    assert loc in [problem["loc"] for problem in problems]
    assert any(message in problem["msg"] for problem in problems if problem["loc"] == loc)
    assert listed["total"] == 0


def test_files_that_are_not_ready_are_refused(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        waiting = create(http, "file", unique("waiting"))["asset"]["id"]
        answer = create_tune(http, unique("t"), lora_tune("octoai:default-sdxl", [waiting]))
    assert answer.status_code == 422
    assert "not ready (it is ready_to_upload)" in answer.json()["detail"][0]["msg"]


def test_a_rejected_file_fails_the_tune_unless_asked_to_continue(
    platform_server: DevServer, images: list[str]
) -> None:
    with client(platform_server) as http:
        rejected = upload(http, "file", unique("nsfw"), b"not a png at all")
        failing = create_tune(
            http, unique("strict"), lora_tune("octoai:default-sdxl", [images[0], rejected])
        ).json()
        lenient = create_tune(
            http,
            unique("lenient"),
            lora_tune("octoai:default-sdxl", [images[0], rejected]),
            continue_on_rejection=True,
        ).json()
        # A rejected file fails the tune as soon as it would start running.
        advance(http, TUNE_PENDING)
        failed = tune_status(http, failing["id"])
        lenient_running = tune_status(http, lenient["id"])["status"]
        advance(http, TUNE_RUNNING)
        succeeded = tune_status(http, lenient["id"])
    assert failed["status"] == "failed" and lenient_running == "running"
    assert (
        rejected in failed["status_details"] and "continue_on_rejection" in failed["status_details"]
    )
    assert failed["result"]["rejected_assets"] == [rejected] and failed["output_lora_ids"] == []
    assert succeeded["status"] == "succeeded"
    assert succeeded["result"]["rejected_assets"] == [rejected]
    assert succeeded["result"]["number_of_available_assets"] == 1


def test_a_fault_directive_fails_a_tune(platform_server: DevServer, images: list[str]) -> None:
    name = unique("doomed")
    with client(platform_server) as http:
        tune = create_tune(
            http,
            name,
            lora_tune("octoai:default-sdxl", images),
            headers={"X-OctoAI-Fault": "tune-fail=CUDA out of memory"},
        ).json()
        advance(http, TUNE_PENDING)
        running = tune_status(http, tune["id"])["status"]
        advance(http, TUNE_RUNNING)
        failed = tune_status(http, tune["id"])
        lora = http.get(f"/v1/assets/{name}")
    assert [tune["status"], running, failed["status"]] == ["pending", "running", "failed"], (
        "it fails where it would succeed"
    )
    assert failed["status_details"] == "CUDA out of memory"
    assert failed["output_lora_ids"] == [] and lora.status_code == 404


def test_cancel_a_pending_tune(platform_server: DevServer, images: list[str]) -> None:
    with client(platform_server) as http:
        tune = create_tune(http, unique("slow"), lora_tune("octoai:default-sdxl", images)).json()
        cancelled = http.post(f"/v1/tune/{tune['id']}/cancel")
        again = http.post(f"/v1/tune/{tune['id']}/cancel")
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        later = tune_status(http, tune["id"])
    assert tune["status"] == "pending"
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert again.status_code == 409 and "cancelled" in again.json()["message"]
    assert later["status"] == "cancelled" and later["result"] is None, "it never runs"


def test_cancel_a_running_tune(platform_server: DevServer, images: list[str]) -> None:
    name = unique("long")
    with client(platform_server) as http:
        tune = create_tune(http, name, lora_tune("octoai:default-sdxl", images)).json()
        advance(http, TUNE_PENDING)
        running = tune_status(http, tune["id"])["status"]
        cancelled = http.post(f"/v1/tune/{tune['id']}/cancel").json()
        advance(http, TUNE_RUNNING)
        later = tune_status(http, tune["id"])
        lora = http.get(f"/v1/assets/{name}")
    assert running == "running"
    assert cancelled["status"] == "cancelled" and cancelled["output_lora_ids"] == []
    assert later["status"] == "cancelled" and later["output_lora_ids"] == []
    assert lora.status_code == 404, "a cancelled tune makes no LoRA"


@pytest.mark.parametrize("fault", [None, "tune-fail=boom"])
def test_ended_tunes_cannot_be_cancelled(
    platform_server: DevServer, images: list[str], fault: str | None
) -> None:
    headers = {"X-OctoAI-Fault": fault} if fault else None
    with client(platform_server) as http:
        tune = create_tune(
            http, unique("ended"), lora_tune("octoai:default-sdxl", images[:1]), headers=headers
        ).json()
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        ended = tune_status(http, tune["id"])
        refused = http.post(f"/v1/tune/{tune['id']}/cancel")
    assert ended["status"] == ("failed" if fault else "succeeded")
    assert refused.status_code == 409
    assert (
        refused.json()["type"] == "conflict_error" and ended["status"] in refused.json()["message"]
    )


def test_deleting_a_tune_keeps_its_lora_and_images(
    platform_server: DevServer, images: list[str]
) -> None:
    name = unique("kept")
    with client(platform_server) as http:
        tune = create_tune(http, name, lora_tune("octoai:default-sdxl", images[:1])).json()
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        done = tune_status(http, tune["id"])
        deleted = http.delete(f"/v1/tune/{tune['id']}")
        gone = [
            http.get(f"/v1/tune/{tune['id']}"),
            http.delete(f"/v1/tune/{tune['id']}"),
            http.post(f"/v1/tune/{tune['id']}/cancel"),
        ]
        listed = http.get("/v1/tunes", params={"name": name}).json()
        lora = http.get(f"/v1/assets/{done['output_lora_ids'][0]}")
        image = http.get(f"/v1/assets/{images[0]}")
        reused = create_tune(http, name, lora_tune("octoai:default-sdxl", images[:1]))
    assert deleted.status_code == 200 and deleted.json()["deleted_at"] is not None
    assert deleted.json()["status"] == "succeeded"
    assert [answer.status_code for answer in gone] == [404, 404, 404]
    assert listed["total"] == 0
    assert lora.status_code == 200 and image.status_code == 200
    assert reused.status_code == 409, "the LoRA still holds the name"


def test_deleting_a_running_tune_stops_it(platform_server: DevServer, images: list[str]) -> None:
    name = unique("stopped")
    with client(platform_server) as http:
        tune = create_tune(http, name, lora_tune("octoai:default-sdxl", images[:1])).json()
        advance(http, TUNE_PENDING)
        running = tune_status(http, tune["id"])["status"]
        deleted = http.delete(f"/v1/tune/{tune['id']}")
        # Long past the end it would have had: nothing finishes it.
        advance(http, TUNE_RUNNING)
        lora = http.get(f"/v1/assets/{name}")
        listed = http.get("/v1/assets", params={"name": name}).json()
    assert running == "running" and deleted.json()["status"] == "running"
    assert lora.status_code == 404 and listed["total"] == 0


def test_tune_names_are_unique_per_owner(platform_server: DevServer, images: list[str]) -> None:
    name = unique("twice")
    with client(platform_server) as http:
        first = create_tune(http, name, lora_tune("octoai:default-sdxl", images[:1]))
        second = create_tune(http, name, lora_tune("octoai:default-sdxl", images[:1]))
        asset_name = create(http, "file", unique("named"))["asset"]["name"]
        clash = create_tune(http, asset_name, lora_tune("octoai:default-sdxl", images[:1]))
    assert first.status_code == 201
    assert second.status_code == 409 and second.json()["param"] == "name"
    assert clash.status_code == 409 and "asset" in clash.json()["message"]


def test_tunes_are_private(platform_server: DevServer, images: list[str]) -> None:
    with client(platform_server) as http, client(platform_server, "tenant-2") as other:
        tune = create_tune(
            http, unique("mine"), lora_tune("octoai:default-sdxl", images[:1])
        ).json()
        answers = [
            other.get(f"/v1/tune/{tune['id']}"),
            other.post(f"/v1/tune/{tune['id']}/cancel"),
            other.delete(f"/v1/tune/{tune['id']}"),
            other.post(
                "/v1/tune",
                json={"name": unique("x"), "details": lora_tune("octoai:default-sdxl", images[:1])},
            ),
        ]
    assert [answer.status_code for answer in answers] == [404, 404, 404, 422]


def test_list_tunes_filters_and_pages(platform_server: DevServer) -> None:
    with client(platform_server, "tenant-3") as http:
        image = ready_asset(http, "file", "img", PNG)
        ssd_checkpoint = http.get("/v1/assets/octoai:default-ssd").json()["asset"]["id"]
        made = []
        for index in range(7):
            checkpoint = "octoai:default-ssd" if index % 3 == 0 else "octoai:default-sdxl"
            word = "alpha" if index % 2 else "beta"
            answer = create_tune(http, f"t{index}", lora_tune(checkpoint, [image], word))
            made.append(answer.json()["id"])

        def ids(**params: Any) -> list[str]:
            answer = http.get("/v1/tunes", params=params)
            assert answer.status_code == 200, answer.text
            return [tune["id"] for tune in answer.json()["data"]]

        assert ids() == made
        assert ids(name="t3") == [made[3]]
        assert ids(tune_type="lora_tune") == made
        assert ids(tune_type="text_to_speech_latent_tune") == []
        assert ids(base_checkpoint_id=ssd_checkpoint) == [made[0], made[3], made[6]]
        assert ids(engine=SSD) == [made[0], made[3], made[6]]
        assert ids(trigger_words="alpha") == [made[1], made[3], made[5]]
        assert ids(trigger_words=["alpha", "beta"]) == made
        assert ids(trigger_words="alpha,beta") == made
        first = http.get("/v1/tunes", params={"limit": 3}).json()
        last = http.get("/v1/tunes", params={"limit": 3, "offset": 6}).json()
        bad = http.get("/v1/tunes", params={"limit": 0})
    assert (
        [t["id"] for t in first["data"]] == made[:3] and first["has_more"] and first["total"] == 7
    )
    assert [t["id"] for t in last["data"]] == made[6:] and not last["has_more"]
    assert bad.status_code == 422


def test_a_speech_latent_tune_makes_a_latent(platform_server: DevServer) -> None:
    with client(platform_server, "tenant-4") as http:
        voice = ready_asset(http, "file", unique("voice"), b"ID3 not checked", file_format="mp3")
        name = unique("voice-tune")
        tune = create_tune(
            http, name, {"tune_type": "text_to_speech_latent_tune", "asset_ids": [voice]}
        ).json()
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        done = tune_status(http, tune["id"])
        latent = http.get(f"/v1/assets/{name}").json()["asset"]
        wrong = create_tune(
            http,
            unique("x"),
            {"tune_type": "text_to_speech_latent_tune", "asset_ids": ["octoai:default-sdxl"]},
        )
    assert done["status"] == "succeeded"
    assert done["details"] == {
        "tune_type": "text_to_speech_latent_tune",
        "asset_ids": [voice],
        "inline_assets": False,
    }
    assert latent["asset_type"] == "latent" and latent["id"] == done["output_lora_ids"][0]
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "details", "asset_ids", 0]
