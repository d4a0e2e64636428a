"""Fault directives armed on the server for requests a test cannot add a header to.

A client's upload to a signed URL carries no ``X-OctoAI-Fault`` header of the test's, so a
test arms the directives instead (``POST /_devserver/faults``); they apply to the next
requests whose path starts with the armed prefix.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .faults import FaultError, Faults, parse_faults
from .responses import error_response, json_response

__all__ = ["ArmedFault", "ArmedFaults", "fault_routes"]


@dataclass
class ArmedFault:
    """Directives waiting for matching requests.

    Attributes:
        path_prefix: Requests whose path starts with this are affected.
        method: Only requests with this method (upper case), or any when None.
        faults: The directives.
        remaining: How many more requests are affected (the directives' ``times``), or None
            for every one.
    """

    path_prefix: str
    method: str | None
    faults: Faults
    remaining: int | None

    def to_dict(self) -> dict[str, Any]:
        """Describe it, for ``GET /_devserver/faults``."""
        return {
            "path": self.path_prefix,
            "method": self.method,
            "directive": self.faults.key,
            "remaining": self.remaining,
        }


class ArmedFaults:
    """The armed directives, oldest first; the first match applies."""

    def __init__(self) -> None:
        self._armed: list[ArmedFault] = []
        self._lock = threading.Lock()

    def arm(self, path_prefix: str, faults: Faults, method: str | None = None) -> ArmedFault:
        """Arm directives for the next requests under ``path_prefix``."""
        armed = ArmedFault(path_prefix, method.upper() if method else None, faults, faults.times)
        if armed.remaining != 0:
            with self._lock:
                self._armed.append(armed)
        return armed

    def take(self, method: str, path: str) -> Faults | None:
        """Return the directives for this request, counting it; None when nothing is armed."""
        with self._lock:
            for armed in self._armed:
                if path.startswith(armed.path_prefix) and armed.method in (None, method.upper()):
                    if armed.remaining is not None:
                        armed.remaining -= 1
                        if armed.remaining <= 0:
                            self._armed.remove(armed)
                    return armed.faults
        return None

    def entries(self) -> list[dict[str, Any]]:
        """Describe every armed directive, oldest first."""
        with self._lock:
            return [armed.to_dict() for armed in self._armed]

    def clear(self) -> None:
        """Disarm everything."""
        with self._lock:
            self._armed.clear()


def fault_routes(armed: ArmedFaults, path: str) -> list[Route]:
    """The route that arms (``POST``), lists (``GET``) and clears (``DELETE``) directives.

    ``POST`` takes ``{"path": "/_objects/", "directive": "status=503;times=2"}`` and
    optionally ``"method": "PUT"``; it answers the armed entry (201).
    """

    async def faults(request: Request) -> Response:
        if request.method == "DELETE":
            armed.clear()
            return Response(status_code=204)
        if request.method == "GET":
            return json_response(armed.entries())
        try:
            body = await request.json()
        except ValueError:
            return error_response(400, "The body is not JSON.", "invalid_request_error")
        prefix, directive = body.get("path"), body.get("directive")
        method = body.get("method")
        if not isinstance(prefix, str) or not prefix.startswith("/"):
            return error_response(
                400, "path must be a path prefix such as /_objects/.", "invalid_request_error"
            )
        if not isinstance(directive, str) or not (method is None or isinstance(method, str)):
            return error_response(
                400, "directive (and method, if given) must be strings.", "invalid_request_error"
            )
        try:
            parsed = parse_faults(directive)
        except FaultError as error:
            return error_response(400, str(error), "invalid_request_error", param="directive")
        return json_response(armed.arm(prefix, parsed, method).to_dict(), 201)

    return [Route(path, faults, methods=["GET", "POST", "DELETE"])]
