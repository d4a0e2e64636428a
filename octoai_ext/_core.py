"""What the sync and asyncio clients share: settings, per-call options, requests, parsing.

`ClientCore` never performs I/O. Operations (`_text`, `_inference`, `_polling`, `_health`, ...)
are flows over a core (see `_flows`) that the clients drive with their own `send` and `sleep`.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeGuard, TypeVar

import httpx

from . import _constants as c
from ._env import Settings
from ._errors import AuthenticationError, OctoAIClientError, malformed_answer
from ._flows import Call, Deadline, Flow, start_deadline
from ._flows import call as call_flow
from ._hosts import TokenScope
from ._retry import RetryPolicy
from ._types import NOT_GIVEN

M = TypeVar("M")
HttpClient = httpx.Client | httpx.AsyncClient

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


@dataclass(frozen=True, slots=True)
class CallOptions:
    """The per-call options of one call, resolved against the client's defaults.

    Attributes:
        timeout: Per-phase limits of each request.
        budget: Seconds for the whole operation, None for no overall limit.
        max_retries: Retries after a failed attempt.
        extra_headers: Headers added to each request of the call.
        extra_body: JSON fields merged into the body.
    """

    timeout: httpx.Timeout
    budget: float | None
    max_retries: int
    extra_headers: Mapping[str, str] | None = None
    extra_body: Mapping[str, Any] | None = None

    def deadline(self, clock: Callable[[], float]) -> Deadline | None:
        """The deadline of an operation starting now."""
        return start_deadline(self.budget, clock)


def positive_seconds(value: object) -> TypeGuard[int | float]:
    """Whether `value` is a positive, finite number of seconds (a bool is not one)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and value > 0
        and math.isfinite(value)
    )


def resolve_timeout(value: object, *, phases: httpx.Timeout) -> tuple[httpx.Timeout, float | None]:
    """Per-phase limits and overall budget for a `timeout` argument.

    Raises:
        OctoAIClientError: The value is not a positive number, an `httpx.Timeout` or None.
    """
    if isinstance(value, httpx.Timeout):
        return value, None
    if value is None:
        return httpx.Timeout(None), None
    if positive_seconds(value):
        return phases, float(value)
    raise OctoAIClientError(
        f"timeout must be a positive number of seconds, an httpx.Timeout or None, not {value!r}"
    )


