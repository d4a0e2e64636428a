"""The server's own routes under ``/_devserver/``, for tests: the request log and the clock.

They are not in ``openapi.yaml``, need no token and are not logged. Each exists only when its
option is on (``--faults`` for the log, ``--test-clock`` for the clock); otherwise the path
answers 404 like any unknown one.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .clock import ControlledClock
from .middleware import LOG_PREFIX, RequestLog
from .responses import error_response, json_response

__all__ = ["clock_routes", "log_routes"]


def log_routes(log: RequestLog) -> list[Route]:
    """``GET /_devserver/requests`` (optionally ``?fault_key=KEY``) and ``DELETE`` to clear."""

    async def requests(request: Request) -> Response:
        if request.method == "DELETE":
            log.clear()
            return Response(status_code=204)
        return json_response(log.entries(request.query_params.get("fault_key")))

    return [Route(f"{LOG_PREFIX}requests", requests, methods=["GET", "DELETE"])]


def _seconds(body: Any) -> float:
    """The ``advance`` of a body.

    Raises:
        TypeError: It is not a number. Negative, infinite and NaN numbers pass: the clock
            refuses them itself (`ControlledClock.advance` raises ValueError).
    """
    seconds = body.get("advance") if isinstance(body, dict) else None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise TypeError(f"not a number of seconds: {seconds!r}")
    return float(seconds)


def clock_routes(clock: ControlledClock) -> list[Route]:
    """``GET /_devserver/clock`` reads the clock; ``POST`` with ``{"advance": S}`` moves it."""

    def reading() -> Response:
        return json_response(
            {
                "now": clock.now(),
                "wall": clock.wall().isoformat(),
                "advanced": clock.advanced,
                "sleeping": clock.sleeping,
            }
        )

    async def control(request: Request) -> Response:
        if request.method == "POST":
            try:
                body = json.loads(await request.body())
            except ValueError:
                body = None
            try:
                await clock.advance(_seconds(body))
            except (TypeError, ValueError):
                return error_response(
                    400,
                    'The body must be {"advance": <seconds>}, a finite number of seconds, '
                    "zero or more: the clock only moves forward.",
                    "invalid_request_error",
                    param="advance",
                )
        return reading()

    return [Route(f"{LOG_PREFIX}clock", control, methods=["GET", "POST"])]
