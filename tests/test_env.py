"""Token and host resolution: explicit arguments, then the environment, never at import time."""

from __future__ import annotations

from typing import Any

import pytest

from octoai_ext import OctoAI, OctoAIClientError
from octoai_ext._env import PUBLIC_HOSTS, SECURE_LINK_HOSTS, Secret, Settings, resolve_settings


def settings(environ: dict[str, str], **kwargs: Any) -> Settings:
    return resolve_settings(environ=environ, **kwargs)


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("arg", {"OCTOAI_TOKEN": "env", "OCTOAI_API_KEY": "key"}, "arg"),
        (None, {"OCTOAI_TOKEN": "env", "OCTOAI_API_KEY": "key"}, "env"),
        (None, {"OCTOAI_API_KEY": "key"}, "key"),
        (None, {"OCTOAI_TOKEN": "  ", "OCTOAI_API_KEY": "key"}, "key"),
        (None, {"OCTOAI_TOKEN": " padded \n"}, "padded"),
        (None, {}, None),
    ],
)
def test_token_order(explicit: str | None, environ: dict[str, str], expected: str | None) -> None:
    token = settings(environ, token=explicit).token
    assert (token.reveal() if token else None) == expected


def test_empty_explicit_token_is_an_error() -> None:
    with pytest.raises(OctoAIClientError, match="token is empty"):
        settings({}, token=" ")


def test_non_string_token_is_an_error() -> None:
    with pytest.raises(OctoAIClientError, match="must be a string"):
        settings({}, token=123)


def test_secret_hides_itself() -> None:
    secret = Secret("sekrit-token")
    assert "sekrit" not in repr(secret)
    assert "sekrit" not in str(secret)
    assert "sekrit" not in f"{secret}"
    assert secret == Secret("sekrit-token")
    assert secret.reveal() == "sekrit-token"


def test_hosts_default_public_then_securelink() -> None:
    assert settings({}).hosts == PUBLIC_HOSTS
    assert settings({}, secure_link=True).hosts == SECURE_LINK_HOSTS
    assert SECURE_LINK_HOSTS.async_inference == "https://async.securelink.octoai.run"


def test_base_url_argument_then_environment() -> None:
    hosts = settings({"OCTOAI_BASE_URL": "http://127.0.0.1:9/"}).hosts
    assert set(hosts.all()) == {"http://127.0.0.1:9"}
    hosts = settings({"OCTOAI_BASE_URL": "http://127.0.0.1:9"}, base_url="http://localhost:1").hosts
    assert hosts.text_gen == "http://localhost:1"


@pytest.mark.parametrize("bad", ["localhost:8000", "ftp://x", "/v1", "http://"])
def test_base_url_must_be_absolute_http(bad: str) -> None:
    with pytest.raises(OctoAIClientError, match="base_url"):
        settings({}, base_url=bad)


def test_untrusted_url_policy_is_checked() -> None:
    with pytest.raises(OctoAIClientError, match="untrusted_urls"):
        settings({}, untrusted_urls="sometimes")


def test_environment_is_read_when_the_client_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OCTOAI_TOKEN", raising=False)
    monkeypatch.delenv("OCTOAI_API_KEY", raising=False)
    assert not OctoAI().has_token
    monkeypatch.setenv("OCTOAI_TOKEN", "set-after-import")
    client = OctoAI()
    assert client.has_token
    assert "set-after-import" not in repr(client)
    assert "****" in repr(client)


def test_signature_defaults_hold_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    import inspect

    monkeypatch.setenv("OCTOAI_TOKEN", "never-in-signature")
    assert "never-in-signature" not in str(inspect.signature(OctoAI.__init__))


def test_no_attribute_of_the_client_shows_the_token() -> None:
    client = OctoAI(token="do-not-print-me")
    shown = repr(vars(client)) + repr(vars(client._core)) + repr(client._core.settings)
    assert "do-not-print-me" not in shown


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
        ("http://127.0.0.1:8000/v1", "http://127.0.0.1:8000"),
        ("http://127.0.0.1:8000/v1/", "http://127.0.0.1:8000"),
        ("https://proxy.example/octo/v1", "https://proxy.example/octo"),
        ("https://proxy.example/v1beta", "https://proxy.example/v1beta"),
    ],
)
def test_an_openai_style_v1_suffix_is_dropped(given: str, expected: str) -> None:
    assert settings({}, base_url=given).hosts.text_gen == expected


@pytest.mark.parametrize("bad", ["http://h/?x=1", "http://h/#top", "http://h:99999", "h:8000"])
def test_base_urls_that_cannot_be_a_root_are_refused(bad: str) -> None:
    with pytest.raises(OctoAIClientError, match="base_url"):
        settings({}, base_url=bad)
