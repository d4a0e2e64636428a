"""The steps every operation goes through: token, faults, cold start, body, validation."""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response

from .._constants import ASYNC_HEADER, MAX_ASYNC_REQUEST_BYTES
from .armed import ArmedFaults
from .clock import Clock
from .faults import FAULT_HEADER, FaultCounter, FaultError, Faults, parse_faults
from .responses import error_response, json_response, validation_error
from .settings import ServerSettings
from .validation import SpecValidator

__all__ = ["MAX_BODY_BYTES", "Call", "Handler", "Operation", "Pipeline"]

#: Synchronous request bodies above this size are refused (413) rather than buffered.
MAX_BODY_BYTES: Final = 64 * 1024 * 1024
# A body over the limit is still read (and dropped) up to this size, so the client gets to
# read the 413 instead of failing to send.
_DRAIN_BYTES: Final = 256 * 1024 * 1024
_MALFORMED_JSON: Final = b'{"choices": [{"index": 0, "message": '


class _TooLargeError(Exception):
    pass


@dataclass(frozen=True)
class Call:
    """A request that passed the common steps, as a handler sees it.

    Attributes:
        request: The request.
        body: The parsed JSON body (None without a body).
        faults: The fault directives that apply to it, if any.
        is_async: Whether it asked for asynchronous inference.
        received_at: When the server took it up, on the server's clock (after a ``delay``
            directive). An inference's time counts from here rather than from when its
            handler starts to wait, so an advance made as soon as the request shows in the
            log covers all of it.
    """

    request: Request
    body: Any
    faults: Faults | None
    is_async: bool
    received_at: float

    @property
    def base_url(self) -> str:
        """The scheme, host and port the client used, without a trailing slash."""
        return str(self.request.base_url).rstrip("/")


Handler = Callable[[Call], Awaitable[Response]]


@dataclass(frozen=True)
class Operation:
    """One operation of the spec and how the pipeline treats it.

    Attributes:
        handler: Answers the call.
        needs_token: Whether a bearer token is required.
        cold: Whether the operation answers 503 during the cold start.
        params_not_found: Whether a path parameter that breaks the spec means "not found"
            (404) rather than a validation failure (422).
        raw_body: Whether the handler reads the body itself (uploads), so the pipeline neither
            reads nor validates it.
    """

    handler: Handler
    needs_token: bool = True
    cold: bool = True
    params_not_found: bool = False
    raw_body: bool = False


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class Pipeline:
    """Runs the common steps, then the operation's handler."""

    def __init__(self, settings: ServerSettings, validator: SpecValidator, clock: Clock) -> None:
        self.settings = settings
        self.validator = validator
        self.clock = clock
        self.counter = FaultCounter()
        self.armed = ArmedFaults()
        self.ready_at = clock.now() + settings.cold_start

    def endpoint(self, operation: Operation) -> Callable[[Request], Awaitable[Response]]:
        """Return the Starlette endpoint of an operation."""

        async def run(request: Request) -> Response:
            return await self.run(operation, request)

        return run

    def cold(self) -> bool:
        """Whether the server is still cold-starting."""
        return self.clock.now() < self.ready_at

    def _authorized(self, request: Request) -> bool:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        given = token.strip().encode("utf-8")
        return any(
            hmac.compare_digest(given, known.encode("utf-8")) for known in self.settings.tokens
        )

    async def run(self, operation: Operation, request: Request) -> Response:
        """Answer one request."""
        if operation.needs_token and not self._authorized(request):
            return error_response(401, "Missing or invalid bearer token.", "authentication_error")
        faults: Faults | None = None
        header = request.headers.get(FAULT_HEADER)
        if self.settings.faults and header:
            try:
                parsed = parse_faults(header)
            except FaultError as error:
                return error_response(400, str(error), "invalid_request_error", param=FAULT_HEADER)
            if self.counter.applies(parsed):
                faults = parsed
        elif self.settings.faults:
            # Requests a test cannot add a header to (uploads to signed URLs) take armed faults.
            faults = self.armed.take(request.method, request.url.path)
        if faults is not None and (early := await self._early_fault(faults)) is not None:
            return early
        received_at = self.clock.now()
        if operation.cold and self.cold():
            return error_response(
                503,
                "The endpoint is starting up.",
                "service_unavailable",
                headers={"Retry-After": "1"},
            )
        is_async = request.headers.get(ASYNC_HEADER, "").strip() == "1"
        if operation.raw_body:
            return await operation.handler(Call(request, None, faults, is_async, received_at))
        try:
            raw = await _read_body(request, MAX_ASYNC_REQUEST_BYTES if is_async else MAX_BODY_BYTES)
        except _TooLargeError:
            limit = "10 MB" if is_async else "64 MB"
            kind = "Asynchronous inference requests" if is_async else "Requests"
            return error_response(413, f"{kind} are limited to {limit}.", "request_too_large")
        body: Any = None
        if raw:
            try:
                body = json.loads(raw, parse_constant=_no_constants)
            except ValueError:
                return error_response(
                    400, "The request body is not valid JSON.", "invalid_request_error"
                )
        if (refusal := self._validate(operation, request, raw or None)) is not None:
            return refusal
        return await operation.handler(Call(request, body, faults, is_async, received_at))

    async def _early_fault(self, faults: Faults) -> Response | None:
        # Real time, not the server's clock: a delay stands for a slow network (see `clock`).
        if faults.delay:
            await asyncio.sleep(faults.delay)
        if faults.status is not None:
            headers = {"Retry-After": faults.retry_after} if faults.retry_after else None
            if faults.status in {204, 304}:
                return Response(status_code=faults.status, headers=headers)
            return error_response(
                faults.status, f"injected fault {faults.status}", "injected_fault", headers=headers
            )
        if faults.malformed == "json":
            return Response(_MALFORMED_JSON, media_type="application/json")
        if faults.malformed == "shape":
            return json_response({"unexpected": True})
        return None

    def _validate(
        self, operation: Operation, request: Request, raw: bytes | None
    ) -> Response | None:
        try:
            problems = self.validator.validate(
                method=request.method,
                path=request.url.path,
                headers=request.headers,
                query=request.query_params,
                body=raw,
            )
        except LookupError:
            # Methods the router adds by itself (HEAD) have no operation of their own.
            return None
        if not problems:
            return None
        if operation.params_not_found and any(p.loc[0] == "path" for p in problems):
            name = next(str(p.loc[1]) for p in problems if p.loc[0] == "path")
            return error_response(
                404,
                f"No such {name}: {request.path_params.get(name)}",
                "not_found_error",
                param=name,
            )
        return validation_error(problems)


async def _read_body(request: Request, limit: int) -> bytes:
    """Read the body, refusing one over ``limit`` without keeping more than ``limit`` bytes.

    Raises:
        _TooLargeError: The declared or actual size is over the limit.
    """
    declared = request.headers.get("content-length", "")
    too_large = declared.isdigit() and int(declared) > limit
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            too_large = True
            chunks.clear()
        if too_large:
            if size > _DRAIN_BYTES:
                break
            continue
        chunks.append(chunk)
    if too_large:
        raise _TooLargeError
    return b"".join(chunks)
