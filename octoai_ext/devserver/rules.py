"""What the platform API accepts beyond the spec's schemas, with defaults filled in (pure).

The spec keeps engines, data types and formats open so that clients read values added later;
the server itself accepts only the values it knows (`Vocabulary`, read from the spec).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

from .records import AssetRecord
from .responses import Problem

__all__ = [
    "AUDIO_FORMATS",
    "IMAGE_FORMATS",
    "TUNABLE_ENGINES",
    "Resolved",
    "TrainingCheck",
    "Vocabulary",
    "asset_data",
    "check_latent_tune",
    "check_lora_tune",
    "source_url_problem",
]

#: Engines whose checkpoints can be LoRA-tuned.
TUNABLE_ENGINES: Final = frozenset(
    {"image/stable-diffusion-v1-5", "image/stable-diffusion-xl-v1-0", "image/stable-diffusion-ssd"}
)
#: File formats a LoRA tune trains on.
IMAGE_FORMATS: Final = frozenset({"png", "jpg", "jpeg"})
#: File formats a text-to-speech latent tune trains on.
AUDIO_FORMATS: Final = frozenset({"mp3", "wav"})
_WEIGHT_DEFAULTS: Final[dict[str, dict[str, Any]]] = {
    "checkpoint": {"data_type": "fp16", "file_format": "safetensors"},
    "lora": {
        "data_type": "fp16",
        "file_format": "safetensors",
        "checkpoint": None,
        "trigger_words": None,
    },
    "textual_inversion": {"data_type": "fp16", "file_format": "safetensors", "trigger_words": []},
    "vae": {"data_type": "fp16", "file_format": "safetensors"},
    "latent": {"file_format": "safetensors"},
    "file": {"file_format": "unknown", "version": ""},
}


@dataclass(frozen=True)
class Vocabulary:
    """The values the server accepts for fields the spec leaves open."""

    engines: frozenset[str]
    data_types: frozenset[str]
    file_formats: frozenset[str]
    file_extensions: frozenset[str]

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any]) -> Vocabulary:
        """Read the enums of ``openapi.yaml``."""
        schemas = spec["components"]["schemas"]

        def values(name: str) -> frozenset[str]:
            return frozenset(str(v) for v in schemas[name]["enum"])

        return cls(
            values("BaseEngine"), values("DataType"), values("FileFormat"), values("FileExtension")
        )


def asset_data(
    asset_type: str, data: Mapping[str, Any], vocabulary: Vocabulary
) -> dict[str, Any] | list[Problem]:
    """Return a new asset's ``data`` with defaults filled in, or the problems with it."""
    loc = ("body", "data")
    problems: list[Problem] = []
    if data.get("asset_type") != asset_type:
        problems.append(
            Problem(
                (*loc, "asset_type"),
                f"must be {asset_type!r}, as the asset's asset_type",
                "value_error",
            )
        )
        return problems
    filled = {"asset_type": asset_type, **_WEIGHT_DEFAULTS[asset_type], **data}
    if asset_type == "file":
        allowed = {"file_format": vocabulary.file_extensions}
    else:
        allowed = {"engine": vocabulary.engines, "file_format": vocabulary.file_formats}
        if "data_type" in filled:
            allowed["data_type"] = vocabulary.data_types
    for field, known in allowed.items():
        if filled.get(field) not in known:
            problems.append(
                Problem((*loc, field), f"{filled.get(field)!r} is not supported here", "enum")
            )
    return problems or filled


