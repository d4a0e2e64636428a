"""OctoAI's public assets, which every development server starts with."""

from __future__ import annotations

import datetime
import hashlib
from typing import Final

from .ids import OCTOAI_TENANT, encode_id
from .records import AssetRecord
from .safetensors import encode

__all__ = ["PUBLIC_ASSETS", "public_file"]

_CREATED: Final = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC).timestamp()


def _public(
    index: int, name: str, asset_type: str, engine: str, description: str, **extra: object
) -> AssetRecord:
    data: dict[str, object] = {
        "asset_type": asset_type,
        "engine": engine,
        "data_type": "fp16",
        "file_format": "safetensors",
        **extra,
    }
    return AssetRecord(
        # Fixed ids, so they are the same on every server and survive restarts.
        id=encode_id("asset", int(_CREATED * 1000), index),
        tenant=OCTOAI_TENANT,
        name=name,
        asset_type=asset_type,
        data=data,
        description=description,
        is_public=True,
        status="ready",
        created_at=_CREATED,
        completed=True,
    )


#: The public assets, owned by ``octoai``.
PUBLIC_ASSETS: Final = (
    _public(
        1, "default-sdxl", "checkpoint", "image/stable-diffusion-xl-v1-0", "Stable Diffusion XL 1.0"
    ),
    _public(
        2, "default-ssd", "checkpoint", "image/stable-diffusion-ssd", "Segmind Stable Diffusion 1B"
    ),
    _public(3, "default-sd15", "checkpoint", "image/stable-diffusion-v1-5", "Stable Diffusion 1.5"),
    _public(
        4,
        "crayon-style",
        "lora",
        "image/stable-diffusion-xl-v1-0",
        "Crayon drawings, for SDXL",
        checkpoint=None,
        trigger_words=["crayon"],
    ),
    _public(
        5,
        "paper-cut-ssd",
        "lora",
        "image/stable-diffusion-ssd",
        "Paper cut-outs, for SSD-1B",
        checkpoint=None,
        trigger_words=["papercut"],
    ),
)


def public_file(asset: AssetRecord) -> bytes:
    """The file of a public asset: a small, valid safetensors file (the same on every server)."""
    weights = hashlib.sha256(asset.name.encode()).digest() * 4
    return encode({"name": asset.name, "engine": str(asset.engine)}, {"weights": weights})
