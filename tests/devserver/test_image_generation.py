"""Image generation over real HTTP: LoRAs by name, engines, sizes, sync and async."""

from __future__ import annotations

import base64
import uuid

import httpx
import pytest

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.jobs import PENDING_SECONDS

from .platform import (
    PNG,
    SSD,
    TUNE_PENDING,
    TUNE_RUNNING,
    advance,
    client,
    create,
    lora_tune,
    ready_asset,
    unique,
    weights,
)

ASYNC = {"X-OctoAI-Async": "1"}


def generate(http: httpx.Client, path: str, **body: object) -> httpx.Response:
    return http.post(
        path, json={"prompt": "a photo of sks1 dog on a skateboard", "seed": 7, **body}
    )


def first_image(answer: httpx.Response) -> bytes:
    assert answer.status_code == 200, answer.text
    return base64.b64decode(answer.json()["images"][0]["image_b64"])


@pytest.fixture(scope="module")
def tuned_lora(platform_server: DevServer) -> str:
    """The name of a LoRA made by a tune on the default SDXL checkpoint."""
    name = unique("sks1-bulldog")
    with client(platform_server) as http:
        image = ready_asset(http, "file", unique("dog"), PNG)
        tune = http.post(
            "/v1/tune",
            json={"name": name, "details": lora_tune("octoai:default-sdxl", [image], "sks1")},
        ).json()
        advance(http, TUNE_PENDING + TUNE_RUNNING)
        assert http.get(f"/v1/tune/{tune['id']}").json()["status"] == "succeeded"
    return name


def test_generation_answers_png_images(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        answer = generate(http, "/generate/sdxl", num_images=3, width=1152, height=896)
    body = answer.json()
    assert answer.status_code == 200
    assert [image["seed"] for image in body["images"]] == [7, 8, 9]
    assert body["prediction_time_ms"] >= 0
    for image in body["images"]:
        assert image["removed_for_safety"] is False
        assert base64.b64decode(image["image_b64"]).startswith(b"\x89PNG\r\n\x1a\n")


def test_a_tuned_lora_by_name_changes_the_image_deterministically(
    platform_server: DevServer, tuned_lora: str
) -> None:
    with client(platform_server) as http:
        plain = first_image(generate(http, "/generate/sdxl"))
        with_lora = first_image(generate(http, "/generate/sdxl", loras={tuned_lora: 0.9}))
        again = first_image(generate(http, "/generate/sdxl", loras={tuned_lora: 0.9}))
        weaker = first_image(generate(http, "/generate/sdxl", loras={tuned_lora: 0.4}))
        public = first_image(generate(http, "/generate/sdxl", loras={"octoai:crayon-style": 0.9}))
        both = first_image(
            generate(http, "/generate/sdxl", loras={tuned_lora: 0.9, "octoai:crayon-style": 1.0})
        )
    assert with_lora == again
    assert len({plain, with_lora, weaker, public, both}) == 5


def test_unknown_loras_are_not_found_by_name(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        answer = generate(http, "/generate/sdxl", loras={"no-such-lora": 1.0})
    assert answer.status_code == 404
    assert answer.json()["param"] == "loras" and "no-such-lora" in answer.json()["message"]


def test_a_lora_for_another_engine_is_refused_by_name(
    platform_server: DevServer, tuned_lora: str
) -> None:
    with client(platform_server) as http:
        wrong_engine = generate(http, "/generate/ssd", loras={tuned_lora: 0.9})
        right_engine = generate(http, "/generate/ssd", loras={"octoai:paper-cut-ssd": 0.9})
        not_a_lora = generate(http, "/generate/sdxl", loras={"octoai:default-sdxl": 0.5})
    assert wrong_engine.status_code == 400
    assert tuned_lora in wrong_engine.json()["message"] and SSD in wrong_engine.json()["message"]
    assert right_engine.status_code == 200
    assert not_a_lora.status_code == 400 and "not a LoRA" in not_a_lora.json()["message"]


def test_other_customisations_are_checked_too(platform_server: DevServer) -> None:
    with client(platform_server, "tenant-1") as http:
        vae = ready_asset(http, "vae", unique("vae"), weights("vae"))
        unready = create(http, "lora", unique("unready"))["asset"]["name"]
        good = generate(http, "/generate/sdxl", checkpoint="octoai:default-sdxl", vae=vae)
        wrong_checkpoint = generate(http, "/generate/sdxl", checkpoint="octoai:default-ssd")
        waiting = generate(http, "/generate/sdxl", loras={unready: 1.0})
    assert good.status_code == 200
    assert wrong_checkpoint.status_code == 400 and wrong_checkpoint.json()["param"] == "checkpoint"
    assert waiting.status_code == 400 and "not ready" in waiting.json()["message"]


def test_unsupported_sizes_are_refused(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        answer = generate(http, "/generate/sdxl", width=512, height=512)
        unknown_field = generate(http, "/generate/sdxl", num_inference_steps=3)
    assert answer.status_code == 400 and "512x512" in answer.json()["message"]
    assert unknown_field.status_code == 422, "the request schema takes no other fields"


def test_asynchronous_generation_goes_through_the_job_store(
    platform_server: DevServer, tuned_lora: str
) -> None:
    with client(platform_server) as http:
        sync = first_image(generate(http, "/generate/sdxl", loras={tuned_lora: 0.9}))
        queued = http.post(
            "/generate/sdxl",
            json={
                "prompt": "a photo of sks1 dog on a skateboard",
                "seed": 7,
                "loras": {tuned_lora: 0.9},
            },
            headers=ASYNC,
        )
        assert queued.status_code == 202, queued.text
        poll_url = queued.json()["poll_url"]
        advance(http, PENDING_SECONDS)
        status = http.get(poll_url).json()
        result = http.get(status["response_url"])
        refused = http.post(
            "/generate/sdxl", json={"prompt": "x", "loras": {"nope": 1}}, headers=ASYNC
        )
    assert status["status"] == "completed"
    assert base64.b64decode(result.json()["images"][0]["image_b64"]) == sync
    assert refused.status_code == 404, "unknown assets are refused before queueing"


@pytest.mark.parametrize("path", ["/generate/sdxl", "/generate/ssd"])
def test_the_pending_directive_holds_asynchronous_generation_too(
    platform_server: DevServer, path: str
) -> None:
    fault = {"X-OctoAI-Fault": f"pending=30;key={uuid.uuid4()}"}
    with client(platform_server) as http:
        queued = http.post(
            path, json={"prompt": "a lighthouse", "seed": 3}, headers={**ASYNC, **fault}
        )
        assert queued.status_code == 202, queued.text
        poll_url = queued.json()["poll_url"]
        states = [http.get(poll_url).json()["status"]]
        advance(http, 20)
        states.append(http.get(poll_url).json()["status"])
        advance(http, 10)
        states.append(http.get(poll_url).json()["status"])
    assert states == ["pending", "pending", "completed"]


def test_generation_waits_out_the_cold_start(cold_devserver: DevServer) -> None:
    with client(cold_devserver) as http:
        answer = generate(http, "/generate/sdxl")
        assets = http.get("/v1/assets")
    assert answer.status_code == 503
    assert assets.status_code == 200, "the platform API is not an endpoint and is always up"
