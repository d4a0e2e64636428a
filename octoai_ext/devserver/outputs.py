"""The assets successful tunes make: a LoRA (or a voice latent) named after the tune (pure)."""

from __future__ import annotations

import hashlib
from typing import Any

from .records import AssetRecord, TuneRecord
from .safetensors import encode

__all__ = ["output_asset"]


def output_asset(tune: TuneRecord, asset_id: str, at: float) -> tuple[AssetRecord, bytes]:
    """Return the asset a tune makes when it succeeds at ``at``, and its file.

    A LoRA tune makes a ``lora`` for its checkpoint's engine with its trigger word; a
    text-to-speech latent tune makes a ``latent``. Either is ``ready`` at once, owned by the
    tune's owner and named after the tune. The file is a small safetensors file that names
    the tune.
    """
    if tune.tune_type == "lora_tune":
        asset_type = "lora"
        data: dict[str, Any] = {
            "asset_type": "lora",
            "engine": tune.engine,
            "data_type": "fp16",
            "file_format": "safetensors",
            "checkpoint": tune.checkpoint_id,
            "trigger_words": list(tune.trigger_words),
        }
    else:
        asset_type = "latent"
        data = {"asset_type": "latent", "engine": tune.engine, "file_format": "safetensors"}
    weights = hashlib.sha256(f"{tune.id}:{tune.name}".encode()).digest() * 8
    content = encode({"tune_id": tune.id, "tune_name": tune.name}, {"weights": weights})
    asset = AssetRecord(
        id=asset_id,
        tenant=tune.tenant,
        name=tune.name,
        asset_type=asset_type,
        data=data,
        description=f"Made by tune {tune.name} ({tune.id}).",
        status="ready",
        size_bytes=len(content),
        created_at=at,
        completed=True,
    )
    return asset, content
