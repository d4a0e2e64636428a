"""Helpers for the platform API's tests: servers on a test clock, and common steps.

The names, files, phase lengths and the clocked server are `support.platform`'s, shared with
the client's and the command line's tests; the client and the clock are `support.control`'s.
"""

from __future__ import annotations

from typing import Any

import httpx
from support.control import advance, client
from support.platform import (
    ASSET_READY,
    PNG,
    SDXL,
    SSD,
    TUNE_PENDING,
    TUNE_RUNNING,
    clocked_server,
    unique,
    weights,
)

__all__ = [
    "ASSET_READY",
    "PNG",
    "SDXL",
    "SSD",
    "TUNE_PENDING",
    "TUNE_RUNNING",
    "advance",
    "asset_status",
    "client",
    "clocked_server",
    "create",
    "lora_tune",
    "ready_asset",
    "unique",
    "upload",
    "weights",
]


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
