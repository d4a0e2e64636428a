"""Building clients and their copies, with nothing sent: facades, raw views and checked options."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from octoai_ext import AsyncOctoAI, OctoAI, OctoAIClientError

CLIENTS = [OctoAI, AsyncOctoAI]


@pytest.mark.parametrize("cls", CLIENTS)
def test_the_raw_view_is_built_once_and_each_copy_has_its_own(cls: Any) -> None:
    client = cls(token="t", base_url="http://127.0.0.1:1")
    raw = client.with_raw_response
    assert client.with_raw_response is raw
    assert raw.asset is raw.asset
    copy = client.with_options(max_retries=0)
    assert copy.with_raw_response is not raw
    # Each raw view wraps the methods of its own client's facades.
    assert copy.with_raw_response.asset.get.__wrapped__.__self__ is copy.asset
    assert raw.asset.get.__wrapped__.__self__ is client.asset
    assert copy.asset is not client.asset
    assert copy.with_raw_response.text_gen is not raw.text_gen


@pytest.mark.parametrize("cls", CLIENTS)
def test_a_copy_keeps_the_token_scope(cls: Any) -> None:
    client = cls(token="t", base_url="http://127.0.0.1:1", trusted_hosts=["models.example"])
    copy = client.with_options(timeout=5)
    assert copy._core.scope is client._core.scope
    assert copy._core.settings is client._core.settings


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize("bad", [0, -1, float("inf"), float("nan"), "5", True, False])
def test_stream_idle_timeout_must_be_positive_seconds(cls: Any, bad: Any) -> None:
    with pytest.raises(OctoAIClientError, match="stream_idle_timeout"):
        cls(token="t", base_url="http://127.0.0.1:1", stream_idle_timeout=bad)


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize("good", [None, 0.5, 2])
def test_stream_idle_timeout_takes_seconds_or_none(cls: Any, good: Any) -> None:
    client = cls(token="t", base_url="http://127.0.0.1:1", stream_idle_timeout=good)
    assert client._core.stream_idle_timeout == good


def test_the_raw_view_of_text_generation_loads_no_platform_module() -> None:
    # The raw view builds its asset, tune and image views on first use, as the client does.
    platform = (
        "octoai_ext._assets",
        "octoai_ext._tunes",
        "octoai_ext.resources.assets",
        "octoai_ext.resources.tunes",
        "octoai_ext.resources.images",
    )
    code = f"""
import sys
from octoai_ext import AsyncOctoAI, OctoAI
platform = {platform!r}
for cls in (OctoAI, AsyncOctoAI):
    raw = cls(token="t", base_url="http://127.0.0.1:1").with_raw_response
    raw.text_gen.create_chat_completion, raw.chat.completions.create, raw.infer
print([name for name in platform if name in sys.modules])
raw.asset
print([name for name in platform if name in sys.modules])
"""
    out = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded_by_asset = [
        "octoai_ext._assets",
        "octoai_ext.resources.assets",
    ]
    assert out.stdout.splitlines() == ["[]", repr(loaded_by_asset)]
