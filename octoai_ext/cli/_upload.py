"""Uploading one file as an asset with a byte bar, then waiting until it is ready.

`asset upload` and `tune create` (for its training images) both go through here. The library
creates the asset, sends the file and completes the upload in one call; when that call is cut
short (Ctrl-C, a timeout, a failure) this module asks the service what was left behind, so the
message can name the asset and say how to delete it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .. import (
    AssetFailedError,
    AssetRejectedError,
    NotFoundError,
    OctoAI,
    OctoAIError,
    OctoAIServerError,
    OctoAITimeoutError,
    RequestOptions,
)
from ._context import Context
from ._exits import CliError, ExitCode, describe, exit_code_for
from ._progress import Progress
from ._transfer import TransferBar

if TYPE_CHECKING:
    from octoai_api.models import Asset

__all__ = [
    "Deadline",
    "UploadRequest",
    "left_behind",
    "problem",
    "readable_file",
    "refused",
    "unusable",
    "upload",
    "wait_until_ready",
]

#: The status of an asset that can be used.
_READY: Final = "ready"
#: Statuses of an asset whose file never fully arrived.
_INCOMPLETE: Final = frozenset({"ready_to_upload", "uploading"})
#: Statuses of an asset that will never be ready; it keeps its name until deleted.
_UNUSABLE: Final = frozenset({"rejected", "error"})
#: Seconds for the one lookup after an interruption: the user is waiting to get their shell back.
_LOOKUP_TIMEOUT: Final = 5.0
# `timeout` must be positive; a deadline that has passed still gets one last quick look.
_LEAST_TIMEOUT: Final = 0.001


@dataclass(frozen=True)
class UploadRequest:
    """One file to upload as an asset."""

    path: Path
    name: str
    data: dict[str, Any]
    description: str | None = None
    is_public: bool = False


class Deadline:
    """The seconds left of a ``--timeout`` shared by several steps (None: no limit)."""

    def __init__(self, seconds: float | None) -> None:
        self._ends = None if seconds is None else time.monotonic() + seconds

    def options(self) -> RequestOptions:
        """The `timeout` option of the next call: the seconds left, or nothing."""
        if self._ends is None:
            return {}
        return {"timeout": max(self._ends - time.monotonic(), _LEAST_TIMEOUT)}


def readable_file(text: str, what: str) -> Path:
    """Check that `text` names a regular file this process can read.

    Raises:
        CliError: It does not (a usage error: nothing was sent).
    """
    path = Path(text)
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise CliError(
            f"cannot read {what} {text}: {exc.strerror or exc}", ExitCode.USAGE
        ) from None
    if not path.is_file():
        raise CliError(f"cannot read {what} {text}: not a regular file", ExitCode.USAGE)
    return path


def upload(ctx: Context, client: OctoAI, request: UploadRequest, deadline: Deadline) -> Asset:
    """Create the asset and send its file, drawing the byte bar.

    Returns:
        The asset as the upload left it: `uploaded`, or already `rejected` or `error`.

    Raises:
        CliError: Interrupted (exit code 130), out of time (4) or failed (1) after the asset
            may have been created; the message says what was left behind.
        OctoAIError: The service refused to create the asset (a taken name, bad details).
    """
    bar = TransferBar(ctx.console, f"upload {request.name}")
    try:
        with bar:
            return client.asset.create(
                request.path,
                name=request.name,
                data=request.data,
                description=request.description,
                is_public=request.is_public,
                wait=False,
                on_progress=bar.update,
                **deadline.options(),
            )
    except KeyboardInterrupt:
        note = left_behind(ctx, request.name, started=bar.sent > 0)
        raise CliError(f"interrupted; {note}", ExitCode.INTERRUPTED) from None
    except AssetFailedError as exc:
        # The service judged the file at completion: the asset exists, even for a file of no bytes.
        note = left_behind(ctx, request.name, started=True)
        failed = (
            f"the upload failed: {exc.status_details.rstrip('.')}" if exc.status_details else ""
        )
        raise CliError(f"{failed or describe(exc)}; {note}", ExitCode.API_ERROR) from None
    except (OctoAITimeoutError, OctoAIServerError) as exc:
        # A refusal (409, 422) means nothing was made; these may leave an asset half made.
        note = left_behind(ctx, request.name, started=bar.sent > 0)
        raise CliError(f"{describe(exc)}; {note}", exit_code_for(exc)) from None


def wait_until_ready(ctx: Context, client: OctoAI, asset: Asset, deadline: Deadline) -> Asset:
    """Wait until an uploaded asset is ready, showing its state.

    `asset` is the reading the upload ended with: when it is already ready, it is returned
    without asking the service again.

    Raises:
        CliError: Interrupted (130) or out of time (4); the asset stays as it is.
        AssetRejectedError: The service refused the file.
        AssetFailedError: Its processing failed.
    """
    if str(asset.status) == _READY:
        return asset
    see = f"see it with: octoai asset get {asset.id}"
    try:
        with Progress(ctx.console, f"asset {asset.name}") as progress:
            return client.asset.wait_for_ready(
                asset.id, on_progress=progress.update, **deadline.options()
            )
    except KeyboardInterrupt:
        raise CliError(
            f"interrupted; asset {asset.name!r} ({asset.id}) was uploaded and is being checked; "
            + see,
            ExitCode.INTERRUPTED,
        ) from None
    except OctoAITimeoutError as exc:
        raise CliError(
            f"{describe(exc)}; the asset is still being checked; {see}", ExitCode.TIMEOUT
        ) from None


def problem(asset: Asset, status: str, details: str) -> str:
    """``asset 'name' (id) is rejected: why``, for an asset that will never be ready."""
    because = f": {details.rstrip('.')}" if details else ""
    return f"asset {asset.name!r} ({asset.id}) is {status}{because}"


def unusable(asset: Asset) -> str | None:
    """What is wrong with an asset that will never be ready, else None."""
    status = str(asset.status)
    return problem(asset, status, asset.status_details) if status in _UNUSABLE else None


def refused(exc: AssetRejectedError | AssetFailedError, asset: Asset) -> str:
    """What is wrong with an asset whose wait ended in a rejection or a failure."""
    return problem(asset, exc.status or "not ready", exc.status_details)


def left_behind(ctx: Context, name: str, *, started: bool) -> str:
    """What an upload cut short left in the library, asked of the service once.

    Args:
        ctx: The run, for a fresh client (the interrupted one may hold a broken connection).
        name: The asset's name, unique among the user's assets.
        started: Whether any byte of the file went out, so the asset surely was created.
    """
    unsure = (
        f"asset {name!r} may have been left incomplete; check with: octoai asset get {name}; "
        f"delete it with: octoai asset delete {name}"
    )
    try:
        asset = ctx.client().asset.get(name, timeout=_LOOKUP_TIMEOUT, max_retries=0)
    except NotFoundError:
        return f"asset {name!r} was not created"
    except (OctoAIError, CliError, KeyboardInterrupt):
        return unsure
    status = str(asset.status)
    delete = f"delete it with: octoai asset delete {asset.id}"
    if status in _INCOMPLETE:
        return f"the upload of asset {name!r} ({asset.id}) was left incomplete; {delete}"
    if not started:
        # The name belongs to an asset made before; this upload did not get that far.
        return f"asset {name!r} was not created"
    if status in _UNUSABLE:
        return f"asset {name!r} ({asset.id}) is {status}; {delete}"
    return (
        f"asset {name!r} ({asset.id}) was uploaded and is {status}; "
        f"see it with: octoai asset get {asset.id}"
    )
