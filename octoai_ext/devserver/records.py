"""The stored state of assets and tunes, as plain values (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = ["AssetRecord", "TuneRecord", "owned"]


@dataclass(frozen=True)
class AssetRecord:
    """One asset as stored. Its current status is `lifecycle.asset_status` of this and now.

    Attributes:
        id: The asset's id.
        tenant: The owner's tenant id.
        name: The asset's name, unique among its owner's assets that are not deleted.
        asset_type: The asset's type.
        data: The type-specific fields, ``asset_type`` included, defaults filled in.
        description: The asset's description.
        is_public: Whether every tenant can see and use it.
        status: The stored status; ``uploaded`` and ``uploading`` turn ``ready`` at
            ``ready_at``.
        status_details: Why it is ``rejected`` or ``error``.
        size_bytes: The size of its uploaded file.
        created_at: Wall-clock creation time (seconds since the epoch).
        ready_at: When validation (or the fetch of its ``url``) ends.
        deleted_at: When it was deleted.
        url: The URL it was created from.
        hf_repo: The Hugging Face repository it names.
        upload_error: The ``error`` answered when its upload was completed.
        completed: Whether its upload was completed.
        skip_validation: Whether its creation asked to skip validation.
    """

    id: str
    tenant: str
    name: str
    asset_type: str
    data: dict[str, Any]
    description: str = ""
    is_public: bool = False
    status: str = "ready_to_upload"
    status_details: str = ""
    size_bytes: int = 0
    created_at: float = 0.0
    ready_at: float | None = None
    deleted_at: float | None = None
    url: str | None = None
    hf_repo: str | None = None
    upload_error: str | None = None
    completed: bool = False
    skip_validation: bool = False

    @property
    def engine(self) -> str | None:
        """The engine the asset is made for (None for files)."""
        engine = self.data.get("engine")
        return engine if isinstance(engine, str) else None


@dataclass(frozen=True)
class TuneRecord:
    """One tune as stored. Its current status is `lifecycle.tune_status` of this and now.

    A tune that has not ended is stored ``pending`` with the times of its next steps: it is
    ``running`` from ``running_at`` and ``succeeded`` from ``finishes_at``, unless it fails at
    ``fail_at``. The end is written once it is first observed (see `lifecycle.due_end`).

    Attributes:
        id: The tune's id.
        tenant: The owner's tenant id.
        name: The tune's name, unique among its owner's tunes that are not deleted.
        tune_type: The tune's type.
        details: The tune's details as answered (references resolved to ids).
        description: The tune's description.
        status: ``pending`` until it ends, then ``succeeded``, ``failed`` or ``cancelled``.
        status_details: Why it failed.
        created_at: Wall-clock creation time (seconds since the epoch).
        running_at: When it starts running.
        finishes_at: When it succeeds, unless it fails first.
        fail_at: When it fails instead, if it will.
        fail_message: Why it will fail.
        ended_at: When it ended, once that is written.
        deleted_at: When it was deleted.
        checkpoint_id: The id of the base checkpoint (LoRA tunes).
        engine: The engine the output is made for.
        trigger_words: The trigger words (LoRA tunes).
        input_ids: The ids of the assets it trains on that are used.
        rejected_ids: The ids of training assets that were rejected.
        output_ids: The ids of the assets it made.
    """

    id: str
    tenant: str
    name: str
    tune_type: str
    details: dict[str, Any]
    description: str = ""
    status: str = "pending"
    status_details: str = ""
    created_at: float = 0.0
    running_at: float = 0.0
    finishes_at: float = 0.0
    fail_at: float | None = None
    fail_message: str | None = None
    ended_at: float | None = None
    deleted_at: float | None = None
    checkpoint_id: str | None = None
    engine: str | None = None
    trigger_words: tuple[str, ...] = ()
    input_ids: tuple[str, ...] = ()
    rejected_ids: tuple[str, ...] = ()
    output_ids: tuple[str, ...] = field(default=())


R = TypeVar("R", AssetRecord, TuneRecord)


def owned(record: R | None, tenant: str) -> R | None:
    """``record`` when ``tenant`` owns it, else None.

    Operations on one's own assets and tunes treat another tenant's record as missing, so the
    caller gets the same 404 as for an unknown id and learns nothing about other tenants.
    """
    return record if record is not None and record.tenant == tenant else None
