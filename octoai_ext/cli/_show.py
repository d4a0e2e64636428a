"""How assets and tunes read on a terminal: ``key: value`` summaries and aligned tables.

Everything here works on the JSON form of a model (its ``to_dict()``), the same form
``--json`` prints, so a summary never shows a value the JSON would not.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "ASSET_COLUMNS",
    "TUNE_COLUMNS",
    "asset_row",
    "fields",
    "size_text",
    "summary_of_asset",
    "summary_of_tune",
    "table",
    "tune_row",
]

ASSET_COLUMNS = ("NAME", "TYPE", "ENGINE", "STATUS", "SIZE", "ID")
TUNE_COLUMNS = ("NAME", "STATUS", "CHECKPOINT", "TRIGGER", "STEPS", "CREATED", "ID")

_UNITS = ("KiB", "MiB", "GiB", "TiB")
# Shown for a value the service left out, so that columns stay aligned and readable.
_NONE = "-"


def size_text(size: float) -> str:
    """A byte count for people: ``512 B``, ``1.5 MiB``."""
    if size < 1024:
        return f"{int(size)} B"
    for unit in _UNITS:
        size /= 1024
        if size < 1024 or unit == _UNITS[-1]:
            break
    return f"{size:.1f} {unit}"


def fields(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """``key: value`` lines with the values aligned."""
    width = max((len(key) for key, _ in pairs), default=0) + 2
    return [f"{key + ':':<{width}}{value}".rstrip() for key, value in pairs]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell; the last column is not padded."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]


def _text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return _NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _minute(value: Any) -> str:
    """A timestamp to the minute, for a table column; as given if it does not parse."""
    try:
        moment = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return _text(value)
    return moment.strftime("%Y-%m-%d %H:%M")


def _part(model: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The object under `key` (an asset's ``data``, a tune's ``details``), else empty."""
    part = model.get(key)
    return part if isinstance(part, Mapping) else {}


def summary_of_asset(asset: Mapping[str, Any]) -> list[str]:
    """The lines that describe one asset, given as JSON."""
    data = _part(asset, "data")
    pairs = [
        ("name", _text(asset.get("name"))),
        ("id", _text(asset.get("id"))),
        ("type", _text(asset.get("asset_type"))),
    ]
    for key, label in (("engine", "engine"), ("data_type", "data type")):
        if key in data:
            pairs.append((label, _text(data[key])))
    pairs.append(("file format", _text(data.get("file_format"))))
    if data.get("trigger_words"):
        pairs.append(("trigger words", _text(data["trigger_words"])))
    pairs.append(("status", _text(asset.get("status"))))
    if asset.get("status_details"):
        pairs.append(("details", _text(asset["status_details"])))
    pairs += [
        ("size", size_text(asset.get("size_bytes") or 0)),
        ("public", _text(bool(asset.get("is_public")))),
    ]
    if asset.get("description"):
        pairs.append(("description", _text(asset["description"])))
    pairs.append(("created", _text(asset.get("created_at"))))
    return fields(pairs)


def asset_row(asset: Mapping[str, Any]) -> list[str]:
    """One asset as a row under `ASSET_COLUMNS`."""
    return [
        _text(asset.get("name")),
        _text(asset.get("asset_type")),
        _text(_part(asset, "data").get("engine")),
        _text(asset.get("status")),
        size_text(asset.get("size_bytes") or 0),
        _text(asset.get("id")),
    ]


def _checkpoint(tune: Mapping[str, Any], *, with_id: bool) -> str:
    checkpoint = _part(tune, "details").get("base_checkpoint")
    if not isinstance(checkpoint, Mapping):
        return _NONE
    name, checkpoint_id = checkpoint.get("name"), checkpoint.get("checkpoint_id")
    if with_id and name and checkpoint_id and name != checkpoint_id:
        return f"{name} ({checkpoint_id})"
    return _text(name or checkpoint_id)


def summary_of_tune(
    tune: Mapping[str, Any], lora_names: Mapping[str, str] | None = None
) -> list[str]:
    """The lines that describe one tune, given as JSON.

    Args:
        tune: The tune.
        lora_names: Names of the LoRAs it made, by id, when they were looked up.
    """
    details = _part(tune, "details")
    pairs = [
        ("name", _text(tune.get("name"))),
        ("id", _text(tune.get("id"))),
        ("type", _text(tune.get("tune_type"))),
        ("status", _text(tune.get("status"))),
    ]
    if tune.get("status_details"):
        pairs.append(("details", _text(tune["status_details"])))
    if "base_checkpoint" in details:
        pairs.append(("checkpoint", _checkpoint(tune, with_id=True)))
    if "trigger_words" in details:
        pairs.append(("trigger word", _text(details["trigger_words"])))
    if "steps" in details:
        pairs.append(("steps", _text(details["steps"])))
    files = details.get("files")
    if isinstance(files, list):
        pairs.append(("images", str(len(files))))
    names = lora_names or {}
    for lora_id in tune.get("output_lora_ids") or []:
        name = names.get(lora_id)
        pairs.append(("lora", f"{name} ({lora_id})" if name else lora_id))
    if tune.get("description"):
        pairs.append(("description", _text(tune["description"])))
    pairs.append(("created", _text(tune.get("created_at"))))
    return fields(pairs)


def tune_row(tune: Mapping[str, Any]) -> list[str]:
    """One tune as a row under `TUNE_COLUMNS`."""
    details = _part(tune, "details")
    return [
        _text(tune.get("name")),
        _text(tune.get("status")),
        _checkpoint(tune, with_id=False),
        _text(details.get("trigger_words")),
        _text(details.get("steps")),
        _minute(tune.get("created_at")),
        _text(tune.get("id")),
    ]
