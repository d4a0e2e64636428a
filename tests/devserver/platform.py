"""Helpers for the platform API's tests: servers with short lifecycles, and common steps."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.safetensors import encode

SDXL = "image/stable-diffusion-xl-v1-0"
SSD = "image/stable-diffusion-ssd"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
#: Short lifecycles, so tests wait fractions of a second. Once the devserver has a test clock,
#: these tests should advance it instead of waiting.
FAST = {"asset_ready_seconds": 0.2, "tune_pending_seconds": 0.3, "tune_seconds": 0.6}
TOKENS = ["devserver-token", *(f"tenant-{i}" for i in range(8))]


def fast_server(**kwargs: Any) -> DevServer:
    """A server with short lifecycles, fault injection and several tenants' tokens."""
    return DevServer(tokens=TOKENS, faults=True, **{**FAST, **kwargs})


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


def wait_for(
    read: Callable[[], dict[str, Any]], until: set[str], *, limit: float = 30
) -> tuple[list[str], dict[str, Any]]:
    """Poll ``read`` until its ``status`` is in ``until``; return the distinct statuses seen."""
    seen: list[str] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        body = read()
        status = body["status"]
        if not seen or seen[-1] != status:
            seen.append(status)
        if status in until:
            return seen, body
        time.sleep(0.02)
    raise AssertionError(f"no status in {until} after {limit} s; saw {seen}")


def ready_asset(http: httpx.Client, asset_type: str, name: str, content: bytes, **data: Any) -> str:
    """Upload an asset and wait until it is ready; return its id."""
    asset_id = upload(http, asset_type, name, content, **data)
    wait_for(lambda: http.get(f"/v1/assets/{asset_id}").json()["asset"], {"ready"})
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
