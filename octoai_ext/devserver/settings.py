"""The development server's settings and documented defaults (no heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .._constants import ASYNC_RESULT_RETENTION_SECONDS

__all__ = ["DEFAULT_TOKEN", "ServerSettings"]

#: The token the server accepts when no ``--token`` is given. It guards nothing: the server is
#: for local development and tests only.
DEFAULT_TOKEN: Final = "devserver-token"  # noqa: S105 - a documented public test value


@dataclass(frozen=True)
class ServerSettings:
    """How one development server behaves.

    Attributes:
        tokens: The accepted bearer tokens.
        faults: Whether the ``X-OctoAI-Fault`` header and the request log are enabled.
        cold_start: Seconds after start during which the server answers 503.
        retention: Seconds an asynchronous result is kept after it finishes.
        spec_path: The ``openapi.yaml`` that requests are validated against; None finds it.
        test_clock: Whether the server's clock is a `clock.ControlledClock` that
            ``POST /_devserver/clock`` advances, for tests.
    """

    tokens: tuple[str, ...] = (DEFAULT_TOKEN,)
    faults: bool = False
    cold_start: float = 0.0
    retention: float = float(ASYNC_RESULT_RETENTION_SECONDS)
    spec_path: Path | None = None
    test_clock: bool = False
