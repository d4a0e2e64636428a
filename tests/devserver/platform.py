"""Helpers for the platform API's tests: servers on a test clock, and common steps."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.safetensors import encode

SDXL = "image/stable-diffusion-xl-v1-0"
SSD = "image/stable-diffusion-ssd"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
#: Seconds of the server's clock an upload is validated, a tune pending, then running. Far
#: longer than a test takes, so nothing moves until a test advances the clock (`advance`),
#: and then exactly as far as it says.
ASSET_READY = 60.0
TUNE_PENDING = 60.0
TUNE_RUNNING = 600.0
TOKENS = ["devserver-token", *(f"tenant-{i}" for i in range(8))]


def clocked_server(**kwargs: Any) -> DevServer:
    """A server on a test clock, with fault injection and several tenants' tokens."""
    lifecycles = {
        "asset_ready_seconds": ASSET_READY,
        "tune_pending_seconds": TUNE_PENDING,
        "tune_seconds": TUNE_RUNNING,
    }
    return DevServer(tokens=TOKENS, faults=True, test_clock=True, **{**lifecycles, **kwargs})


def advance(http: httpx.Client, seconds: float) -> None:
    """Move the clock of the client's server forward (``DevServer.advance_clock`` over ``http``).

    Every asset and tune of the server moves with it, those of earlier tests too; a test
    reads only its own.
    """
    answer = http.post("/_devserver/clock", json={"advance": seconds})
    assert answer.status_code == 200, answer.text


def unique(prefix: str) -> str:
    """A name no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def client(server: DevServer, token: str | None = None) -> httpx.Client:
    """An httpx client for the server with a tenant's token (the first one by default)."""
    return httpx.Client(
        base_url=server.base_url,
        headers={"Authorization": f"Bearer {token or server.token}"},
        timeout=60,
    )


def weights(name: str = "w") -> bytes:
    """A small valid safetensors file."""
    return encode({"name": name}, {"w": name.encode() * 8})


def create(http: httpx.Client, asset_type: str, name: str, **data: Any) -> dict[str, Any]:
    """Create an asset (SDXL weights, or a PNG file) and return the answer."""
    defaults: dict[str, Any] = {"file_format": "png"} if asset_type == "file" else {"engine": SDXL}
    body = {
        "asset_type": asset_type,
        "name": name,
        "data": {"asset_type": asset_type, **defaults, **data},
    }
    answer = http.post("/v1/assets", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def upload(http: httpx.Client, asset_type: str, name: str, content: bytes, **data: Any) -> str:
    """Create an asset, upload its file and complete the upload; return its id."""
    created = create(http, asset_type, name, **data)
    put = httpx.put(created["transfer_api"]["put_url"], content=content)
    assert put.status_code == 200, put.text
    done = http.post(f"/v1/assets/{created['asset']['id']}/complete-upload", json={})
    assert done.status_code == 200, done.text
    return str(created["asset"]["id"])


def asset_status(http: httpx.Client, asset_id: str) -> str:
    """The asset's status, as a read answers it now."""
    return str(http.get(f"/v1/assets/{asset_id}").json()["asset"]["status"])


def ready_asset(http: httpx.Client, asset_type: str, name: str, content: bytes, **data: Any) -> str:
    """Upload an asset and move the clock through its validation; return its id."""
    asset_id = upload(http, asset_type, name, content, **data)
    assert asset_status(http, asset_id) == "uploaded"
    advance(http, ASSET_READY)
    assert asset_status(http, asset_id) == "ready"
    return asset_id


def lora_tune(
    checkpoint: str, files: list[str], word: str = "sks", steps: int = 10
) -> dict[str, Any]:
    """The details of a LoRA tune."""
    return {
        "tune_type": "lora_tune",
        "base_checkpoint": {"checkpoint_id": checkpoint},
        "files": [{"file_id": file_id} for file_id in files],
        "steps": steps,
        "trigger_words": [word],
    }
