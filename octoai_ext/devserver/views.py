"""The JSON answers of the platform API: assets and tunes as the spec describes them (pure)."""

from __future__ import annotations

import datetime
from typing import Any

from .lifecycle import asset_status, tune_status, tune_updated_at
from .records import AssetRecord, TuneRecord

__all__ = ["asset_json", "iso_time", "tune_json"]


def iso_time(seconds: float) -> str:
    """Format wall-clock seconds since the epoch as RFC 3339 in UTC."""
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).isoformat()


def asset_json(asset: AssetRecord, now: float, *, preview_url: str | None = None) -> dict[str, Any]:
    """Return the spec's ``Asset`` for a stored asset at ``now``.

    Args:
        asset: The stored asset.
        now: Wall-clock time, which decides the status.
        preview_url: A download URL for ``data.preview_url`` (image files in lists).
    """
    data = dict(asset.data)
    if asset.asset_type == "file":
        data["preview_url"] = preview_url
    status = asset_status(asset, now)
    return {
        "id": asset.id,
        "asset_type": asset.asset_type,
        "name": asset.name,
        "description": asset.description,
        "size_bytes": asset.size_bytes,
        "status": status,
        "status_details": asset.status_details if status in {"rejected", "error"} else "",
        "status_info": {},
        "created_at": iso_time(asset.created_at),
        "data": data,
        "file_structure": "single_file",
        "hf_repo": asset.hf_repo,
        "is_public": asset.is_public,
        "tenant_uuid": asset.tenant,
        "url": asset.url,
    }


def _result(tune: TuneRecord, status: str) -> dict[str, Any] | None:
    if status not in {"succeeded", "failed"}:
        return None
    return {
        "number_of_available_assets": len(tune.input_ids),
        "output_assets": list(tune.output_ids) if status == "succeeded" else [],
        "rejected_assets": list(tune.rejected_ids),
        "unready_assets": [],
    }


def tune_json(tune: TuneRecord, now: float) -> dict[str, Any]:
    """Return the spec's ``Tune`` for a stored tune at ``now``."""
    status = tune_status(tune, now)
    succeeded = status == "succeeded" and tune.ended_at is not None
    return {
        "id": tune.id,
        "tenant_id": tune.tenant,
        "name": tune.name,
        "description": tune.description,
        "tune_type": tune.tune_type,
        "details": tune.details,
        "status": status,
        "status_details": (tune.status_details or tune.fail_message or "")
        if status == "failed"
        else "",
        "output_lora_ids": list(tune.output_ids) if succeeded else [],
        "result": _result(tune, status),
        "created_at": iso_time(tune.created_at),
        "updated_at": iso_time(tune_updated_at(tune, now)),
        "succeeded_at": iso_time(tune.ended_at) if succeeded and tune.ended_at else None,
        "deleted_at": iso_time(tune.deleted_at) if tune.deleted_at is not None else None,
    }