def check_retries(value: object) -> int:
    """`value` as a retry count.

    Raises:
        OctoAIClientError: It is not a whole number >= 0.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise OctoAIClientError(f"max_retries must be a whole number >= 0, not {value!r}")


class ClientCore:
    """Builds requests and resolves options for one client; holds no connection itself.

    Args:
        settings: The resolved settings (token, hosts, token scope).
        http: The httpx client whose `build_request` makes the requests.
        defaults: The client's default per-call options.
        stream_idle_timeout: Seconds a stream may stay silent, per read.
        default_headers: Headers sent with every request.
        deadlines_enforced: Whether the deadline layer sits under the transport, so a
            deadline also cuts off a read that hangs (see `_deadline`).
        clock: Monotonic seconds; injectable for tests.
        scope: The token scope of `settings`, when it was already built (by the core this one
            derives from).
    """

    def __init__(
        self,
        settings: Settings,
        http: HttpClient,
        *,
        defaults: CallOptions,
        stream_idle_timeout: float | None,
        default_headers: Mapping[str, str],
        deadlines_enforced: bool = False,
        clock: Callable[[], float] = time.monotonic,
        scope: TokenScope | None = None,
    ) -> None:
        self.settings = settings
        self.http = http
        self.scope = TokenScope.from_settings(settings) if scope is None else scope
        self.defaults = defaults
        self.stream_idle_timeout = stream_idle_timeout
        self.default_headers = dict(default_headers)
        self.deadlines_enforced = deadlines_enforced
        self.policy = RetryPolicy(max_retries=defaults.max_retries)
        self.clock = clock
        # Kept wrapped, so that no repr or traceback of the core shows the token.
        self._token = settings.token

    def derive(
        self,
        *,
        timeout: object = NOT_GIVEN,
        max_retries: object = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> ClientCore:
        """A core with other defaults, sharing everything else."""
        defaults = self.defaults
        if timeout is not NOT_GIVEN:
            phases, budget = resolve_timeout(timeout, phases=defaults.timeout)
            defaults = replace(defaults, timeout=phases, budget=budget)
        if max_retries is not NOT_GIVEN:
            defaults = replace(defaults, max_retries=check_retries(max_retries))
        return ClientCore(
            self.settings,
            self.http,
            defaults=defaults,
            stream_idle_timeout=self.stream_idle_timeout,
            default_headers={**self.default_headers, **(default_headers or {})},
            deadlines_enforced=self.deadlines_enforced,
            clock=self.clock,
            scope=self.scope,
        )

    @property
    def secret(self) -> str | None:
        """The token, for scrubbing it out of server messages."""
        return self._token.reveal() if self._token is not None else None

    # ---- options -----------------------------------------------------------------------

    def options(self, given: Mapping[str, Any]) -> CallOptions:
        """Resolve the per-call options of one call against the client's defaults.

        Raises:
            OctoAIClientError: An option has a value of the wrong kind.
        """
        if not given:
            return self.defaults
        defaults = self.defaults
        phases, budget = defaults.timeout, defaults.budget
        timeout = given.get("timeout", NOT_GIVEN)
        if timeout is not NOT_GIVEN:
            phases, budget = resolve_timeout(timeout, phases=phases)
        retries = given.get("max_retries", NOT_GIVEN)
        return CallOptions(
            phases,
            budget,
            defaults.max_retries if retries is NOT_GIVEN else check_retries(retries),
            given.get("extra_headers"),
            given.get("extra_body"),
        )

    def stream_phases(self, options: CallOptions) -> httpx.Timeout:
        """The phase limits of a stream: reads are bounded by the stream idle timeout."""
        phases = options.timeout
        return httpx.Timeout(
            connect=phases.connect,
            read=self.stream_idle_timeout,
            write=phases.write,
            pool=phases.pool,
        )

    def post_call(
        self,
        url: str,
        options: CallOptions,
        *,
        explicit: bool,
        headers: Mapping[str, str],
        stream: bool,
        json: Any = None,
        content: bytes | None = None,
    ) -> Call:
        """A POST the server may act on, so retried only where that is safe.

        With `stream`, it asks for a `text/event-stream`, whose reads get the idle timeout.
        """
        headers = dict(headers)
        timeout = None
        if stream:
            headers["Accept"] = "text/event-stream"
            timeout = self.stream_phases(options)
        request = self.build(
            "POST",
            url,
            explicit=explicit,
            options=options,
            json=json,
            content=content,
            headers=headers,
            timeout=timeout,
        )
        return Call(request, idempotent=False, max_retries=options.max_retries, stream=stream)

    # ---- request building --------------------------------------------------------------

    def build(
        self,
        method: str,
        url: str,
        *,
        explicit: bool,
        options: CallOptions | None = None,
        needs_token: bool = True,
        content: bytes | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> httpx.Request:
        """An `httpx.Request` with the token attached only where the token scope allows it.

        Raises:
            OctoAIClientError: No token for an operation that needs one, or a refused URL.
        """
        options = options or self.defaults
        merged = {**self.default_headers, **(headers or {}), **(options.extra_headers or {})}
        if needs_token and self.scope.token_allowed(url, explicit=explicit):
            if self._token is None:
                raise AuthenticationError(_MISSING_TOKEN_HELP)
            merged["Authorization"] = f"Bearer {self._token.reveal()}"
        return self.http.build_request(
            method,
            _parsed_url(url),
            content=content,
            json=json,
            params=params,
            headers=merged,
            timeout=timeout or options.timeout,
        )

    def api_call(
        self,
        method: str,
        url: str,
        options: CallOptions,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        not_found: type[Any] | None = None,
        context: str = "",
        idempotent: bool | None = None,
    ) -> Call:
        """A call to one of the configured service hosts, retried as its method allows."""
        request = self.build(method, url, explicit=False, options=options, json=json, params=params)
        return Call(
            request,
            idempotent=method in ("GET", "HEAD", "PUT", "DELETE")
            if idempotent is None
            else idempotent,
            max_retries=options.max_retries,
            not_found=not_found,
            context=context,
        )

    def platform_call(
        self,
        route: tuple[str, str],
        options: CallOptions,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> Call:
        """A call to a route of the platform API (the asset library, fine-tuning)."""
        method, path = route
        url = self.settings.hosts.platform + path
        return self.api_call(method, url, options, json=json, params=params)

    # ---- sending -----------------------------------------------------------------------

    def call(self, spec: Call, deadline: Deadline | None = None) -> Flow[httpx.Response]:
        """Send `spec` with this client's retry policy; the 2xx answer, or raise (see `_flows`)."""
        return call_flow(spec, self.policy, secret=self.secret, deadline=deadline)

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


@functools.lru_cache(maxsize=512)
def _parsed_url(url: str) -> httpx.URL:
    # httpx parses a URL string in pure Python on every request (a tenth of a chat call's CPU);
    # a client sends to few distinct URLs, so each is parsed once. httpx.URL is immutable.
    try:
        return httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise OctoAIClientError(f"invalid URL {url!r}: {exc}") from None
