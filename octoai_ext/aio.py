"""`AsyncOctoAI`, the asyncio client: the same methods as `OctoAI`, as coroutines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, Unpack, overload

import httpx

from . import _constants as c
from . import _health, _polling
from ._base import ClientBase
from ._errors import OctoAIClientError, OctoAIError
from ._flows import Flow, Send
from ._futures import InferenceFuture
from ._params import ChatParams, CompletionParams, InferOptions, Message
from ._streaming import AsyncStream, StreamPlan

if TYPE_CHECKING:
    from ._generated import (
        ChatCompletionChunk,
        ChatCompletionResponse,
        CompletionResponse,
    )

__all__ = ["AsyncOctoAI"]

T = TypeVar("T")

#: Polls in flight at once in `as_completed`, so thousands of futures share a bounded pool.
_AS_COMPLETED_CONCURRENCY = 50


class AsyncOctoAI(ClientBase[httpx.AsyncClient]):
    """The asyncio OctoAI client; it takes the same arguments as `OctoAI`.

    `httpx_client`, if given, must be an `httpx.AsyncClient`. Use `async with` or `await aclose()`.
    """

    _http_class = httpx.AsyncClient

    def __init__(self, token: str | None = None, **kwargs: Any) -> None:
        super().__init__(token, **kwargs)
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self.text_gen = AsyncTextGen(self)
        self.chat = AsyncChat(self)

    async def _drive(self, flow: Flow[T], limiter: asyncio.Semaphore | None = None) -> T:
        """Run a flow: await each `Send` on the pool and each `Sleep` with `asyncio.sleep`."""
        http = self._http
        outcome: httpx.Response | httpx.HTTPError | None = None
        try:
            while True:
                step = flow.send(outcome)
                if type(step) is Send:
                    try:
                        if limiter is None:
                            outcome = await http.send(step.request, stream=step.stream)
                        else:
                            async with limiter:
                                outcome = await http.send(step.request, stream=step.stream)
                        if step.stream and outcome.status_code >= 300:
                            await outcome.aread()
                    except httpx.HTTPError as exc:
                        outcome = exc
                else:
                    await self._sleep(step.seconds)  # type: ignore[union-attr]
                    outcome = None
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _stream(self, plan: StreamPlan[T]) -> AsyncStream[T]:
        async def open_response() -> httpx.Response:
            return await self._drive(self._core.open_stream(plan.call))

        return AsyncStream(open_response, plan.reader(self._core.secret))

    async def infer(
        self,
        endpoint_url: str,
        inputs: Mapping[str, Any],
        **options: Unpack[InferOptions],
    ) -> dict[str, Any]:
        """Send JSON `inputs` to an endpoint and return its JSON outputs (see `OctoAI.infer`)."""
        spec = self._core.infer_call(endpoint_url, inputs, **options)
        return await self._drive(self._core.infer(spec))

    def infer_stream(
        self,
        endpoint_url: str,
        inputs: Mapping[str, Any],
        **options: Unpack[InferOptions],
    ) -> AsyncStream[dict[str, Any]]:
        """Stream an endpoint's events as dicts (see `OctoAI.infer_stream`); use `async for`."""
        return self._stream(self._core.infer_stream(endpoint_url, inputs, options))

    async def infer_async(
        self,
        endpoint_url: str,
        inputs: Mapping[str, Any],
        **options: Unpack[InferOptions],
    ) -> InferenceFuture:
        """Queue an inference and return its future (see `OctoAI.infer_async`)."""
        spec = self._core.infer_call(endpoint_url, inputs, queue=True, **options)
        return await self._drive(self._core.infer_async(spec))

    async def get_future_status(self, future: InferenceFuture) -> str:
        """The current status (see `OctoAI.get_future_status`)."""
        return (await self._drive(_polling.status(self._core, future))).status.value

    async def is_future_ready(self, future: InferenceFuture) -> bool:
        """True once the inference completed (see `OctoAI.is_future_ready`)."""
        return await self._drive(_polling.is_ready(self._core, future))

    async def get_future_result(self, future: InferenceFuture) -> dict[str, Any] | None:
        """The outputs, or None while not ready (see `OctoAI.get_future_result`)."""
        return await self._drive(_polling.result(self._core, future))

    async def wait(
        self,
        future: InferenceFuture,
        timeout: float | None = None,
        *,
        poll_interval: float = c.POLL_INITIAL_INTERVAL,
        max_poll_interval: float = c.POLL_MAX_INTERVAL,
    ) -> dict[str, Any]:
        """Poll until the inference completes and return its outputs (see `OctoAI.wait`)."""
        return await self._drive(
            _polling.wait(
                self._core,
                future,
                timeout=timeout,
                poll_interval=poll_interval,
                max_poll_interval=max_poll_interval,
            )
        )

    async def as_completed(
        self,
        futures: Iterable[InferenceFuture],
        *,
        timeout: float | None = None,
        return_exceptions: bool = False,
        max_concurrency: int = _AS_COMPLETED_CONCURRENCY,
        first_poll_delay: float = c.POLL_INITIAL_INTERVAL,
    ) -> AsyncIterator[tuple[InferenceFuture, dict[str, Any] | OctoAIError]]:
        """Yield `(future, outputs)` pairs in the order the inferences finish.

        Every future is polled with growing intervals over this client's one connection pool,
        with at most `max_concurrency` requests in flight. The futures are taken to be freshly
        submitted, so each is first polled after `first_poll_delay` seconds (0 for old ones).

        Args:
            futures: The futures to wait on.
            timeout: Seconds to wait for each future, None for no limit.
            return_exceptions: Yield `(future, error)` for a failed future instead of raising.
            max_concurrency: The most requests in flight at once.
            first_poll_delay: Seconds before each future's first poll.

        Raises:
            OctoAIError: The first failure, unless `return_exceptions`; other polls stop.
        """
        if max_concurrency < 1:
            raise OctoAIClientError("max_concurrency must be at least 1")
        limiter = asyncio.Semaphore(max_concurrency)

        async def resolve(
            future: InferenceFuture,
        ) -> tuple[InferenceFuture, dict[str, Any] | OctoAIError]:
            try:
                return future, await self._drive(
                    _polling.wait(
                        self._core, future, timeout=timeout, first_poll_delay=first_poll_delay
                    ),
                    limiter,
                )
            except OctoAIError as exc:
                if not return_exceptions:
                    raise
                return future, exc

        tasks = [asyncio.ensure_future(resolve(f)) for f in futures]
        try:
            for next_done in asyncio.as_completed(tasks):
                yield await next_done
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def health_check(
        self,
        endpoint_url: str,
        timeout: float = c.HEALTH_CHECK_TIMEOUT,
        interval: float = c.HEALTH_CHECK_INTERVAL,
    ) -> int:
        """GET a health URL until it answers below 500 (see `OctoAI.health_check`)."""
        return await self._drive(
            _health.health_check(self._core, endpoint_url, timeout=timeout, interval=interval)
        )

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as `httpx_client`)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class AsyncTextGen:
    """Chat and text completions: `client.text_gen` of `AsyncOctoAI`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._client = client

    async def create_chat_completion(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> ChatCompletionResponse:
        """Generate the next message of a conversation (see `TextGen.create_chat_completion`)."""
        return await self._client._drive(self._client._core.chat(model, messages, params))

    def create_chat_completion_stream(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> AsyncStream[ChatCompletionChunk]:
        """Stream the next message; `async for` over it (or `await` it first to send at once)."""
        return self._client._stream(self._client._core.chat_stream(model, messages, params))

    async def create_completion(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> CompletionResponse:
        """Continue a prompt (see `TextGen.create_completion`)."""
        return await self._client._drive(self._client._core.completion(model, prompt, params))

    def create_completion_stream(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> AsyncStream[CompletionResponse]:
        """Stream a completion; `async for` over it."""
        return self._client._stream(self._client._core.completion_stream(model, prompt, params))


class AsyncCompletions:
    """`client.chat.completions` of `AsyncOctoAI`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._text_gen = client.text_gen

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[False] = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse: ...
    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[True],
        **params: Unpack[ChatParams],
    ) -> AsyncStream[ChatCompletionChunk]: ...
    async def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: bool = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse | AsyncStream[ChatCompletionChunk]:
        """A chat completion, or (with `stream=True`) a stream whose request was already sent."""
        if stream:
            return await self._text_gen.create_chat_completion_stream(
                model=model, messages=messages, **params
            )
        return await self._text_gen.create_chat_completion(model=model, messages=messages, **params)


class AsyncChat:
    """`client.chat` of `AsyncOctoAI`, holding `completions`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self.completions = AsyncCompletions(client)
