"""Construction shared by `OctoAI` and `AsyncOctoAI`: settings, the httpx client, the core."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

import httpx

from . import _constants as c
from ._core import NOT_GIVEN, ClientCore, NotGiven, TimeoutArg, _as_timeout, default_timeout
from ._env import UntrustedUrlPolicy, resolve_settings
from ._futures import InferenceFuture
from ._version import __version__

H = TypeVar("H", httpx.Client, httpx.AsyncClient)

USER_AGENT = f"octoai-ext/{__version__} httpx/{httpx.__version__}"


class ClientBase(Generic[H]):
    """Resolves settings once and owns (or borrows) one httpx connection pool."""

    _http_class: type[H]

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        secure_link: bool = False,
        timeout: TimeoutArg | NotGiven = NOT_GIVEN,
        max_retries: int = c.DEFAULT_MAX_RETRIES,
        httpx_client: H | None = None,
        default_headers: Mapping[str, str] | None = None,
        trusted_hosts: Iterable[str] = (),
        untrusted_urls: UntrustedUrlPolicy = "refuse",
        allow_insecure_http: bool = False,
        stream_idle_timeout: float = c.DEFAULT_STREAM_IDLE_TIMEOUT,
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
        resolved_timeout = default_timeout() if timeout is NOT_GIVEN else _as_timeout(timeout)
        self._owns_http = httpx_client is None
        if httpx_client is None:
            # Redirects stay off: following one could carry the token to another host. The
            # pool keeps httpx's default limits: keeping more idle connections alive makes
            # httpcore's per-request pool scan quadratic (see bench/RESULTS.md).
            http = self._http_class(timeout=resolved_timeout, follow_redirects=False)
        else:
            if not isinstance(httpx_client, self._http_class):
                raise TypeError(
                    f"httpx_client must be an {self._http_class.__module__}."
                    f"{self._http_class.__name__}, not {type(httpx_client).__name__}"
                )
            http = httpx_client
        headers = {"User-Agent": USER_AGENT, **(default_headers or {})}
        self._http: H = http
        self._core = ClientCore(
            settings,
            http,
            timeout=resolved_timeout,
            max_retries=max_retries,
            stream_idle_timeout=stream_idle_timeout,
            default_headers=headers,
        )

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
        return self._core.future_for(response_id)

    def __repr__(self) -> str:
        token = "****" if self.has_token else None
        return f"{type(self).__name__}(base_url={self.base_url!r}, token={token!r})"
