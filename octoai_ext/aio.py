"""`AsyncOctoAI`, the asyncio client: the same methods as `OctoAI`, as coroutines."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack

import httpx

from . import _constants as c
from . import _health, _inference, _polling
from ._as_completed import AsCompleted
from ._base import ClientBase
from ._batch.constants import DEFAULT_CONCURRENCY
from ._closing import AsyncClosedOnExit
from ._deadline import deadline_scope
from ._flows import Flow, Send
from ._futures import AsyncStatus, InferenceFuture
from ._response import RECORDER, raw_async
from ._streaming import AsyncStream, StreamPlan
from ._types import BodyOptions, ProgressCallback, RequestOptions
from .resources.text_gen import (
    AsyncChat,
    AsyncChatWithRawResponse,
    AsyncCompletions,
    AsyncCompletionsWithRawResponse,
    AsyncTextGen,
    AsyncTextGenWithRawResponse,
)

if TYPE_CHECKING:
    from .resources.assets import AsyncAssets, AsyncAssetsWithRawResponse
    from .resources.images import AsyncImageGen, AsyncImageGenWithRawResponse
    from .resources.tunes import AsyncTunes, AsyncTunesWithRawResponse

if TYPE_CHECKING:
    from ._batch.ledger import BatchLedger
    from ._batch.progress import BatchProgressCallback
    from .resources.batch import AsyncBatch

__all__ = ["AsyncOctoAI", "AsyncOctoAIWithRawResponse"]

T = TypeVar("T")

#: Polls in flight at once in `as_completed`, so thousands of futures share a bounded pool.
_AS_COMPLETED_CONCURRENCY = 50


class AsyncOctoAI(ClientBase[httpx.AsyncClient], AsyncClosedOnExit):
    """The asyncio OctoAI client; it takes the same arguments as `OctoAI`.

    `httpx_client`, if given, must be an `httpx.AsyncClient`. Use `async with` or
    `await aclose()`. Streaming methods are coroutines too: they send the request at once and
    return an opened `AsyncStream` (`async for chunk in await client.text_gen....(...)`).
    """

    _http_class = httpx.AsyncClient
    #: How the client waits between attempts and polls (tests replace it).
    _sleep: Callable[[float], Awaitable[None]] = staticmethod(asyncio.sleep)

    def _setup(self) -> None:
        self.text_gen = AsyncTextGen(self)
        self.chat = AsyncChat(self)
        self.completions = AsyncCompletions(self)

    # Loaded with their first use, not with the package (see `OctoAI.asset`).

    @cached_property
    def asset(self) -> AsyncAssets:
        """The asset library: upload, find, wait for and delete assets."""
        from .resources.assets import AsyncAssets

        return AsyncAssets(self)

    @cached_property
    def tune(self) -> AsyncTunes:
        """Fine-tuning: train LoRAs from uploaded images."""
        from .resources.tunes import AsyncTunes

        return AsyncTunes(self)

    @cached_property
    def image_gen(self) -> AsyncImageGen:
        """Image generation, with LoRAs from the asset library by name."""
        from .resources.images import AsyncImageGen

        return AsyncImageGen(self)

    @cached_property
    def with_raw_response(self) -> AsyncOctoAIWithRawResponse:
        """The same methods, returning an `APIResponse` (headers, status, request id, retries)."""
        return AsyncOctoAIWithRawResponse(self)

    # ---- the driver --------------------------------------------------------------------

    async def _drive(self, flow: Flow[T], limiter: asyncio.Semaphore | None = None) -> T:
        """Run a flow: await each `Send` on the pool and each `Sleep` with `asyncio.sleep`."""
        http = self._http
        recorder = RECORDER.get()
        outcome: httpx.Response | httpx.HTTPError | None = None
        try:
            while True:
                step = flow.send(outcome)
                if type(step) is Send:
                    try:
                        if limiter is not None:
                            async with limiter:
                                outcome = await self._send(step)
                        elif step.time_left is None and not step.stream:
                            outcome = await http.send(step.request)
                        else:
                            outcome = await self._send(step)
                    except httpx.HTTPError as exc:
                        outcome = exc
                    else:
                        if recorder is not None:
                            recorder.record(outcome, step.attempt)
                else:
                    await self._sleep(step.seconds)  # type: ignore[union-attr]
                    outcome = None
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    async def _send(self, step: Send) -> httpx.Response:
        if step.time_left is None:
            return await self._send_unbounded(step)
        # The deadline layer bounds every read and write; asyncio.timeout also bounds a custom
        # transport that does not have it.
        with deadline_scope(step.time_left):
            try:
                async with asyncio.timeout(max(step.time_left, 0.0)):
                    return await self._send_unbounded(step)
            except TimeoutError as exc:
                raise httpx.ReadTimeout(
                    "the operation's deadline passed", request=step.request
                ) from exc

    async def _send_unbounded(self, step: Send) -> httpx.Response:
        response = await self._http.send(step.request, stream=step.stream)
        if step.stream and response.status_code >= 300:
            await response.aread()
        return response

    async def _stream(self, plan: StreamPlan[T]) -> AsyncStream[T]:
        core = self._core
        response = await self._drive(_inference.open_stream(core, plan))
        try:
            return await AsyncStream(response, plan.reader(response, core.secret))._start()
        except BaseException:
            await response.aclose()
            raise

    # ---- generic inference -------------------------------------------------------------

    async def infer(
        self, endpoint_url: str, inputs: Mapping[str, Any], **options: Unpack[BodyOptions]
    ) -> dict[str, Any]:
        """Send JSON `inputs` to an endpoint and return its JSON outputs.

        Bytes values in `inputs` are sent as base64 text. Any 2xx answer is a success (an
        empty one gives `{}`).

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: Bad inputs (before sending) or a 4xx answer.
            OctoAIServerError: A 5xx answer or one that is not a JSON object;
                `OctoAIConnectionError` when no answer arrived.
            OctoAITimeoutError: The `timeout` passed.
        """
        return await self._drive(_inference.infer(self._core, endpoint_url, inputs, options))

    async def infer_stream(
        self, endpoint_url: str, inputs: Mapping[str, Any], **options: Unpack[BodyOptions]
    ) -> AsyncStream[dict[str, Any]]:
        """Stream an endpoint's events as dicts, until `data: [DONE]` or `"done": true`.

        The request is sent at once, so a refused request raises here, not in the loop.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: Bad inputs or a 4xx answer.
            OctoAIServerError: A 5xx answer; no answer (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed before the stream opened.
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        plan = _inference.infer_stream(self._core, endpoint_url, inputs, options)
        return await self._stream(plan)

    async def infer_async(
        self, endpoint_url: str, inputs: Mapping[str, Any], **options: Unpack[BodyOptions]
    ) -> InferenceFuture:
        """Queue an inference (`X-OctoAI-Async: 1`) and return its future at once.

        Raises:
            PayloadTooLargeError: The encoded inputs are over 10 MB (checked before sending).
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: Bad inputs or a 4xx answer.
            OctoAIServerError: A 5xx answer or one without `response_id`/`poll_url`;
                `OctoAIConnectionError` when no answer arrived.
            OctoAITimeoutError: The `timeout` passed.
        """
        flow = _inference.infer_async(self._core, endpoint_url, inputs, options)
        return await self._drive(flow)

    async def get_future_status(
        self, future: InferenceFuture, **options: Unpack[RequestOptions]
    ) -> AsyncStatus:
        """The current status: `pending`, `running`, `completed` or `failed`.

        Raises:
            FutureExpiredError: The request is unknown or its result expired.
            OctoAIServerError: The status is one this client does not know.
            OctoAITimeoutError: The `timeout` passed.
        """
        return await self._drive(_polling.get_status(self._core, future, options))

    async def is_future_ready(
        self, future: InferenceFuture, **options: Unpack[RequestOptions]
    ) -> bool:
        """True once the inference completed, False while pending or running.

        Raises:
            InferenceFailedError: The inference failed (it will never be ready).
            FutureExpiredError: The request is unknown or its result expired.
            OctoAITimeoutError: The `timeout` passed.
        """
        return await self._drive(_polling.is_ready(self._core, future, options))

    async def get_future_result(
        self, future: InferenceFuture, **options: Unpack[RequestOptions]
    ) -> dict[str, Any] | None:
        """The outputs of a completed inference, or None while it is still pending or running.

        Raises:
            InferenceFailedError: The inference failed.
            FutureExpiredError: The result is gone (kept 24 hours after completion).
            OctoAITimeoutError: The `timeout` passed.
        """
        return await self._drive(_polling.result(self._core, future, options))

    async def wait(
        self,
        future: InferenceFuture,
        *,
        poll_interval: float = c.POLL_INITIAL_INTERVAL,
        max_poll_interval: float = c.POLL_MAX_INTERVAL,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> dict[str, Any]:
        """Poll with growing intervals until the inference completes and return its outputs.

        Args:
            future: The future to wait on.
            poll_interval: Seconds before the second poll; each pause grows by half.
            max_poll_interval: The longest pause between polls.
            on_progress: Called with a `WaitProgress` after every poll.
            **options: `timeout` is the limit for the whole wait (default: none), the poll in
                flight included; `max_retries` and `extra_headers` apply to each request.

        Raises:
            InferenceFailedError: The inference failed.
            OctoAITimeoutError: `timeout` seconds passed first (the future stays usable).
            FutureExpiredError: The result is gone.
        """
        flow = _polling.wait(
            self._core,
            future,
            options,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
        )
        return await self._drive(flow)

    def as_completed(
        self,
        futures: Iterable[InferenceFuture],
        *,
        return_exceptions: bool = False,
        max_concurrency: int = _AS_COMPLETED_CONCURRENCY,
        first_poll_delay: float = c.POLL_INITIAL_INTERVAL,
        **options: Unpack[RequestOptions],
    ) -> AsCompleted:
        """Yield `(future, outputs)` pairs in the order the inferences finish.

        Every future is polled with growing intervals over this client's one connection pool,
        with at most `max_concurrency` requests in flight. The futures are taken to be freshly
        submitted, so each is first polled after `first_poll_delay` seconds (0 for old ones).
        Polling stops when the iteration ends, raises, or the iterator is closed: use
        `async with client.as_completed(...) as results:` (or `contextlib.aclosing`) when the
        loop may be left early.

        Args:
            futures: The futures to wait on.
            return_exceptions: Yield `(future, error)` for a failed future instead of raising.
            max_concurrency: The most requests in flight at once.
            first_poll_delay: Seconds before each future's first poll.
            **options: `timeout` is the limit for waiting on all of them, the polls in flight
                included (default: none); `max_retries` and `extra_headers` apply to each poll.

        Raises:
            OctoAIError: The first failure, unless `return_exceptions`; other polls stop.
        """
        return AsCompleted(
            self,
            list(futures),
            return_exceptions=return_exceptions,
            max_concurrency=max_concurrency,
            first_poll_delay=first_poll_delay,
            options=options,
        )

    def batch(
        self,
        endpoint_url: str,
        items: Iterable[Mapping[str, Any]],
        *,
        ledger: str | os.PathLike[str] | BatchLedger,
        concurrency: int = DEFAULT_CONCURRENCY,
        mode: Literal["async", "sync"] = "async",
        id_field: str | None = "id",
        retry_failed: bool = False,
        poll_interval: float = c.POLL_INITIAL_INTERVAL,
        max_poll_interval: float = c.POLL_MAX_INTERVAL,
        on_progress: BatchProgressCallback | None = None,
        **options: Unpack[BodyOptions],
    ) -> AsyncBatch:
        """Run `items` through an endpoint, resumably; yield results as items finish.

        Every item's state is kept in `ledger`, an SQLite file: run the same call again with
        the same ledger after a crash, a kill or Ctrl-C and it resumes. Items never sent are
        sent, queued ones are polled, finished ones are left alone (`ledger.results()` gives
        every result; a run yields only the items it finished itself). An item whose submit
        may have reached the service before the process died is sent again and counted as
        resubmitted, never dropped; so is an item whose result expired (24 hours after it
        completed).

        `items` is read lazily, a window of `concurrency` items ahead, so it may be a generator
        over a file of millions of lines. An item's key is its `id_field` value (a string or
        an integer), which is left out of what is sent; an item without one is sent whole and
        keyed by its position, counting from 0. Keys must be unique.

        A 429 answer never fails an item: the batch pauses for `Retry-After` (or a backoff),
        halves the items in flight, and grows them back as answers succeed. An item fails when
        the service refuses it (4xx) or fails it (5xx after the retries, or status `failed`);
        a refused token or no answer at all stops the batch with that error instead.

        With `mode="async"` (the default) each item is queued (`X-OctoAI-Async: 1`) and
        polled with growing intervals; `mode="sync"` sends plain synchronous requests, for
        endpoints without asynchronous inference. `OctoAI` sends one request at a time (queued
        items still run side by side in the service); `AsyncOctoAI` keeps up to `concurrency`
        requests in flight over its one connection pool and is the one for throughput.

        Args:
            endpoint_url: The inference endpoint; the ledger refuses any other.
            items: Dicts of inputs, each with an optional `id_field`.
            ledger: The ledger file (created if missing), or an open `BatchLedger`.
            concurrency: The most items in flight at once.
            mode: `"async"` (queue and poll) or `"sync"` (one synchronous request per item).
            id_field: The field holding each item's key; None keys every item by position.
            retry_failed: Send again the items that failed in earlier runs.
            poll_interval: Seconds from a submit to its first poll; each pause grows by half.
            max_poll_interval: The longest pause between two polls of one item.
            on_progress: Called with a `BatchProgress` at most every 0.1 s and at the end.
            **options: `timeout` in seconds bounds the whole run (default: none), the requests
                in flight included; an `httpx.Timeout` sets per-request limits instead.
                `max_retries` and `extra_headers` apply to each request, `extra_body` is merged
                into every item.

        Returns:
            An iterator of `(key, outputs)` and `(key, error)` pairs in finishing order, where
            `error` is an `OctoAIError`; use it in a `with` block, which stops the work when
            left.

        Raises:
            LedgerError: The ledger cannot be used; `LedgerMismatchError` when it belongs to
                another endpoint.
            OctoAIClientError: A bad argument.
            BatchInputError: While iterating, when an item is not a dict, its id is bad or
                repeated, or it is not where the ledger recorded it.
            OctoAITimeoutError: While iterating, when `timeout` passed (the ledger resumes).
            AuthenticationError: While iterating, when the token is refused.
            OctoAIConnectionError: While iterating, when the service cannot be reached.
        """
        from ._batch.run import BatchRun
        from .resources.batch import AsyncBatch

        run = BatchRun(
            self._core,
            endpoint_url,
            items,
            ledger=ledger,
            concurrency=concurrency,
            mode=mode,
            id_field=id_field,
            retry_failed=retry_failed,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
            given=options,
        )
        return AsyncBatch(self, run)

    async def health_check(
        self,
        endpoint_url: str,
        *,
        interval: float = c.HEALTH_CHECK_INTERVAL,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> int:
        """GET a health URL until it answers below 500, waiting through a cold start.

        No token is sent with health checks.

        Args:
            endpoint_url: The health URL, such as `https://<endpoint>.octoai.run/healthcheck`.
            interval: Seconds between checks.
            on_progress: Called with a `WaitProgress` after every check.
            **options: `timeout` is the limit for the whole wait (default 900 s), the check in
                flight included; `extra_headers` apply to each check.

        Returns:
            The first status below 500 (200 when ready), or the last 5xx when `timeout` passed.

        Raises:
            OctoAIClientError: `endpoint_url` is not an absolute http(s) URL.
            OctoAITimeoutError: The endpoint never answered within `timeout` (unreachable or
                silent); its cause is the last connection error.
        """
        flow = _health.health_check(
            self._core, endpoint_url, options, interval=interval, on_progress=on_progress
        )
        return await self._drive(flow)

    # ---- lifecycle ---------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as `httpx_client`)."""
        if self._owns_http:
            await self._http.aclose()


class AsyncOctoAIWithRawResponse:
    """`client.with_raw_response` of `AsyncOctoAI`: every method, returning an `APIResponse`.

    `APIResponse.parse()` gives what the plain method returns; `.headers`, `.status_code`,
    `.request_id`, `.retries_taken` and `.elapsed` describe the HTTP answer behind it.
    """

    def __init__(self, client: AsyncOctoAI) -> None:
        self._client = client
        self.text_gen = AsyncTextGenWithRawResponse(client.text_gen)
        self.chat = AsyncChatWithRawResponse(client.chat)
        self.completions = AsyncCompletionsWithRawResponse(client.completions)
        self.infer = raw_async(client.infer)
        self.infer_stream = raw_async(client.infer_stream)
        self.infer_async = raw_async(client.infer_async)
        self.get_future_status = raw_async(client.get_future_status)
        self.is_future_ready = raw_async(client.is_future_ready)
        self.get_future_result = raw_async(client.get_future_result)
        self.wait = raw_async(client.wait)
        self.health_check = raw_async(client.health_check)

    # Built on first use, as the client's own platform facades are.

    @cached_property
    def asset(self) -> AsyncAssetsWithRawResponse:
        """`client.asset`, returning `APIResponse`s."""
        from .resources.assets import AsyncAssetsWithRawResponse

        return AsyncAssetsWithRawResponse(self._client.asset)

    @cached_property
    def tune(self) -> AsyncTunesWithRawResponse:
        """`client.tune`, returning `APIResponse`s."""
        from .resources.tunes import AsyncTunesWithRawResponse

        return AsyncTunesWithRawResponse(self._client.tune)

    @cached_property
    def image_gen(self) -> AsyncImageGenWithRawResponse:
        """`client.image_gen`, returning `APIResponse`s."""
        from .resources.images import AsyncImageGenWithRawResponse

        return AsyncImageGenWithRawResponse(self._client.image_gen)
