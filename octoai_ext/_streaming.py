"""Typed iteration over server-sent event streams, for the sync and asyncio clients.

Both classes feed raw bytes to the transport-free `EventStream` and turn each JSON payload into
a result with `parse`. Whatever ends the iteration early (break, an exception, `close()`)
closes the response so the connection goes back to the pool. A stream that breaks, ends
without its terminator or carries an error event raises `StreamError` saying how many events
arrived; one that stays silent past the idle timeout raises `OctoAITimeoutError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from ._errors import OctoAIError, OctoAITimeoutError, StreamError, request_id_of, scrub
from ._flows import Call
from ._sse import EventStream, StreamEventError, StreamProtocolError, StreamTerminator

T = TypeVar("T")
Parse = Callable[[dict[str, Any]], T]

__all__ = ["AsyncStream", "Stream", "StreamPlan"]


# What a parser raises for an event of the wrong shape (the generated `from_dict` included).
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)
# Everything that can end a stream early; one handler turns each into our exception.
_STREAM_FAILURES = (httpx.HTTPError, StreamProtocolError, *_SHAPE_ERRORS)


@dataclass(frozen=True, slots=True)
class StreamPlan(Generic[T]):
    """A streaming request and how to read its answer: decided once, for both clients."""

    call: Call
    parse: Parse[T]
    terminator: StreamTerminator

    def reader(self, secret: str | None) -> _Reader[T]:
        """Fresh reading state for one answer to this request."""
        return _Reader(self.parse, self.terminator, secret)


class _Reader(Generic[T]):
    """The state both flavours share: the decoder, the parser and the error translation."""

    def __init__(self, parse: Parse[T], terminator: StreamTerminator, secret: str | None) -> None:
        self.events = EventStream(terminator=terminator)
        self.parse = parse
        self.secret = secret
        self.response: httpx.Response | None = None

    def error(self, message: str, cls: type[StreamError] = StreamError) -> StreamError:
        response = self.response
        return cls(
            scrub(message, self.secret),
            status_code=response.status_code if response is not None else None,
            request_id=request_id_of(response.headers) if response is not None else None,
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
        if isinstance(exc, httpx.TimeoutException):
            return OctoAITimeoutError(
                f"the stream went silent for longer than the idle timeout after {count} events",
                request_id=self.error("").request_id,
            )
        return self.error(
            f"the connection broke after {count} events ({type(exc).__name__}: {exc}); "
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


class Stream(Iterator[T]):
    """An iterator of typed events from one streamed answer; also a context manager."""

    def __init__(self, response: httpx.Response, reader: _Reader[T]) -> None:
        reader.response = response
        self._response = response
        self._reader = reader
        # A plain function, not a method: the generator must not refer back to the stream, so
        # that dropping the stream (a `break` out of a `for` loop) closes the response at once.
        self._iterator = _iterate(response, reader)

    @property
    def request_id(self) -> str | None:
        """The `X-User-Request-ID` of the answer."""
        return request_id_of(self._response.headers)

    def __next__(self) -> T:
        return next(self._iterator)

    def __iter__(self) -> Iterator[T]:
        # A `for` loop then resumes the generator directly, without a method call per event.
        return self._iterator

    def close(self) -> None:
        """Stop reading and release the connection."""
        self._iterator.close()
        self._response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _iterate(response: httpx.Response, reader: _Reader[T]) -> Generator[T, None, None]:
    # The hot loop of every sync stream: locals only, one handler outside the loop.
    events, parse = reader.events, reader.parse
    try:
        for chunk in _chunks_of(response):
            for payload in events.feed(chunk):
                yield parse(payload)
            if events.finished:
                return
        events.close()
    except _STREAM_FAILURES as exc:
        raise reader.translate(exc) from None
    finally:
        response.close()


class AsyncStream(AsyncIterator[T]):
    """An async iterator of typed events; `await` it to send the request before iterating."""

    def __init__(self, opener: Callable[[], Awaitable[httpx.Response]], reader: _Reader[T]) -> None:
        self._opener = opener
        self._reader = reader
        self._response: httpx.Response | None = None
        self._iterator: AsyncIterator[T] | None = None
        self._closed = False

    @property
    def request_id(self) -> str | None:
        """The `X-User-Request-ID` of the answer, once the request was sent."""
        return request_id_of(self._response.headers) if self._response is not None else None

    async def _open(self) -> httpx.Response:
        if self._response is None:
            if self._closed:
                raise StreamError("the stream was closed before it was read")
            self._response = await self._opener()
            self._reader.response = self._response
        return self._response

    async def _iterate(self) -> AsyncIterator[T]:
        response = await self._open()
        reader = self._reader
        events, parse = reader.events, reader.parse
        try:
            async for chunk in _achunks_of(response):
                for payload in events.feed(chunk):
                    yield parse(payload)
                if events.finished:
                    return
            events.close()
        except _STREAM_FAILURES as exc:
            raise reader.translate(exc) from None
        finally:
            await response.aclose()

    def __await__(self) -> Generator[Any, None, Self]:
        return self._await_open().__await__()

    async def _await_open(self) -> Self:
        await self._open()
        return self

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> T:
        if self._iterator is None:
            self._iterator = self._iterate()
        return await self._iterator.__anext__()

    async def aclose(self) -> None:
        """Stop reading and release the connection."""
        self._closed = True
        if self._iterator is not None:
            await self._iterator.aclose()  # type: ignore[attr-defined]
        if self._response is not None:
            await self._response.aclose()

    async def __aenter__(self) -> Self:
        await self._open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
