"""Asset and tune statuses as functions of the stored state and the time (pure).

Nothing runs in the background: a status is computed when it is read, from deadlines stored
when the asset or tune changed. A test clock therefore moves every lifecycle by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .records import AssetRecord, TuneRecord

__all__ = [
    "ACTIVE_TUNE_STATUSES",
    "TERMINAL_TUNE_STATUSES",
    "TuneEnd",
    "asset_status",
    "cancel_refusal",
    "due_end",
    "tune_status",
    "tune_updated_at",
]

#: Statuses of a tune that has ended; nothing changes them but deletion.
TERMINAL_TUNE_STATUSES: Final = frozenset({"succeeded", "failed", "cancelled"})
#: Statuses of a tune that can still be cancelled.
ACTIVE_TUNE_STATUSES: Final = frozenset({"pending", "running"})
#: Stored asset statuses that turn ``ready`` at the asset's ``ready_at``.
_BECOMING_READY: Final = frozenset({"uploaded", "uploading"})


def asset_status(asset: AssetRecord, now: float) -> str:
    """Return the asset's status at wall-clock time ``now``."""
    if asset.deleted_at is not None and now >= asset.deleted_at:
        return "deleted"
    if asset.status in _BECOMING_READY and asset.ready_at is not None and now >= asset.ready_at:
        return "ready"
    return asset.status


def tune_status(tune: TuneRecord, now: float) -> str:
    """Return the tune's status at wall-clock time ``now``."""
    if tune.status in TERMINAL_TUNE_STATUSES:
        return tune.status
    if tune.fail_at is not None and now >= tune.fail_at:
        return "failed"
    if now < tune.running_at:
        return "pending"
    if now < tune.finishes_at:
        return "running"
    return "succeeded"


@dataclass(frozen=True)
class TuneEnd:
    """An end a tune reached that is not written yet.

    Attributes:
        status: ``succeeded`` or ``failed``.
        at: When it ended (a deadline, not the time it was observed).
        details: Why it failed; empty on success.
    """

    status: str
    at: float
    details: str = ""


def due_end(tune: TuneRecord, now: float) -> TuneEnd | None:
    """Return the end the tune reached by ``now`` that is still to be written, if any."""
    if tune.status in TERMINAL_TUNE_STATUSES:
        return None
    status = tune_status(tune, now)
    if status == "failed":
        assert tune.fail_at is not None  # noqa: S101 - only fail_at makes a stored tune fail
        return TuneEnd("failed", tune.fail_at, tune.fail_message or "The tune failed.")
    if status == "succeeded":
        return TuneEnd("succeeded", tune.finishes_at)
    return None


def tune_updated_at(tune: TuneRecord, now: float) -> float:
    """Return when the tune last changed, as seen at ``now``."""
    if tune.ended_at is not None:
        return tune.ended_at
    end = due_end(tune, now)
    if end is not None:
        return end.at
    return tune.running_at if now >= tune.running_at else tune.created_at


def cancel_refusal(tune: TuneRecord, now: float) -> str | None:
    """Return why the tune cannot be cancelled at ``now``, or None when it can."""
    status = tune_status(tune, now)
    if status in ACTIVE_TUNE_STATUSES:
        return None
    return (
        f"Tune {tune.id} has already ended ({status}); "
        "only pending or running tunes can be cancelled."
    )
