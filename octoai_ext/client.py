"""`OctoAI`, the synchronous client: its driver, inference endpoints, futures and health checks."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack

import httpx

from . import _constants as c
from . import _inference
from ._base import ClientBase
from ._batch.constants import DEFAULT_CONCURRENCY
from ._closing import ClosedOnExit
from ._deadline import deadline_scope
from ._flows import Flow, Send
from ._futures import AsyncStatus, InferenceFuture
from ._lazy import lazy_module
from ._response import RECORDER, raw_sync
from ._streaming import Stream, StreamPlan
from ._types import BodyOptions, ProgressCallback, RequestOptions
from .resources.text_gen import (
    Chat,
    ChatWithRawResponse,
    Completions,
    CompletionsWithRawResponse,
    TextGen,
    TextGenWithRawResponse,
)

if TYPE_CHECKING:
    from . import _health, _polling
    from ._batch.ledger import BatchLedger
    from ._batch.progress import BatchProgressCallback
    from ._generated import ChatCompletionChunk  # noqa: F401 - named in docs
    from .resources.assets import Assets, AssetsWithRawResponse
    from .resources.batch import Batch
    from .resources.images import ImageGen, ImageGenWithRawResponse
    from .resources.tunes import Tunes, TunesWithRawResponse
else:
    # Polling and health checks load with their first use, as the generated models do.
    _health = lazy_module("octoai_ext._health")
    _polling = lazy_module("octoai_ext._polling")

__all__ = ["OctoAI", "OctoAIWithRawResponse"]

T = TypeVar("T")


class OctoAI(ClientBase[httpx.Client], ClosedOnExit):
    """The synchronous OctoAI client.

    Every argument is keyword-only except the token; see `ClientBase` for each of them:
    `token`, `base_url`, `secure_link`, `timeout`, `max_retries`, `httpx_client`,
    `default_headers`, `trusted_hosts`, `untrusted_urls`, `allow_insecure_http`,
    `stream_idle_timeout`. Use it as a context manager, or call `close()`.
    """

    _http_class = httpx.Client
    #: How the client waits between attempts and polls (tests replace it).
    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def _setup(self) -> None:
        self.text_gen = TextGen(self)
        self.chat = Chat(self)
        self.completions = Completions(self)

    # The platform facades load with their first use, not with the package: most programs
    # never upload or tune, and their modules are a quarter of the package's import time.

    @cached_property
    def asset(self) -> Assets:
        """The asset library: upload, find, wait for and delete assets."""
        from .resources.assets import Assets

        return Assets(self)

    @cached_property
    def tune(self) -> Tunes:
        """Fine-tuning: train LoRAs from uploaded images."""
        from .resources.tunes import Tunes

        return Tunes(self)

    @cached_property
    def image_gen(self) -> ImageGen:
        """Image generation, with LoRAs from the asset library by name."""
        from .resources.images import ImageGen

        return ImageGen(self)

    @cached_property
    def with_raw_response(self) -> OctoAIWithRawResponse:
        """The same methods, returning an `APIResponse` (headers, status, request id, retries)."""
        return OctoAIWithRawResponse(self)

    # ---- the driver --------------------------------------------------------------------

    def _drive(self, flow: Flow[T]) -> T:
        """Run a flow: perform each `Send` on the pool and each `Sleep` with `time.sleep`."""
        http = self._http
        recorder = RECORDER.get()
        outcome: httpx.Response | httpx.HTTPError | None = None
        try:
            while True:
                step = flow.send(outcome)
                if type(step) is Send:
                    try:
                        if step.time_left is None:
                            outcome = http.send(step.request, stream=step.stream)
                            if step.stream and outcome.status_code >= 300:
                                outcome.read()
                        else:
                            with deadline_scope(step.time_left):
                                outcome = http.send(step.request, stream=step.stream)
                                if step.stream and outcome.status_code >= 300:
                                    outcome.read()
                    except httpx.HTTPError as exc:
                        outcome = exc
                    else:
                        if recorder is not None:
                            recorder.record(outcome, step.attempt)
                else:
                    self._sleep(step.seconds)  # type: ignore[union-attr]
                    outcome = None
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _stream(self, plan: StreamPlan[T]) -> Stream[T]:
        core = self._core
        response = self._drive(_inference.open_stream(core, plan))
        try:
            return Stream(
                response, plan.reader(response, core.secret), drain=core.deadlines_enforced
            )
        except BaseException:
            response.close()
            raise

    # ---- generic inference -------------------------------------------------------------

    def infer(
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
        return self._drive(_inference.infer(self._core, endpoint_url, inputs, options))

    def infer_stream(
        self, endpoint_url: str, inputs: Mapping[str, Any], **options: Unpack[BodyOptions]
    ) -> Stream[dict[str, Any]]:
        """Stream an endpoint's events as dicts, until `data: [DONE]` or `"done": true`.

        The request is sent at once, so a refused request raises here, not in the loop.

        Raises:
            AuthenticationError: No token, or the token was refused (401).
            OctoAIClientError: Bad inputs or a 4xx answer.
            OctoAIServerError: A 5xx answer; no answer (`OctoAIConnectionError`).
            OctoAITimeoutError: The `timeout` passed before the stream opened.
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        return self._stream(_inference.infer_stream(self._core, endpoint_url, inputs, options))

    def infer_async(
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
        return self._drive(_inference.infer_async(self._core, endpoint_url, inputs, options))

    def get_future_status(
        self, future: InferenceFuture, **options: Unpack[RequestOptions]
    ) -> AsyncStatus:
        """The current status: `pending`, `running`, `completed` or `failed`.

        Raises:
            FutureExpiredError: The request is unknown or its result expired.
            OctoAIServerError: The status is one this client does not know.
            OctoAITimeoutError: The `timeout` passed.
        """
        return self._drive(_polling.get_status(self._core, future, options))

    def is_future_ready(self, future: InferenceFuture, **options: Unpack[RequestOptions]) -> bool:
        """True once the inference completed, False while pending or running.

        Raises:
            InferenceFailedError: The inference failed (it will never be ready).
            FutureExpiredError: The request is unknown or its result expired.
            OctoAITimeoutError: The `timeout` passed.
        """
        return self._drive(_polling.is_ready(self._core, future, options))

    def get_future_result(
        self, future: InferenceFuture, **options: Unpack[RequestOptions]
    ) -> dict[str, Any] | None:
        """The outputs of a completed inference, or None while it is still pending or running.

        Raises:
            InferenceFailedError: The inference failed.
            FutureExpiredError: The result is gone (kept 24 hours after completion).
            OctoAITimeoutError: The `timeout` passed.
        """
        return self._drive(_polling.result(self._core, future, options))

    def wait(
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
        return self._drive(flow)

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
    ) -> Batch:
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
        from .resources.batch import Batch

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
        return Batch(self, run)

    def health_check(
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
        return self._drive(flow)

    # ---- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as `httpx_client`)."""
        if self._owns_http:
            self._http.close()


class OctoAIWithRawResponse:
    """`client.with_raw_response`: every method of the client, returning an `APIResponse`.

    `APIResponse.parse()` gives what the plain method returns; `.headers`, `.status_code`,
    `.request_id`, `.retries_taken` and `.elapsed` describe the HTTP answer behind it.
    """

    def __init__(self, client: OctoAI) -> None:
        self._client = client
        self.text_gen = TextGenWithRawResponse(client.text_gen)
        self.chat = ChatWithRawResponse(client.chat)
        self.completions = CompletionsWithRawResponse(client.completions)
        self.infer = raw_sync(client.infer)
        self.infer_stream = raw_sync(client.infer_stream)
        self.infer_async = raw_sync(client.infer_async)
        self.get_future_status = raw_sync(client.get_future_status)
        self.is_future_ready = raw_sync(client.is_future_ready)
        self.get_future_result = raw_sync(client.get_future_result)
        self.wait = raw_sync(client.wait)
        self.health_check = raw_sync(client.health_check)

    # Built on first use, as the client's own platform facades are.

    @cached_property
    def asset(self) -> AssetsWithRawResponse:
        """`client.asset`, returning `APIResponse`s."""
        from .resources.assets import AssetsWithRawResponse

        return AssetsWithRawResponse(self._client.asset)

    @cached_property
    def tune(self) -> TunesWithRawResponse:
        """`client.tune`, returning `APIResponse`s."""
        from .resources.tunes import TunesWithRawResponse

        return TunesWithRawResponse(self._client.tune)

    @cached_property
    def image_gen(self) -> ImageGenWithRawResponse:
        """`client.image_gen`, returning `APIResponse`s."""
        from .resources.images import ImageGenWithRawResponse

        return ImageGenWithRawResponse(self._client.image_gen)
