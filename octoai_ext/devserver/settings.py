"""The development server's settings and documented defaults (no heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .._constants import ASYNC_RESULT_RETENTION_SECONDS

__all__ = [
    "DEFAULT_ASSET_READY_SECONDS",
    "DEFAULT_MAX_UPLOAD_BYTES",
    "DEFAULT_TOKEN",
    "DEFAULT_TUNE_PENDING_SECONDS",
    "DEFAULT_TUNE_SECONDS",
    "DEFAULT_URL_SECONDS",
    "ServerSettings",
]

#: The token the server accepts when no ``--token`` is given. It guards nothing: the server is
#: for local development and tests only.
DEFAULT_TOKEN: Final = "devserver-token"  # noqa: S105 - a documented public test value
#: Seconds an uploaded asset is validated before it is ready.
DEFAULT_ASSET_READY_SECONDS: Final = 1.0
#: Seconds a new tune stays pending.
DEFAULT_TUNE_PENDING_SECONDS: Final = 1.0
#: Seconds a tune runs before it succeeds.
DEFAULT_TUNE_SECONDS: Final = 5.0
#: Seconds signed object URLs are valid.
DEFAULT_URL_SECONDS: Final = 3600.0
#: The largest upload (as for one S3 PUT).
DEFAULT_MAX_UPLOAD_BYTES: Final = 5 * 1024**3


@dataclass(frozen=True)
class ServerSettings:
    """How one development server behaves.

    Attributes:
        tokens: The accepted bearer tokens.
        faults: Whether the ``X-OctoAI-Fault`` header and the request log are enabled.
        cold_start: Seconds after start during which the server answers 503.
        retention: Seconds an asynchronous result is kept after it finishes.
        spec_path: The ``openapi.yaml`` that requests are validated against; None finds it.
        data_dir: Where assets, tunes and files are kept; None uses a temporary directory
            that is removed when the server stops.
        asset_ready_seconds: How long an uploaded asset is validated before it is ``ready``.
        tune_pending_seconds: How long a new tune stays ``pending``.
        tune_seconds: How long a tune then runs before it succeeds.
        url_seconds: How long signed upload and download URLs are valid.
        max_upload_bytes: The largest file one upload may carry.
        test_clock: Whether the server's clock is a `clock.ControlledClock` that
            ``POST /_devserver/clock`` advances, for tests.
    """

    tokens: tuple[str, ...] = (DEFAULT_TOKEN,)
    faults: bool = False
    cold_start: float = 0.0
    retention: float = float(ASYNC_RESULT_RETENTION_SECONDS)
    spec_path: Path | None = None
    data_dir: Path | None = None
    asset_ready_seconds: float = DEFAULT_ASSET_READY_SECONDS
    tune_pending_seconds: float = DEFAULT_TUNE_PENDING_SECONDS
    tune_seconds: float = DEFAULT_TUNE_SECONDS
    url_seconds: float = DEFAULT_URL_SECONDS
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    test_clock: bool = False
