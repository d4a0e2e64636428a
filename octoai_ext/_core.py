"""Everything the sync and asyncio clients share: settings, request building and the flows.

`ClientCore` never performs I/O. Each operation returns a flow (see `_flows`) that the client
drives with its own `send` and `sleep`.
"""

from __future__ import annotations

import enum
import functools
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar
from urllib.parse import urljoin

import httpx

from . import _constants as c
from ._env import Settings
from ._errors import (
    AuthenticationError,
    OctoAIClientError,
    malformed_answer,
)
from ._flows import Call, Flow, call
from ._futures import InferenceFuture
from ._hosts import TokenScope
from ._lazy import lazy_module
from ._requests import chat_request, completion_request, encode_inputs, split_options
from ._retry import RetryPolicy
from ._sse import StreamTerminator
from ._streaming import StreamPlan

if TYPE_CHECKING:
    from . import _fast_models, _generated
    from ._generated import ChatCompletionChunk, ChatCompletionResponse, CompletionResponse
else:
    _fast_models = lazy_module("octoai_ext._fast_models")
    _generated = lazy_module("octoai_ext._generated")

M = TypeVar("M")
HttpClient = httpx.Client | httpx.AsyncClient
TimeoutArg = float | httpx.Timeout | None


class NotGiven(enum.Enum):
    """The type of `NOT_GIVEN`, which tells "not passed" apart from an explicit `None`."""

    NOT_GIVEN = enum.auto()

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven.NOT_GIVEN

# A message about the token, not a token.
_MISSING_TOKEN_HELP = (
    "no OctoAI token: pass OctoAI(token=...) or set the OCTOAI_TOKEN environment variable "  # noqa: S105
    "(OCTOAI_API_KEY is also read). Tokens are created in the OctoAI account settings."
)


def default_timeout() -> httpx.Timeout:
    """A short connect timeout and a long read timeout, since inference may take minutes."""
    return httpx.Timeout(
        connect=c.DEFAULT_CONNECT_TIMEOUT,
        read=c.DEFAULT_READ_TIMEOUT,
        write=c.DEFAULT_WRITE_TIMEOUT,
        pool=c.DEFAULT_POOL_TIMEOUT,
    )


