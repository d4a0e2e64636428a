"""Typed iteration over server-sent event streams, for the sync and asyncio clients.

Both classes feed raw bytes to the transport-free `EventStream` and turn each JSON payload into
a result with `parse`. A stream that breaks, ends without its terminator or carries an error
event raises `StreamError` saying how many events arrived; one that stays silent past the idle
timeout raises `OctoAITimeoutError`.

The response is released on every path. The reading generator is started (primed) as soon as
the stream exists, so that it owns the response from then on: whoever drops it last (the
`Stream` never iterated, or the `for` loop left with `break`) triggers its cleanup at once,
without waiting for the garbage collector, because nothing refers back to the stream. After the
terminator, the (normally empty) rest of the body is read, briefly and within a small budget,
so the connection goes back to the pool instead of being closed.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, Final, Generic, Self, TypeVar

import httpx

from ._closing import AsyncClosedOnExit, ClosedOnExit
from ._deadline import deadline_scope
from ._errors import (
    OctoAIError,
    OctoAITimeoutError,
    StreamError,
    request_id_of,
    scrub,
    transport_failure,
)
from ._flows import Call
from ._sse import EventStream, StreamEventError, StreamProtocolError, StreamTerminator

T = TypeVar("T")
Parse = Callable[[dict[str, Any]], T]

__all__ = ["AsyncStream", "Stream", "StreamPlan"]

# What a parser raises for an event of the wrong shape (the generated `from_dict` included).
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)
# Everything that can end a stream early; one handler turns each into our exception.
_STREAM_FAILURES = (httpx.HTTPError, StreamProtocolError, *_SHAPE_ERRORS)
#: After the terminator, read at most this much of the rest of the body for keep-alive...
_DRAIN_BYTES: Final = 64 * 1024
#: ...for at most this long, then close the connection instead.
_DRAIN_SECONDS: Final = 1.0


@dataclass(frozen=True, slots=True)
class StreamPlan(Generic[T]):
    """A streaming request and how to read its answer: decided once, for both clients.

    Attributes:
        call: The request and its retry rules.
        budget: Seconds to open the stream (retries included), None for no limit.
        parse: Turns each JSON payload into the value the stream yields.
        terminator: How the stream says it is complete.
    """

    call: Call
    budget: float | None
    parse: Parse[T]
    terminator: StreamTerminator

    def reader(self, response: httpx.Response, secret: str | None) -> _Reader[T]:
        """Fresh reading state for one answer to this request."""
        return _Reader(response, self.parse, self.terminator, secret)


class _Reader(Generic[T]):
    """The state both flavours share: the decoder, the parser and the error translation."""

    def __init__(
        self,
        response: httpx.Response,
        parse: Parse[T],
        terminator: StreamTerminator,
        secret: str | None,
    ) -> None:
        self.response = response
        self.events = EventStream(terminator=terminator)
        self.parse = parse
        self.secret = secret

    def error(self, message: str) -> StreamError:
        return StreamError(
            scrub(message, self.secret),
            status_code=self.response.status_code,
            request_id=request_id_of(self.response.headers),
            events_received=self.events.events_received,
        )

    def translate(self, exc: Exception) -> OctoAIError:
        """The exception to raise for whatever ended a stream early."""
        count = self.events.events_received
        if isinstance(exc, _SHAPE_ERRORS):
            return self.error(
                f"event {count} does not have the documented shape ({type(exc).__name__}: {exc})"
            )
        if isinstance(exc, StreamEventError):
            error = self.error(f"the server reported an error in the stream: {exc.message}")
            error.body = exc.payload
            return error
        if isinstance(exc, StreamProtocolError):
            return self.error(str(exc))
        assert isinstance(exc, httpx.HTTPError)  # noqa: S101 - the last of _STREAM_FAILURES
        failure = transport_failure(exc)
        if failure.error_class is OctoAITimeoutError:
            return OctoAITimeoutError(
                f"the stream went silent for longer than the idle timeout after {count} events",
                request_id=request_id_of(self.response.headers),
            )
        return self.error(
            f"the connection broke after {count} events ({failure.description}); "
            "the answer is incomplete"
        )


def _chunks_of(response: httpx.Response) -> Iterator[bytes]:
    # Raw reads skip httpx's decoder layer, a cost paid per event on a stream; a compressed
    # stream still goes through it.
    if "content-encoding" in response.headers:
        return response.iter_bytes()
    return response.iter_raw()


def _achunks_of(response: httpx.Response) -> AsyncIterator[bytes]:
    if "content-encoding" in response.headers:
        return response.aiter_bytes()
    return response.aiter_raw()


def _drain(chunks: Iterator[bytes]) -> None:
    # Only with the deadline layer under the transport: it bounds a read that would hang.
    budget = _DRAIN_BYTES
    try:
        with deadline_scope(_DRAIN_SECONDS):
            for chunk in chunks:
                budget -= len(chunk)
                if budget < 0:
                    return
    except httpx.HTTPError:
        return  # the caller closes the response, and with it the connection


def _iterate(
    response: httpx.Response, reader: _Reader[T], drain: bool
) -> Generator[T | None, None, None]:
    # The hot loop of every sync stream: locals only, one handler outside the loop.
    events, parse = reader.events, reader.parse
    try:
        yield None  # the priming step: from here on, dropping the generator closes the response
        chunks = _chunks_of(response)
        for chunk in chunks:
            for payload in events.feed(chunk):
                yield parse(payload)
            if events.finished:
                if drain:
                    _drain(chunks)
                return
        events.close()
    except _STREAM_FAILURES as exc:
        raise reader.translate(exc) from None
    finally:
        response.close()


class Stream(Iterator[T], ClosedOnExit):
    """An iterator of typed events from one streamed answer; also a context manager.

    Leaving a `for` loop over a stream that nothing else holds, closing it, leaving its `with`
    block, an exception, or dropping it unread all release the connection at once.
    """

    def __init__(self, response: httpx.Response, reader: _Reader[T], *, drain: bool) -> None:
        self._response = response
        # A plain function, not a method: the generator must not refer back to the stream, so
        # that dropping the stream (a `break` out of a `for` loop) closes the response at once.
        iterator = _iterate(response, reader, drain)
        next(iterator)
        self._iterator: Iterator[T] = iterator  # type: ignore[assignment]

    @property
    def response(self) -> httpx.Response:
        """The HTTP answer, its body being read as the stream is iterated."""
        return self._response

    @property
    def request_id(self) -> str | None:
        """The request id of the answer (`X-User-Request-ID`, or `x-request-id`)."""
        return request_id_of(self._response.headers)

    def __next__(self) -> T:
        return next(self._iterator)

    def __iter__(self) -> Iterator[T]:
        # A `for` loop then resumes the generator directly, without a method call per event.
        return self._iterator

    def close(self) -> None:
        """Stop reading and release the connection."""
        self._iterator.close()  # type: ignore[attr-defined]
        self._response.close()


async def _adrain(chunks: AsyncIterator[bytes]) -> None:
    import asyncio  # loaded only by the asyncio client, which has it loaded already

    budget = _DRAIN_BYTES
    try:
        async with asyncio.timeout(_DRAIN_SECONDS):
            async for chunk in chunks:
                budget -= len(chunk)
                if budget < 0:
                    return
    except (httpx.HTTPError, TimeoutError):
        return


async def _aiterate(response: httpx.Response, reader: _Reader[T]) -> AsyncGenerator[T | None, None]:
    events, parse = reader.events, reader.parse
    try:
        # The priming step: once started, a dropped generator is closed by asyncio's
        # async-generator finalizer, which closes the response.
        yield None
        chunks = _achunks_of(response)
        async for chunk in chunks:
            for payload in events.feed(chunk):
                yield parse(payload)
            if events.finished:
                await _adrain(chunks)
                return
        events.close()
    except _STREAM_FAILURES as exc:
        raise reader.translate(exc) from None
    finally:
        await response.aclose()


class AsyncStream(AsyncIterator[T], AsyncClosedOnExit):
    """An async iterator of typed events from one streamed answer; also an async context manager.

    The clients return it already opened (the request was sent and answered 2xx).
    """

    def __init__(self, response: httpx.Response, reader: _Reader[T]) -> None:
        self._response = response
        self._iterator: AsyncGenerator[T, None] = _aiterate(response, reader)  # type: ignore[assignment]

    async def _start(self) -> Self:
        await self._iterator.__anext__()  # the priming step of `_aiterate`
        return self

    @property
    def response(self) -> httpx.Response:
        """The HTTP answer, its body being read as the stream is iterated."""
        return self._response

    @property
    def request_id(self) -> str | None:
        """The request id of the answer (`X-User-Request-ID`, or `x-request-id`)."""
        return request_id_of(self._response.headers)

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def aclose(self) -> None:
        """Stop reading and release the connection."""
        await self._iterator.aclose()
        await self._response.aclose()
