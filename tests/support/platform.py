"""What the platform API's tests share: names, files, and a server on a test clock.

The devserver's own tests, the client's and the command line's all upload assets and start
tunes; they take their engines, files and phase lengths from here.
"""

from __future__ import annotations

import uuid
from typing import Any

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.safetensors import encode

SDXL = "image/stable-diffusion-xl-v1-0"
SSD = "image/stable-diffusion-ssd"
#: The public SDXL checkpoint a tune starts from.
CHECKPOINT = "octoai:default-sdxl"
#: A file the server takes as a PNG image (it checks the signature).
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
#: Seconds of the server's clock an upload is validated, a tune pending, then running. Far
#: longer than a test takes, so nothing moves until a test advances the clock, and then
#: exactly as far as it says.
ASSET_READY = 60.0
TUNE_PENDING = 60.0
TUNE_RUNNING = 600.0
TOKENS = ["devserver-token", *(f"tenant-{i}" for i in range(8))]


def clocked_server(**kwargs: Any) -> DevServer:
    """A server on a test clock, with fault injection and several tenants' tokens.

    Uploads are validated for `ASSET_READY` seconds and tunes take `TUNE_PENDING` and
    `TUNE_RUNNING`; `kwargs` change those or any other option of `DevServer`.
    """
    lifecycles = {
        "asset_ready_seconds": ASSET_READY,
        "tune_pending_seconds": TUNE_PENDING,
        "tune_seconds": TUNE_RUNNING,
    }
    return DevServer(tokens=TOKENS, faults=True, test_clock=True, **{**lifecycles, **kwargs})


def unique(prefix: str) -> str:
    """A name no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def weights(name: str = "w") -> bytes:
    """A small valid safetensors file, different for each `name`."""
    return encode({"name": name}, {"w": name.encode() * 8})


def safetensors(payload_bytes: int) -> bytes:
    """A valid safetensors file with one tensor of `payload_bytes` zero bytes."""
    return encode({}, {"w": bytes(payload_bytes)})
