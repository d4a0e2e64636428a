"""The token goes only where the user pointed the client, and never in clear text by accident."""

from __future__ import annotations

from typing import Any

import pytest

from octoai_ext import OctoAIClientError
from octoai_ext._env import resolve_settings
from octoai_ext._hosts import TokenScope, is_loopback, origin


def scope(**kwargs: Any) -> TokenScope:
    return TokenScope.from_settings(resolve_settings(**{"token": "t", **kwargs}))


def test_origin_normalises_default_ports() -> None:
    assert origin("https://Async.OctoAI.run/v1/requests/x") == ("https", "async.octoai.run", 443)
    assert origin("http://127.0.0.1:8000/x") == ("http", "127.0.0.1", 8000)
    with pytest.raises(OctoAIClientError):
        origin("/relative")
    with pytest.raises(OctoAIClientError):
        origin("http://host:notaport/")


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("10.0.0.1", False),
        ("example.com", False),
        ("localhost.example", False),
    ],
)
def test_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_service_hosts_get_the_token_from_server_urls() -> None:
    s = scope()
    assert s.token_allowed("https://async.octoai.run/v1/requests/1", explicit=False)
    assert s.token_allowed("https://text.octoai.run/v1/chat/completions", explicit=False)


def test_foreign_server_urls_are_refused() -> None:
    s = scope()
    with pytest.raises(OctoAIClientError, match=r"attacker\.example"):
        s.token_allowed("https://attacker.example/r", explicit=False)
    # Same host name, other port or scheme: another origin.
    with pytest.raises(OctoAIClientError):
        s.token_allowed("https://async.octoai.run:8443/v1/requests/1", explicit=False)


def test_foreign_server_urls_without_token_when_opted_in() -> None:
    s = scope(untrusted_urls="send_without_token")
    assert s.token_allowed("https://attacker.example/r", explicit=False) is False


def test_trusted_hosts_extend_the_scope() -> None:
    s = scope(trusted_hosts=["Results.Example.com"])
    assert s.token_allowed("https://results.example.com/r", explicit=False)


def test_explicit_endpoints_get_the_token() -> None:
    assert scope().token_allowed("https://whisper-abc.octoai.run/predict", explicit=True)


def test_plain_http_only_to_loopback_unless_allowed() -> None:
    s = scope()
    assert s.token_allowed("http://127.0.0.1:8000/infer/echo", explicit=True)
    with pytest.raises(OctoAIClientError, match="plain http"):
        s.token_allowed("http://example.com/infer", explicit=True)
    assert scope(allow_insecure_http=True).token_allowed("http://example.com/i", explicit=True)
