"""Construction shared by `OctoAI` and `AsyncOctoAI`: settings, the httpx client, the core."""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Iterable, Mapping
from typing import Generic, Self, TypeVar

import httpx

from . import _constants as c
from . import _inference
from ._core import (
    CallOptions,
    ClientCore,
    check_retries,
    default_timeout,
    positive_seconds,
    resolve_timeout,
)
from ._env import UntrustedUrlPolicy, resolve_settings
from ._errors import OctoAIClientError
from ._futures import InferenceFuture
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

H = TypeVar("H", httpx.Client, httpx.AsyncClient)

USER_AGENT = f"octoai-ext/{__version__} httpx/{httpx.__version__}"


class ClientBase(Generic[H]):
    """Resolves settings once and owns (or borrows) one httpx connection pool.

    Args:
        token: An OctoAI token; by default `OCTOAI_TOKEN`, then `OCTOAI_API_KEY`. Optional:
            health checks work without one, other calls raise `AuthenticationError` before
            sending.
        base_url: One base URL for every service, such as the development server's; by default
            `OCTOAI_BASE_URL`, else the public (or SecureLink) hosts. A trailing `/v1`, as
            OpenAI-style clients write it, is accepted and dropped.
        secure_link: Use the SecureLink hosts instead of the public ones.
        timeout: Seconds for each call as a whole (every attempt and pause included), an
            `httpx.Timeout` of per-phase limits for each request, or None for no limit.
            Default: no overall limit; 10 s to connect and 600 s per read, since a cold model
            can take minutes (with `httpx_client`, that client's own timeouts).
        max_retries: Retries after a failed attempt (default 2); see the README for what is
            retried.
        httpx_client: An httpx client of your own (proxies, certificates, limits): an
            `httpx.Client` for `OctoAI`, an `httpx.AsyncClient` for `AsyncOctoAI`. Closing
            this client leaves it open.
        default_headers: Headers sent with every request.
        trusted_hosts: More host names that may receive the token in server-supplied URLs.
        untrusted_urls: `"refuse"` (default) or `"send_without_token"` for a `poll_url` or
            `response_url` on a host that is not trusted.
        allow_insecure_http: Allow the token over plain http to non-loopback hosts.
        stream_idle_timeout: Seconds a stream may stay silent before it is considered dead
            (default 300), None for no limit.
    """

    _http_class: type[H]

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        secure_link: bool = False,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = c.DEFAULT_MAX_RETRIES,
        httpx_client: H | None = None,
        default_headers: Mapping[str, str] | None = None,
        trusted_hosts: Iterable[str] = (),
        untrusted_urls: UntrustedUrlPolicy = "refuse",
        allow_insecure_http: bool = False,
        stream_idle_timeout: float | None = c.DEFAULT_STREAM_IDLE_TIMEOUT,
    ) -> None:
        settings = resolve_settings(
            token=token,
            base_url=base_url,
            secure_link=secure_link,
            trusted_hosts=trusted_hosts,
            untrusted_urls=untrusted_urls,
            allow_insecure_http=allow_insecure_http,
            environ=os.environ,
        )
        if stream_idle_timeout is not None and not positive_seconds(stream_idle_timeout):
            raise OctoAIClientError(
                "stream_idle_timeout must be a positive number or None, "
                f"not {stream_idle_timeout!r}"
            )
        self._owns_http = httpx_client is None
        if httpx_client is None:
            phases = default_timeout()
            # Redirects stay off: following one could carry the token to another host. The
            # pool keeps httpx's default limits: keeping more idle connections alive makes
            # httpcore's per-request pool scan quadratic (see bench/RESULTS.md).
            http = self._http_class(timeout=phases, follow_redirects=False)
        else:
            if not isinstance(httpx_client, self._http_class):
                raise TypeError(
                    f"httpx_client must be an {self._http_class.__module__}."
                    f"{self._http_class.__name__}, not {type(httpx_client).__name__}"
                )
            http = httpx_client
            # The timeouts the caller gave their own client hold unless this one is told others.
            phases = httpx_client.timeout
        budget = None
        if timeout is not NOT_GIVEN:
            phases, budget = resolve_timeout(timeout, phases=phases)
        self._http: H = http
        # Loaded here, not at import: the layer imports httpcore, which httpx too loads only
        # when a client is built, so `import octoai_ext` stays close to `import httpx`.
        from ._deadline_layer import install

        self._core = ClientCore(
            settings,
            http,
            defaults=CallOptions(phases, budget, check_retries(max_retries)),
            stream_idle_timeout=stream_idle_timeout,
            default_headers={"User-Agent": USER_AGENT, **(default_headers or {})},
            deadlines_enforced=install(http),
        )
        self._setup()

    def _setup(self) -> None:
        """Attach the resource facades; called again for each copy from `with_options`.

        Facades built on first use are cached properties, which a copy builds afresh.
        """
        raise NotImplementedError

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy of this client with other defaults, sharing its connection pool and token.

        Args:
            timeout: The copy's default timeout (see the class); not given: unchanged.
            max_retries: The copy's default retries; not given: unchanged.
            default_headers: Headers added to (or replacing) this client's default headers.

        Closing the copy leaves the shared pool open; close the original when done.

        Raises:
            OctoAIClientError: An option has a value of the wrong kind.
        """
        clone = copy.copy(self)
        # What the original built on first use is bound to it; the copy builds its own.
        for name in _cached_properties(type(self)):
            clone.__dict__.pop(name, None)
        clone._owns_http = False
        clone._core = self._core.derive(
            timeout=timeout, max_retries=max_retries, default_headers=default_headers
        )
        clone._setup()
        return clone

    @property
    def base_url(self) -> str:
        """The text-generation base URL (every service's, when `base_url` was given)."""
        return self._core.settings.hosts.text_gen

    @property
    def has_token(self) -> bool:
        """Whether a token was found; health checks work without one, everything else needs it."""
        return self._core.settings.token is not None

    def get_future(self, response_id: str) -> InferenceFuture:
        """A future for a `response_id` stored earlier, polled on the configured async host.

        Raises:
            OctoAIClientError: `response_id` is empty.
        """
        return _inference.future_for(self._core, response_id)

    def __repr__(self) -> str:
        token = "****" if self.has_token else None
        return f"{type(self).__name__}(base_url={self.base_url!r}, token={token!r})"


def _cached_properties(cls: type) -> list[str]:
    """The names of `cls`'s cached properties, whose values an instance keeps in its dict."""
    return [
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, functools.cached_property)
    ]