class ClientCore:
    """Builds requests and flows for one client; holds no connection itself."""

    def __init__(
        self,
        settings: Settings,
        http: HttpClient,
        *,
        timeout: httpx.Timeout,
        max_retries: int,
        stream_idle_timeout: float,
        default_headers: Mapping[str, str],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not isinstance(max_retries, int) or max_retries < 0:
            raise OctoAIClientError(f"max_retries must be a whole number >= 0, not {max_retries!r}")
        self.settings = settings
        self.http = http
        self.scope = TokenScope.from_settings(settings)
        self.timeout = timeout
        self.max_retries = max_retries
        self.stream_idle_timeout = stream_idle_timeout
        self.default_headers = dict(default_headers)
        self.policy = RetryPolicy(max_retries=max_retries)
        self.clock = clock
        # Kept wrapped, so that no repr or traceback of the core shows the token.
        self._token = settings.token

    @property
    def secret(self) -> str | None:
        """The token, for scrubbing it out of server messages."""
        return self._token.reveal() if self._token is not None else None

    # ---- request building --------------------------------------------------------------

    def build(
        self,
        method: str,
        url: str,
        *,
        explicit: bool,
        needs_token: bool = True,
        content: bytes | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
    ) -> httpx.Request:
        """An `httpx.Request` with the token attached only where the token scope allows it.

        Raises:
            OctoAIClientError: No token for an operation that needs one, or a refused URL.
        """
        merged = {**self.default_headers, **(headers or {})}
        if needs_token and self.scope.token_allowed(url, explicit=explicit):
            if self._token is None:
                raise AuthenticationError(_MISSING_TOKEN_HELP)
            merged["Authorization"] = f"Bearer {self._token.reveal()}"
        return self.http.build_request(
            method,
            _parsed_url(url),
            content=content,
            json=json,
            headers=merged,
            timeout=self.timeout if timeout is NOT_GIVEN else _as_timeout(timeout),
        )

    def _retries(self, options: Mapping[str, Any]) -> int:
        value = options.get("max_retries", NOT_GIVEN)
        if value is NOT_GIVEN or value is None:
            return self.max_retries
        if not isinstance(value, int) or value < 0:
            raise OctoAIClientError(f"max_retries must be a whole number >= 0, not {value!r}")
        return int(value)

    def _text_call(
        self,
        kwargs: Mapping[str, Any],
        body: dict[str, Any],
        options: Mapping[str, Any],
        *,
        stream: bool,
    ) -> Call:
        url = self.settings.hosts.text_gen + kwargs["url"]
        headers = {**kwargs.get("headers", {}), **(options.get("extra_headers") or {})}
        if stream:
            headers["Accept"] = "text/event-stream"
        timeout = options.get("timeout", NOT_GIVEN)
        if stream and timeout is NOT_GIVEN:
            timeout = self.stream_timeout()
        request = self.build(
            kwargs["method"].upper(),
            url,
            explicit=False,
            json=body,
            headers=headers,
            timeout=timeout,
        )
        return Call(request, idempotent=False, max_retries=self._retries(options), stream=stream)

    def stream_timeout(self) -> httpx.Timeout:
        """The client's timeouts with the read timeout set to the stream idle timeout."""
        return httpx.Timeout(
            connect=self.timeout.connect,
            read=self.stream_idle_timeout,
            write=self.timeout.write,
            pool=self.timeout.pool,
        )

    # ---- text generation ---------------------------------------------------------------

    def chat_call(
        self, model: Any, messages: Any, params: Mapping[str, Any], *, stream: bool
    ) -> Call:
        """The request of a chat completion (streamed or not)."""
        body, options = split_options(params)
        request = chat_request(
            model, messages, body, stream=stream, extra_body=options.get("extra_body")
        )
        return self._text_call(_generated.CHAT_COMPLETION_ROUTE, request, options, stream=stream)

    def completion_call(
        self, model: Any, prompt: Any, params: Mapping[str, Any], *, stream: bool
    ) -> Call:
        """The request of a text completion (streamed or not)."""
        body, options = split_options(params)
        request = completion_request(
            model, prompt, body, stream=stream, extra_body=options.get("extra_body")
        )
        return self._text_call(_generated.COMPLETION_ROUTE, request, options, stream=stream)

    def chat(
        self, model: Any, messages: Any, params: Mapping[str, Any]
    ) -> Flow[ChatCompletionResponse]:
        """A chat completion, parsed."""
        response = yield from call(
            self.chat_call(model, messages, params, stream=False), self.policy, secret=self.secret
        )
        return self.parse_model(_fast_models.chat_completion, response, "a chat completion")

    def completion(
        self, model: Any, prompt: Any, params: Mapping[str, Any]
    ) -> Flow[CompletionResponse]:
        """A text completion, parsed."""
        response = yield from call(
            self.completion_call(model, prompt, params, stream=False),
            self.policy,
            secret=self.secret,
        )
        return self.parse_model(_generated.CompletionResponse.from_dict, response, "a completion")

    def chat_stream(
        self, model: Any, messages: Any, params: Mapping[str, Any]
    ) -> StreamPlan[ChatCompletionChunk]:
        """A streamed chat completion: typed chunks until `data: [DONE]`."""
        spec = self.chat_call(model, messages, params, stream=True)
        return StreamPlan(spec, _fast_models.chat_chunk, StreamTerminator.DONE_SENTINEL)

    def completion_stream(
        self, model: Any, prompt: Any, params: Mapping[str, Any]
    ) -> StreamPlan[CompletionResponse]:
        """A streamed text completion: typed events until `data: [DONE]`."""
        spec = self.completion_call(model, prompt, params, stream=True)
        parse = _generated.CompletionResponse.from_dict
        return StreamPlan(spec, parse, StreamTerminator.DONE_SENTINEL)

    def infer_stream(
        self, endpoint_url: str, inputs: Any, options: Mapping[str, Any]
    ) -> StreamPlan[dict[str, Any]]:
        """A streamed inference: plain dicts until `[DONE]` or an event with `"done": true`."""
        spec = self.infer_call(endpoint_url, inputs, stream=True, **options)
        return StreamPlan(spec, _as_is, StreamTerminator.EITHER)

    def open_stream(self, spec: Call) -> Flow[httpx.Response]:
        """Send a streaming request (with retries) and return the answer with its body unread."""
        return call(spec, self.policy, secret=self.secret)

    # ---- generic inference -------------------------------------------------------------

    def infer_call(
        self,
        endpoint_url: str,
        inputs: Any,
        *,
        queue: bool = False,
        stream: bool = False,
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Call:
        """The request of an inference on an endpoint the caller named."""
        if not isinstance(endpoint_url, str):
            raise OctoAIClientError(
                f"endpoint_url must be a string, not {type(endpoint_url).__name__}"
            )
        body = encode_inputs(inputs, limit=c.MAX_ASYNC_REQUEST_BYTES if queue else None)
        headers = {"Content-Type": "application/json", **(extra_headers or {})}
        if queue:
            headers[c.ASYNC_HEADER] = "1"
        if stream:
            headers["Accept"] = "text/event-stream"
            if timeout is NOT_GIVEN:
                timeout = self.stream_timeout()
        request = self.build(
            "POST", endpoint_url, explicit=True, content=body, headers=headers, timeout=timeout
        )
        return Call(
            request,
            idempotent=False,
            max_retries=self._retries({"max_retries": max_retries}),
            stream=stream,
        )

    def infer(self, spec: Call) -> Flow[dict[str, Any]]:
        """A synchronous inference; any 2xx answer is a success (204 gives `{}`)."""
        response = yield from call(spec, self.policy, secret=self.secret)
        return self.parse_object(response, "inference outputs")

    def infer_async(self, spec: Call) -> Flow[InferenceFuture]:
        """Queue an inference and return its future."""
        response = yield from call(spec, self.policy, secret=self.secret)
        queued = self.parse_model(
            _generated.AsyncInferenceResponse.from_dict, response, "a queued inference"
        )
        endpoint_url = str(spec.request.url)
        poll_url = urljoin(endpoint_url, queued.poll_url)
        return InferenceFuture(queued.response_id, poll_url, endpoint_url)

    def future_for(self, response_id: str) -> InferenceFuture:
        """A future for a known `response_id`, polled on the configured async host."""
        if not isinstance(response_id, str) or not response_id:
            raise OctoAIClientError("response_id must be a non-empty string")
        path = _generated.request_status_kwargs(response_id)["url"]
        return InferenceFuture(response_id, self.settings.hosts.async_inference + path)

    # ---- parsing -----------------------------------------------------------------------

    def parse_object(self, response: httpx.Response, what: str) -> dict[str, Any]:
        """The JSON object of a 2xx answer (`{}` for an empty one)."""
        if not response.content:
            return {}
        try:
            data = response.json()
        except ValueError as exc:
            raise malformed_answer(what, response, exc, secret=self.secret) from None
        if not isinstance(data, dict):
            raise malformed_answer(what, response, "expected a JSON object", secret=self.secret)
        return data

    def parse_model(
        self, parse: Callable[[dict[str, Any]], M], response: httpx.Response, what: str
    ) -> M:
        """A generated model from a 2xx answer; a wrong shape raises, never `KeyError`."""
        data = self.parse_object(response, what)
        try:
            return parse(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise malformed_answer(
                what, response, f"{type(exc).__name__}: {exc}", secret=self.secret
            ) from None


def _as_is(event: dict[str, Any]) -> dict[str, Any]:
    return event


@functools.lru_cache(maxsize=512)
def _parsed_url(url: str) -> httpx.URL:
    # httpx parses a URL string in pure Python on every request (a tenth of a chat call's CPU);
    # a client sends to few distinct URLs, so each is parsed once. httpx.URL is immutable.
    try:
        return httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise OctoAIClientError(f"invalid URL {url!r}: {exc}") from None


def _as_timeout(value: TimeoutArg) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is None or (isinstance(value, int | float) and value > 0):
        return httpx.Timeout(value)
    raise OctoAIClientError(
        f"timeout must be a positive number, an httpx.Timeout or None, not {value!r}"
    )
