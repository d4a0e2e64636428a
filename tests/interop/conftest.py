"""Published clients pointed at the shared development server, and the answers to expect.

The development server's text model is deterministic, so what a published client gets is
compared with what a plain HTTP call gets for the same request.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
from octoai.client import AsyncOctoAI, OctoAI
from octoai.environment import OctoAIEnvironment
from support.control import client, request_log

from octoai_ext.devserver import DevServer

HERE = Path(__file__).resolve().parent
#: octoai-sdk 0.10.1 cannot share the environment with octoai 1.11.0 (both are the package
#: `octoai`); `make setup` installs it here, and only subprocesses put it on their path.
PEER_SDK_DIR = Path(sys.prefix) / "peers" / "octoai-sdk-0.10.1"
MODEL = "meta-llama-3.1-8b-instruct"
MESSAGES = [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "Write a haiku about octopuses"},
]
PROMPT = "Eight arms in the kelp"
SUBPROCESS_TIMEOUT = 120


class Reference:
    """Plain HTTP calls to the development server: the answers a client must reproduce."""

    def __init__(self, server: DevServer) -> None:
        self.server = server
        self.http = client(server, timeout=30)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        answer = self.http.post(path, json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def chat(self, **body: Any) -> Any:
        return self.post("/v1/chat/completions", {"model": MODEL, "messages": MESSAGES, **body})

    def completion(self, **body: Any) -> Any:
        return self.post("/v1/completions", {"model": MODEL, "prompt": PROMPT, **body})

    def last_request(self) -> dict[str, Any]:
        """The request the server saw last (its log holds method, path and whether a token came)."""
        return request_log(self.server)[-1]


@pytest.fixture(scope="session")
def reference(devserver: DevServer) -> Iterator[Reference]:
    ref = Reference(devserver)
    yield ref
    ref.http.close()


def environment(server: DevServer) -> OctoAIEnvironment:
    """OctoAI's hosts, all replaced by the development server."""
    return OctoAIEnvironment(
        default=server.base_url, image_gen=server.base_url, text_gen=server.base_url
    )


@pytest.fixture
def octoai_client(devserver: DevServer) -> Iterator[OctoAI]:
    """`octoai` 1.11.0 as its README shows it, with the server in place of OctoAI's hosts."""
    client = OctoAI(environment=environment(devserver), api_key=devserver.token)
    yield client
    client._client_wrapper.httpx_client.httpx_client.close()


@pytest.fixture
def async_octoai_client(devserver: DevServer) -> AsyncOctoAI:
    return AsyncOctoAI(environment=environment(devserver), api_key=devserver.token)


@pytest.fixture
def openai_client(devserver: DevServer) -> Iterator[openai.OpenAI]:
    client = openai.OpenAI(
        base_url=f"{devserver.base_url}/v1", api_key=devserver.token, max_retries=0
    )
    yield client
    client.close()


@pytest.fixture
def async_openai_client(devserver: DevServer) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(
        base_url=f"{devserver.base_url}/v1", api_key=devserver.token, max_retries=0
    )


def run_python(
    script: Path, *args: str, server: DevServer, peer_sdk: bool
) -> subprocess.CompletedProcess[str]:
    """Run a script in a fresh interpreter, with OCTOAI_TOKEN set as the guides expect.

    With `peer_sdk`, octoai-sdk 0.10.1 is the `octoai` it imports.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("OCTOAI_")}
    env.pop("PYTHONPATH", None)
    env["OCTOAI_TOKEN"] = server.token
    if peer_sdk:
        env["PYTHONPATH"] = str(PEER_SDK_DIR)
    result = subprocess.run(  # noqa: S603 - this interpreter, a script of this directory
        [sys.executable, str(script), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def peer_sdk() -> Path:
    """The directory holding octoai-sdk 0.10.1 (skips when `make setup` has not installed it)."""
    if not (PEER_SDK_DIR / "octoai" / "chat.py").is_file():
        pytest.skip(f"octoai-sdk 0.10.1 is not installed in {PEER_SDK_DIR}: run `make setup`")
    return PEER_SDK_DIR
