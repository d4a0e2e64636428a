"""Which URLs may receive the token.

The `Authorization` header goes only to the configured service hosts, to hosts the user added
with `trusted_hosts=`, and to an endpoint URL the caller passes explicitly. A URL chosen by the
server (`poll_url`, `response_url`) on any other host is refused, or fetched without the token
when the user opted in. Plain `http://` with a token is allowed only on loopback hosts unless the
user opted in, so a token is never sent in clear text by accident.
"""

from __future__ import annotations

import functools
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from ._env import Settings
from ._errors import OctoAIClientError

_DEFAULT_PORTS = {"http": 80, "https": 443}


# Every request asks about its URL, and a client talks to few URLs: remember the answers.
@functools.lru_cache(maxsize=512)
def origin(url: str) -> tuple[str, str, int]:
    """`(scheme, host, port)` of an absolute http(s) URL; raises `OctoAIClientError` otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise OctoAIClientError(f"invalid URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise OctoAIClientError(f"expected an absolute http(s) URL, got {url!r}")
    return scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[scheme]


@functools.lru_cache(maxsize=128)
def is_loopback(host: str) -> bool:
    """True for `localhost` and addresses in 127.0.0.0/8 or ::1."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class TokenScope:
    """Decides, per URL, whether the token may be attached."""

    trusted_origins: frozenset[tuple[str, str, int]]
    trusted_hostnames: frozenset[str]
    send_to_untrusted_without_token: bool
    allow_insecure_http: bool

    @classmethod
    def from_settings(cls, settings: Settings) -> TokenScope:
        """Trust the configured service hosts and the user's extra `trusted_hosts`."""
        return cls(
            trusted_origins=frozenset(origin(url) for url in settings.hosts.all()),
            trusted_hostnames=settings.trusted_hosts,
            send_to_untrusted_without_token=settings.untrusted_urls == "send_without_token",
            allow_insecure_http=settings.allow_insecure_http,
        )

    def is_trusted(self, url: str) -> bool:
        """Whether `url` is on a configured service host or a host the user trusted."""
        scheme, host, port = origin(url)
        return (scheme, host, port) in self.trusted_origins or host in self.trusted_hostnames

    def token_allowed(self, url: str, *, explicit: bool) -> bool:
        """Whether to attach the token to a request for `url`.

        Args:
            url: The absolute URL about to be requested.
            explicit: True when the caller passed this URL (an endpoint URL), False when the
                server supplied it (a `poll_url` or `response_url`).

        Raises:
            OctoAIClientError: The URL is refused: a server-supplied URL on an untrusted host
                (unless the user opted in), or plain http to a non-loopback host.
        """
        scheme, host, _ = origin(url)
        if not explicit and not self.is_trusted(url):
            if not self.send_to_untrusted_without_token:
                raise OctoAIClientError(
                    f"refusing to follow {url!r}: the server pointed to host {host!r}, which is "
                    "not a configured OctoAI host. Add it with trusted_hosts=[...] or pass "
                    "untrusted_urls='send_without_token' to fetch it without the token."
                )
            return False
        if scheme == "http" and not is_loopback(host) and not self.allow_insecure_http:
            raise OctoAIClientError(
                f"refusing to send the token over plain http to {host!r}; use https, or pass "
                "allow_insecure_http=True if this network is trusted."
            )
        return True

    def check_presigned(self, url: str) -> None:
        """Check a presigned upload or download URL, which never gets the token.

        Such a URL carries its own credential (a signature in its query), so no `Authorization`
        header goes with it, whatever its host: object stores refuse a second credential, and
        the token has no business there. Plain http is refused off loopback, as for the token,
        because the URL itself is the secret.

        Raises:
            OctoAIClientError: The URL is not absolute http(s), or is plain http to a host that
                is not loopback (unless `allow_insecure_http`).
        """
        scheme, host, _ = origin(url)
        if scheme == "http" and not is_loopback(host) and not self.allow_insecure_http:
            raise OctoAIClientError(
                f"refusing to send a file over plain http to {host!r}: the upload URL is a "
                "credential; use https, or pass allow_insecure_http=True if this network is "
                "trusted."
            )
