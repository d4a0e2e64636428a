"""Resolve the client's settings from explicit arguments and the environment, in one place.

The environment is read when a client is built (never at import time) and is passed in as a
mapping, so resolution is a pure function that tests can drive with plain dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal
from urllib.parse import urlsplit

from . import _constants as c
from ._errors import OctoAIClientError

UntrustedUrlPolicy = Literal["refuse", "send_without_token"]


class Secret:
    """A token that never shows itself in a repr, a log line or a traceback's locals."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """Return the token itself, for the Authorization header only."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('****')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class ServiceHosts:
    """Base URLs of the OctoAI services this client talks to."""

    text_gen: str
    image: str
    async_inference: str
    platform: str

    def all(self) -> tuple[str, ...]:
        """Every configured base URL."""
        return (self.text_gen, self.image, self.async_inference, self.platform)


PUBLIC_HOSTS: Final = ServiceHosts(c.TEXT_GEN_URL, c.IMAGE_URL, c.ASYNC_URL, c.PLATFORM_URL)
SECURE_LINK_HOSTS: Final = ServiceHosts(
    c.SECURE_TEXT_GEN_URL, c.SECURE_IMAGE_URL, c.SECURE_ASYNC_URL, c.SECURE_PLATFORM_URL
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a client needs to know, resolved once and frozen."""

    token: Secret | None
    hosts: ServiceHosts
    trusted_hosts: frozenset[str] = field(default_factory=frozenset)
    untrusted_urls: UntrustedUrlPolicy = "refuse"
    allow_insecure_http: bool = False


def resolve_token(explicit: str | None, environ: Mapping[str, str]) -> Secret | None:
    """The explicit token, then `OCTOAI_TOKEN`, then `OCTOAI_API_KEY`; blank means unset."""
    if explicit is not None:
        if not isinstance(explicit, str):
            raise OctoAIClientError(f"token must be a string, not {type(explicit).__name__}")
        if explicit.strip():
            return Secret(explicit.strip())
        raise OctoAIClientError("token is empty; pass a real token or leave it out")
    for name in c.TOKEN_ENV_VARS:
        value = environ.get(name, "").strip()
        if value:
            return Secret(value)
    return None


def _normalise_base_url(url: str, *, what: str) -> str:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is the check
    except ValueError as exc:
        raise OctoAIClientError(f"{what} is not a valid URL ({exc}): {url!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OctoAIClientError(f"{what} must be an absolute http(s) URL, got {url!r}")
    if parts.query or parts.fragment:
        raise OctoAIClientError(
            f"{what} must not have a query or fragment, got {url!r}; give the server's root, "
            "such as 'http://127.0.0.1:8000'"
        )
    base = url.rstrip("/")
    # OpenAI-style clients are configured with the API prefix ('http://host:port/v1'); every
    # path of this API starts at the root (/v1/chat/completions, /infer/..., /healthcheck),
    # so the prefix is dropped rather than doubled into '/v1/v1/...'.
    if base.endswith("/v1"):
        base = base[: -len("/v1")]
    return base


def resolve_hosts(
    base_url: str | None, secure_link: bool, environ: Mapping[str, str]
) -> ServiceHosts:
    """One base URL for every service (argument, then `OCTOAI_BASE_URL`), else the defaults."""
    chosen = base_url if base_url is not None else environ.get(c.BASE_URL_ENV_VAR, "").strip()
    if chosen:
        url = _normalise_base_url(chosen, what="base_url")
        return ServiceHosts(url, url, url, url)
    return SECURE_LINK_HOSTS if secure_link else PUBLIC_HOSTS


def resolve_settings(
    *,
    token: str | None = None,
    base_url: str | None = None,
    secure_link: bool = False,
    trusted_hosts: Iterable[str] = (),
    untrusted_urls: UntrustedUrlPolicy = "refuse",
    allow_insecure_http: bool = False,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Combine explicit arguments and the environment into one frozen `Settings`.

    The defaults are the client's; `environ` is the environment to read (the clients pass
    `os.environ`), none when left out, so the function stays pure.
    """
    environ = environ if environ is not None else {}
    if untrusted_urls not in ("refuse", "send_without_token"):
        raise OctoAIClientError(
            f"untrusted_urls must be 'refuse' or 'send_without_token', not {untrusted_urls!r}"
        )
    return Settings(
        token=resolve_token(token, environ),
        hosts=resolve_hosts(base_url, secure_link, environ),
        trusted_hosts=frozenset(h.lower() for h in trusted_hosts),
        untrusted_urls=untrusted_urls,
        allow_insecure_http=allow_insecure_http,
    )
