"""Response metadata for `client.with_raw_response`: headers, status, request id, retries.

A raw-response method runs the same flow as the plain one while a recorder is active (a
context variable); the client's driver notes each HTTP answer there. The plain path pays one
context-variable read per call and nothing else.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, Generic, ParamSpec, TypeVar

import httpx

from ._errors import OctoAIError, request_id_of

__all__ = ["APIResponse", "Recorder", "raw_async", "raw_sync"]

T = TypeVar("T")
P = ParamSpec("P")


class Recorder:
    """Collects the last HTTP answer of an operation and the retries it took."""

    __slots__ = ("response", "retries_taken", "started")

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.response: httpx.Response | None = None
        self.retries_taken = 0

    def record(self, response: httpx.Response, attempt: int) -> None:
        """Note an answer; `attempt` is the number of retries made before it."""
        self.response = response
        self.retries_taken = attempt

    def finish(self, value: T) -> APIResponse[T]:
        """The metadata and value of the finished operation."""
        if self.response is None:
            raise OctoAIError("the call finished without any HTTP answer to describe")
        elapsed = time.monotonic() - self.started
        return APIResponse(value, self.response, self.retries_taken, elapsed)


#: The recorder of the raw-response call in progress, if any.
RECORDER: ContextVar[Recorder | None] = ContextVar("octoai_ext_recorder", default=None)


class APIResponse(Generic[T]):
    """The HTTP answer behind a call, with the call's result.

    For an operation that made several requests (a wait, a health check, a paged listing),
    the metadata is that of the last answer it read.

    Attributes:
        http_response: The `httpx.Response` (its body already read, except for streams).
        retries_taken: Retries made before the answer that counted.
        elapsed: Seconds the whole call took, retries and pauses included.
    """

    def __init__(
        self, value: T, http_response: httpx.Response, retries_taken: int, elapsed: float
    ) -> None:
        self._value = value
        self.http_response = http_response
        self.retries_taken = retries_taken
        self.elapsed = elapsed

    def parse(self) -> T:
        """The result the plain method returns (a model, a dict, a stream, ...)."""
        return self._value

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers."""
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        """The answer's HTTP status."""
        return self.http_response.status_code

    @property
    def request_id(self) -> str | None:
        """The request id (`X-User-Request-ID`, else `x-request-id`), to quote in bug reports."""
        return request_id_of(self.http_response.headers)

    @property
    def url(self) -> httpx.URL:
        """The URL of the request that was answered."""
        return self.http_response.request.url

    @property
    def method(self) -> str:
        """The method of the request that was answered."""
        return self.http_response.request.method

    @property
    def content(self) -> bytes:
        """The raw body (for a stream: only what was read so far; iterate the stream)."""
        return self.http_response.content

    @property
    def text(self) -> str:
        """The body as text."""
        return self.http_response.text

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.http_response.content)

    def __repr__(self) -> str:
        return (
            f"<APIResponse [{self.status_code}] {self.method} {self.url} "
            f"request_id={self.request_id!r} retries_taken={self.retries_taken}>"
        )


def raw_sync(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Wrap a sync client method so it returns an `APIResponse` of its result."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        recorder = Recorder()
        token = RECORDER.set(recorder)
        try:
            value = method(*args, **kwargs)
        finally:
            RECORDER.reset(token)
        return recorder.finish(value)

    return wrapper


def raw_async(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[APIResponse[T]]]:
    """Wrap an asyncio client method so it returns an `APIResponse` of its result."""

    @functools.wraps(method)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        recorder = Recorder()
        token = RECORDER.set(recorder)
        try:
            value = await method(*args, **kwargs)
        finally:
            RECORDER.reset(token)
        return recorder.finish(value)

    return wrapper
