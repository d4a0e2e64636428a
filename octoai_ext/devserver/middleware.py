"""ASGI middleware: a request id on every response, and the request log for tests."""

from __future__ import annotations

import uuid
from collections import deque
from typing import Any, Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._constants import REQUEST_ID_HEADER
from .faults import FAULT_HEADER, FaultError, parse_faults

__all__ = ["LOG_PREFIX", "RequestLog", "RequestMiddleware"]

#: Paths under this prefix belong to the server itself: not in the spec, not logged.
LOG_PREFIX: Final = "/_devserver/"
_LOG_SIZE: Final = 1000


class RequestLog:
    """The last requests the server received, without credentials."""

    def __init__(self, size: int = _LOG_SIZE) -> None:
        # Each entry as answered, with the key of its fault header (None without one).
        self._entries: deque[tuple[dict[str, Any], str | None]] = deque(maxlen=size)

    def record(self, scope: Scope) -> None:
        """Remember one request: method, path, whether it had a token, and its fault header."""
        headers = {name.lower(): value for name, value in scope.get("headers", [])}
        raw = headers.get(FAULT_HEADER.lower().encode("latin-1"))
        fault = raw.decode("latin-1") if raw is not None else None
        entry = {
            "method": scope["method"],
            "path": scope["path"],
            "has_authorization": b"authorization" in headers,
            "fault": fault,
        }
        # The key is parsed once here, not for every remembered request on every read.
        self._entries.append((entry, _fault_key(fault)))

    def entries(self, fault_key: str | None = None) -> list[dict[str, Any]]:
        """Return the remembered requests, oldest first.

        Args:
            fault_key: Only the requests whose fault header has this ``key`` (given or
                defaulted), so a test can pick its own requests out of a shared log.
        """
        return [entry for entry, key in self._entries if fault_key is None or key == fault_key]

    def clear(self) -> None:
        """Forget every request."""
        self._entries.clear()


def _fault_key(header: str | None) -> str | None:
    if header is None:
        return None
    try:
        return parse_faults(header).key
    except FaultError:
        return None


class RequestMiddleware:
    """Adds ``X-User-Request-ID`` to every response and records requests in the log."""

    def __init__(self, app: ASGIApp, log: RequestLog | None) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one ASGI connection."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.log is not None and not scope["path"].startswith(LOG_PREFIX):
            self.log.record(scope)
        request_id = str(uuid.uuid4()).encode("latin-1")

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.lower().encode("latin-1"), request_id))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_id)
