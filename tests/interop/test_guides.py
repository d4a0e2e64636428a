"""The Python guides of the original product docs run as published, through OctoAI's own SDKs.

Guide 002 is written for octoai-sdk 0.10.1, guide 003 for octoai 1.11.0 (see `guides/`). Both
print what the development server answered, which must be what a plain HTTP call gets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from octoai_ext.devserver import DevServer

from .conftest import HERE, Reference, run_python

GUIDES = HERE / "guides"
SYSTEM = (
    "Below is an instruction that describes a task. "
    "Write a response that appropriately completes the request."
)
MESSAGES = [
    {"role": "system", "content": SYSTEM},
    {"role": "user", "content": "Write a blog about Seattle"},
]


def run_guides(server: DevServer, sdk: str, *names: str) -> dict[str, str]:
    """What each guide printed, by file name (one interpreter runs all the guides of an SDK)."""
    paths = [str(GUIDES / name) for name in names]
    result = run_python(
        HERE / "_run_guide.py",
        sdk,
        server.base_url,
        *paths,
        server=server,
        peer_sdk=sdk == "octoai-sdk",
    )
    printed: dict[str, str] = json.loads(result.stdout)
    return {Path(path).name: text for path, text in printed.items()}


@pytest.fixture(scope="module")
def guide_002(devserver: DevServer, peer_sdk: Path) -> dict[str, str]:
    return run_guides(devserver, "octoai-sdk", "002_chat.py.txt", "002_stream.py.txt")


@pytest.fixture(scope="module")
def guide_003(devserver: DevServer) -> dict[str, str]:
    return run_guides(devserver, "octoai", "003_chat.py.txt", "003_stream.py.txt")


def expected_chat(reference: Reference, model: str) -> Any:
    return reference.post(
        "/v1/chat/completions", {"model": model, "messages": MESSAGES, "max_tokens": 150}
    )


def assert_printed_completion(printed: Any, expected: Any) -> None:
    assert printed["object"] == "chat.completion"
    assert printed["model"] == expected["model"]
    [choice] = printed["choices"]
    assert choice["message"]["role"] == "assistant"
    assert choice["message"]["content"] == expected["choices"][0]["message"]["content"]
    assert choice["finish_reason"] == expected["choices"][0]["finish_reason"]
    assert printed["usage"] == expected["usage"]


def test_guide_002_chat(guide_002: dict[str, str], reference: Reference) -> None:
    printed = json.loads(guide_002["002_chat.py.txt"])
    assert_printed_completion(printed, expected_chat(reference, "llama-2-70b-chat"))


def test_guide_002_stream(guide_002: dict[str, str], reference: Reference) -> None:
    expected = expected_chat(reference, "llama-2-70b-chat")
    assert guide_002["002_stream.py.txt"] == expected["choices"][0]["message"]["content"]


def test_guide_003_chat(guide_003: dict[str, str], reference: Reference) -> None:
    printed = json.loads(guide_003["003_chat.py.txt"])
    assert_printed_completion(printed, expected_chat(reference, "meta-llama-3-8b-instruct"))


def test_guide_003_stream(guide_003: dict[str, str], reference: Reference) -> None:
    expected = expected_chat(reference, "meta-llama-3-8b-instruct")
    assert guide_003["003_stream.py.txt"] == expected["choices"][0]["message"]["content"]
