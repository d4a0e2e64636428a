"""OctoAI's older published Python client (`octoai-sdk` 0.10.1) against the development server.

It runs in a subprocess (see `_octoai_sdk_tour.py`), once for all the tests of this module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from octoai_ext.devserver import DevServer

from .conftest import HERE, MESSAGES, MODEL, Reference, run_python

INPUTS = {"prompt": "A photo of an octopus", "steps": 20}


@pytest.fixture(scope="module")
def tour(devserver: DevServer, peer_sdk: Path) -> Any:
    result = run_python(
        HERE / "_octoai_sdk_tour.py",
        devserver.base_url,
        MODEL,
        json.dumps(MESSAGES),
        json.dumps(INPUTS),
        server=devserver,
        peer_sdk=True,
    )
    return json.loads(result.stdout)


def test_it_is_the_published_package(tour: Any) -> None:
    assert tour["version"] == "0.10.1"


def test_chat(tour: Any, reference: Reference) -> None:
    expected = reference.chat(max_tokens=20)
    [choice] = tour["chat"]["choices"]
    assert choice["message"]["content"] == expected["choices"][0]["message"]["content"]
    assert choice["finish_reason"] == expected["choices"][0]["finish_reason"]
    assert tour["chat"]["usage"] == expected["usage"]


def test_chat_stream(tour: Any, reference: Reference) -> None:
    expected = reference.chat(max_tokens=20)
    text = "".join(chunk["choices"][0]["delta"]["content"] or "" for chunk in tour["chat_stream"])
    assert text == expected["choices"][0]["message"]["content"]
    last = tour["chat_stream"][-1]["choices"][0]
    assert last["finish_reason"] == expected["choices"][0]["finish_reason"]


def test_chat_without_max_tokens_is_refused_as_octoai_refuses_it(tour: Any) -> None:
    # OctoAI's spec types max_tokens as an integer that cannot be null; so does ours.
    message = tour["chat_without_max_tokens"]
    assert message.startswith("Error: 422 ")
    assert '"loc":["body","max_tokens"]' in message


def test_infer(tour: Any, reference: Reference) -> None:
    assert tour["infer"] == reference.post("/infer/echo", INPUTS) == {"echo": INPUTS}


def test_async_inference(tour: Any, devserver: DevServer) -> None:
    future = tour["future"]
    assert future["poll_url"] == f"{devserver.base_url}/v1/requests/{future['response_id']}"
    assert tour["polls"] >= 1
    assert tour["future_result"] == {"echo": INPUTS}


def test_health_check(tour: Any) -> None:
    assert tour["health"] == 200