def source_url_problem(url: str) -> Problem | None:
    """Why a new asset's ``url`` cannot be fetched, or None when it is an http(s) URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.netloc:
        return Problem(("body", "url"), "url must be an absolute http or https URL.", "url")
    return None


@dataclass(frozen=True)
class Resolved:
    """A referenced asset and its current status."""

    asset: AssetRecord
    status: str


@dataclass(frozen=True)
class TrainingCheck:
    """The verdict on a tune's inputs.

    Attributes:
        problems: Why the tune cannot be created; empty when it can.
        used: The ids of the training assets that will be used.
        rejected: The ids of training assets that were rejected.
    """

    problems: list[Problem]
    used: list[str]
    rejected: list[str]


def _training_assets(
    loc: tuple[str | int, ...],
    key: str | None,
    refs: Sequence[str],
    found: Sequence[Resolved | None],
    formats: frozenset[str],
    what: str,
) -> TrainingCheck:
    problems: list[Problem] = []
    used: list[str] = []
    rejected: list[str] = []
    for index, (ref, resolved) in enumerate(zip(refs, found, strict=True)):
        where = (*loc, index) if key is None else (*loc, index, key)
        if resolved is None:
            problems.append(Problem(where, f"No asset {ref!r} was found.", "not_found"))
            continue
        asset, status = resolved.asset, resolved.status
        if asset.asset_type != "file" or asset.data.get("file_format") not in formats:
            kind = asset.data.get("file_format") if asset.asset_type == "file" else asset.asset_type
            problems.append(Problem(where, f"Asset {ref!r} is a {kind}, not {what}.", "asset_type"))
        elif status == "rejected":
            rejected.append(asset.id)
        elif status != "ready":
            problems.append(
                Problem(where, f"Asset {ref!r} is not ready (it is {status}).", "asset_status")
            )
        else:
            used.append(asset.id)
    return TrainingCheck(problems, used, rejected)


def check_lora_tune(
    details: Mapping[str, Any], checkpoint: Resolved | None, files: Sequence[Resolved | None]
) -> TrainingCheck:
    """Check a LoRA tune's details against the assets they name.

    Args:
        details: The request's ``details``.
        checkpoint: The asset ``base_checkpoint.checkpoint_id`` names, if found.
        files: The asset each ``files[i].file_id`` names, if found.
    """
    loc: tuple[str | int, ...] = ("body", "details")
    problems: list[Problem] = []
    reference = str(details["base_checkpoint"]["checkpoint_id"])
    where = (*loc, "base_checkpoint", "checkpoint_id")
    if checkpoint is None:
        problems.append(Problem(where, f"No asset {reference!r} was found.", "not_found"))
    elif checkpoint.asset.asset_type != "checkpoint":
        problems.append(
            Problem(
                where,
                f"Asset {reference!r} is a {checkpoint.asset.asset_type}, not a checkpoint.",
                "asset_type",
            )
        )
    elif checkpoint.status != "ready":
        problems.append(
            Problem(
                where,
                f"Checkpoint {reference!r} is not ready (it is {checkpoint.status}).",
                "asset_status",
            )
        )
    elif checkpoint.asset.engine not in TUNABLE_ENGINES:
        problems.append(
            Problem(
                where, f"Checkpoints for {checkpoint.asset.engine} cannot be LoRA-tuned.", "engine"
            )
        )
    else:
        asked = details["base_checkpoint"].get("engine")
        if asked is not None and asked != checkpoint.asset.engine:
            problems.append(
                Problem(
                    (*loc, "base_checkpoint", "engine"),
                    f"The checkpoint is for {checkpoint.asset.engine}, not {asked}.",
                    "engine",
                )
            )
    words = details.get("trigger_words") or []
    if len(words) != 1 or not str(words[0]).strip():
        problems.append(
            Problem(
                (*loc, "trigger_words"), "Exactly one trigger word is supported.", "value_error"
            )
        )
    steps = details.get("steps")
    if isinstance(steps, bool) or not isinstance(steps, int | float) or steps < 1 or steps % 1:
        problems.append(Problem((*loc, "steps"), "steps must be at least 1.", "value_error"))
    refs = [str(item["file_id"]) for item in details.get("files", [])]
    check = _training_assets(
        (*loc, "files"), "file_id", refs, files, IMAGE_FORMATS, "an image (png, jpg or jpeg)"
    )
    return TrainingCheck(problems + check.problems, check.used, check.rejected)


def check_latent_tune(
    details: Mapping[str, Any], assets: Sequence[Resolved | None]
) -> TrainingCheck:
    """Check a text-to-speech latent tune's details against the assets they name."""
    refs = [str(ref) for ref in details.get("asset_ids", [])]
    return _training_assets(
        ("body", "details", "asset_ids"), None, refs, assets, AUDIO_FORMATS, "audio (mp3 or wav)"
    )
