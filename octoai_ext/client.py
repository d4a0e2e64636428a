"""`OctoAI`, the synchronous client, and its `text_gen` and `chat.completions` facades."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, Unpack, overload

import httpx

from . import _constants as c
from . import _health, _polling
from ._base import ClientBase
from ._flows import Flow, Send
from ._futures import InferenceFuture
from ._params import ChatParams, CompletionParams, InferOptions, Message
from ._streaming import Stream, StreamPlan

if TYPE_CHECKING:
    from ._generated import (
        ChatCompletionChunk,
        ChatCompletionResponse,
        CompletionResponse,
    )

__all__ = ["OctoAI"]

T = TypeVar("T")


class OctoAI(ClientBase[httpx.Client]):
    """The synchronous OctoAI client.

    Args:
        token: An OctoAI token; by default `OCTOAI_TOKEN`, then `OCTOAI_API_KEY`. Optional:
            health checks work without one, other calls raise `OctoAIClientError` before sending.
        base_url: One base URL for every service, such as the development server's; by default
            `OCTOAI_BASE_URL`, else the public (or SecureLink) hosts.
        secure_link: Use the SecureLink hosts instead of the public ones.
        timeout: Seconds or an `httpx.Timeout` for each request (default: 10 s to connect,
            600 s to read, since a cold model can take minutes).
        max_retries: Retries after a failed attempt (default 2); see the README for what is retried.
        httpx_client: An `httpx.Client` of your own (proxies, certificates); `close()`
            leaves it open.
        default_headers: Headers sent with every request.
        trusted_hosts: More host names that may receive the token in server-supplied URLs.
        untrusted_urls: `"refuse"` (default) or `"send_without_token"` for a `poll_url` or
            `response_url` on a host that is not trusted.
        allow_insecure_http: Allow the token over plain http to non-loopback hosts.
        stream_idle_timeout: Seconds a stream may stay silent before it is considered dead.
    """

    _http_class = httpx.Client

    def __init__(self, token: str | None = None, **kwargs: Any) -> None:
        super().__init__(token, **kwargs)
        self._sleep: Callable[[float], None] = time.sleep
        self.text_gen = TextGen(self)
        self.chat = Chat(self)

    # ---- the driver --------------------------------------------------------------------

    def _drive(self, flow: Flow[T]) -> T:
        """Run a flow: perform each `Send` on the pool and each `Sleep` with `time.sleep`."""
        http = self._http
        outcome: httpx.Response | httpx.HTTPError | None = None
        try:
            while True:
                step = flow.send(outcome)
                if type(step) is Send:
                    try:
                        outcome = http.send(step.request, stream=step.stream)
                        if step.stream and outcome.status_code >= 300:
                            outcome.read()
                    except httpx.HTTPError as exc:
                        outcome = exc
                else:
                    self._sleep(step.seconds)  # type: ignore[union-attr]
                    outcome = None
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _stream(self, plan: StreamPlan[T]) -> Stream[T]:
        response = self._drive(self._core.open_stream(plan.call))
        return Stream(response, plan.reader(self._core.secret))

    # ---- generic inference -------------------------------------------------------------

    def infer(
        self,
        endpoint_url: str,
        inputs: Mapping[str, Any],
        **options: Unpack[InferOptions],
    ) -> dict[str, Any]:
        """Send JSON `inputs` to an endpoint and return its JSON outputs.

        Bytes values in `inputs` are sent as base64 text.

        Raises:
            OctoAIClientError: No token, bad inputs, or a 4xx answer.
            OctoAIServerError: A 5xx answer, no answer, or an answer that is not a JSON object.
            OctoAITimeoutError: The request timed out.
        """
        spec = self._core.infer_call(endpoint_url, inputs, **options)
        return self._drive(self._core.infer(spec))

    def infer_stream(
        self,
        endpoint_url: str,
        inputs: Mapping[str, Any],
        **options: Unpack[InferOptions],
    ) -> Stream[dict[str, Any]]:
        """Stream an endpoint's events as dicts, until `data: [DONE]` or `"done": true`.

        Raises:
            OctoAIClientError: No token, bad inputs, or a 4xx answer.
            OctoAIServerError: A 5xx answer; `StreamError` if the stream breaks or ends early.
        """
        return self._stream(self._core.infer_stream(endpoint_url, inputs, options))

    def infer_async(
        self,
        endpoint_url: str,
        inputs: Mapping[str, Any],
        **options: Unpack[InferOptions],
    ) -> InferenceFuture:
        """Queue an inference (`X-OctoAI-Async: 1`) and return its future at once.

        Raises:
            PayloadTooLargeError: The encoded inputs are over 10 MB (checked before sending).
            OctoAIClientError: No token, bad inputs, or a 4xx answer.
            OctoAIServerError: A 5xx answer or an answer without `response_id`/`poll_url`.
        """
        spec = self._core.infer_call(endpoint_url, inputs, queue=True, **options)
        return self._drive(self._core.infer_async(spec))

    def get_future_status(self, future: InferenceFuture) -> str:
        """The current status: `pending`, `running`, `completed` or `failed`.

        Raises:
            FutureExpiredError: The request is unknown or its result expired.
            OctoAIServerError: The status is one this client does not know.
        """
        return self._drive(_polling.status(self._core, future)).status.value

    def is_future_ready(self, future: InferenceFuture) -> bool:
        """True once the inference completed, False while pending or running.

        Raises:
            InferenceFailedError: The inference failed (it will never be ready).
            FutureExpiredError: The request is unknown or its result expired.
        """
        return self._drive(_polling.is_ready(self._core, future))

    def get_future_result(self, future: InferenceFuture) -> dict[str, Any] | None:
        """The outputs of a completed inference, or None while it is still pending or running.

        Raises:
            InferenceFailedError: The inference failed.
            FutureExpiredError: The result is gone (kept 24 hours after completion).
        """
        return self._drive(_polling.result(self._core, future))

    def wait(
        self,
        future: InferenceFuture,
        timeout: float | None = None,
        *,
        poll_interval: float = c.POLL_INITIAL_INTERVAL,
        max_poll_interval: float = c.POLL_MAX_INTERVAL,
    ) -> dict[str, Any]:
        """Poll with growing intervals until the inference completes and return its outputs.

        Raises:
            InferenceFailedError: The inference failed.
            OctoAITimeoutError: `timeout` seconds passed first (the future stays usable).
            FutureExpiredError: The result is gone.
        """
        return self._drive(
            _polling.wait(
                self._core,
                future,
                timeout=timeout,
                poll_interval=poll_interval,
                max_poll_interval=max_poll_interval,
            )
        )

    def health_check(
        self,
        endpoint_url: str,
        timeout: float = c.HEALTH_CHECK_TIMEOUT,
        interval: float = c.HEALTH_CHECK_INTERVAL,
    ) -> int:
        """GET a health URL until it answers below 500, waiting through a cold start.

        Returns:
            The last HTTP status (200 when ready; a 5xx if `timeout` passed first).

        Raises:
            OctoAIServerError: The URL could not be reached at all within `timeout`.
        """
        return self._drive(
            _health.health_check(self._core, endpoint_url, timeout=timeout, interval=interval)
        )

    # ---- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as `httpx_client`)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class TextGen:
    """Chat and text completions: `client.text_gen`."""

    def __init__(self, client: OctoAI) -> None:
        self._client = client

    def create_chat_completion(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> ChatCompletionResponse:
        """Generate the next message of a conversation.

        Raises:
            OctoAIClientError: No token, an unknown argument, or a 4xx answer (unknown model: 404).
            OctoAIServerError: A 5xx answer or a malformed one.
        """
        core = self._client._core
        return self._client._drive(core.chat(model, messages, params))

    def create_chat_completion_stream(
        self, *, model: str, messages: Sequence[Message], **params: Unpack[ChatParams]
    ) -> Stream[ChatCompletionChunk]:
        """Stream the next message as `ChatCompletionChunk` objects, ending at `data: [DONE]`.

        Raises:
            OctoAIClientError: As `create_chat_completion`, when the request is sent.
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        return self._client._stream(self._client._core.chat_stream(model, messages, params))

    def create_completion(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> CompletionResponse:
        """Continue a prompt.

        Raises:
            OctoAIClientError: No token, an unknown argument, or a 4xx answer.
            OctoAIServerError: A 5xx answer or a malformed one.
        """
        return self._client._drive(self._client._core.completion(model, prompt, params))

    def create_completion_stream(
        self, *, model: str, prompt: str | Sequence[str], **params: Unpack[CompletionParams]
    ) -> Stream[CompletionResponse]:
        """Stream a completion as `CompletionResponse` events, ending at `data: [DONE]`.

        Raises:
            StreamError: While iterating, if the stream breaks, ends early or reports an error.
        """
        return self._client._stream(self._client._core.completion_stream(model, prompt, params))


class Completions:
    """The OpenAI-style surface of the older guides: `client.chat.completions.create(...)`."""

    def __init__(self, client: OctoAI) -> None:
        self._text_gen = client.text_gen

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[False] = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse: ...
    @overload
    def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: Literal[True],
        **params: Unpack[ChatParams],
    ) -> Stream[ChatCompletionChunk]: ...
    def create(
        self,
        *,
        model: str,
        messages: Sequence[Message],
        stream: bool = False,
        **params: Unpack[ChatParams],
    ) -> ChatCompletionResponse | Stream[ChatCompletionChunk]:
        """A chat completion, or a stream of chunks with `stream=True`."""
        if stream:
            return self._text_gen.create_chat_completion_stream(
                model=model, messages=messages, **params
            )
        return self._text_gen.create_chat_completion(model=model, messages=messages, **params)


class Chat:
    """`client.chat`, holding `completions`."""

    def __init__(self, client: OctoAI) -> None:
        self.completions = Completions(client)
