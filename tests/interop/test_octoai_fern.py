"""OctoAI's current published Python client (`octoai` 1.11.0) against the development server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from octoai.client import AsyncOctoAI, InferenceFuture, OctoAI
from octoai.text_gen import ChatMessage

from octoai_ext.devserver import DevServer

from .conftest import MESSAGES, MODEL, PROMPT, Reference, environment

INPUTS = {"prompt": "A photo of an octopus", "steps": 20}
POLL_ATTEMPTS = 500
POLL_INTERVAL = 0.02


def _messages() -> list[ChatMessage]:
    return [ChatMessage(role=m["role"], content=m["content"]) for m in MESSAGES]


def test_chat(octoai_client: OctoAI, reference: Reference) -> None:
    completion = octoai_client.text_gen.create_chat_completion(
        model=MODEL, messages=_messages(), max_tokens=20
    )
    expected = reference.chat(max_tokens=20)
    assert completion.choices[0].message.content == expected["choices"][0]["message"]["content"]
    assert completion.choices[0].finish_reason == expected["choices"][0]["finish_reason"]
    assert completion.usage.dict() == expected["usage"]


def test_parameters_passed_as_none_are_sent_as_null(
    octoai_client: OctoAI, reference: Reference
) -> None:
    # This client sends `null` for every parameter given as None; OctoAI's spec allows it for
    # these, and it means "not given".
    completion = octoai_client.text_gen.create_chat_completion(
        model=MODEL,
        messages=_messages(),
        max_tokens=20,
        response_format=None,
        tools=None,
        tool_choice=None,
        stop=None,
        logit_bias=None,
        peft=None,
        user=None,
    )
    expected = reference.chat(max_tokens=20)
    assert completion.choices[0].message.content == expected["choices"][0]["message"]["content"]


def test_chat_stream(octoai_client: OctoAI, reference: Reference) -> None:
    chunks = list(
        octoai_client.text_gen.create_chat_completion_stream(
            model=MODEL, messages=_messages(), max_tokens=20
        )
    )
    expected = reference.chat(max_tokens=20)
    # The client drops any chunk it cannot parse without a word, so the text proves every
    # chunk parsed.
    text = "".join(chunk.choices[0].delta.content or "" for chunk in chunks)
    assert text == expected["choices"][0]["message"]["content"]
    assert chunks[-1].choices[0].finish_reason == expected["choices"][0]["finish_reason"]


def test_completion(octoai_client: OctoAI, reference: Reference) -> None:
    completion = octoai_client.text_gen.create_completion(model=MODEL, prompt=PROMPT, max_tokens=20)
    expected = reference.completion(max_tokens=20)
    assert completion.choices[0].text == expected["choices"][0]["text"]
    # Its model requires `system_fingerprint`, which OctoAI's spec requires of the service.
    assert completion.system_fingerprint == expected["system_fingerprint"]
    assert completion.usage is not None and completion.usage.dict() == expected["usage"]


def test_completion_stream(octoai_client: OctoAI, reference: Reference) -> None:
    events = list(
        octoai_client.text_gen.create_completion_stream(model=MODEL, prompt=PROMPT, max_tokens=20)
    )
    expected = reference.completion(max_tokens=20)
    assert "".join(event.choices[0].text for event in events) == expected["choices"][0]["text"]
    assert events[-1].choices[0].finish_reason == expected["choices"][0]["finish_reason"]


async def test_async_chat(async_octoai_client: AsyncOctoAI, reference: Reference) -> None:
    completion = await async_octoai_client.text_gen.create_chat_completion(
        model=MODEL, messages=_messages(), max_tokens=20
    )
    expected = reference.chat(max_tokens=20)
    assert completion.choices[0].message.content == expected["choices"][0]["message"]["content"]


# ---- generic and asynchronous inference ----------------------------------------------------
# `infer`, `infer_async`, the polling and `health_check` use the bare httpx client, which this
# SDK builds without the bearer token: against any server they send no `Authorization`.


def test_infer_sends_no_token(
    octoai_client: OctoAI, devserver: DevServer, reference: Reference
) -> None:
    with pytest.raises(httpx.HTTPStatusError) as refused:
        octoai_client.infer(f"{devserver.base_url}/infer/echo", INPUTS)
    assert refused.value.response.status_code == 401
    assert refused.value.response.json()["type"] == "authentication_error"
    assert reference.last_request() == {
        "method": "POST",
        "path": "/infer/echo",
        "has_authorization": False,
        "fault": None,
    }


def test_infer_async_sends_no_token(octoai_client: OctoAI, devserver: DevServer) -> None:
    with pytest.raises(httpx.HTTPStatusError) as refused:
        octoai_client.infer_async(f"{devserver.base_url}/infer/echo", INPUTS)
    assert refused.value.response.status_code == 401


@pytest.fixture
def authorized_octoai(devserver: DevServer) -> Iterator[OctoAI]:
    """The way around it the SDK offers: its own httpx client, carrying the token."""
    http = httpx.Client(headers={"Authorization": f"Bearer {devserver.token}"}, timeout=60)
    yield OctoAI(environment=environment(devserver), api_key=devserver.token, httpx_client=http)
    http.close()


def test_infer_with_an_authorized_httpx_client(
    authorized_octoai: OctoAI, devserver: DevServer, reference: Reference
) -> None:
    outputs = authorized_octoai.infer(f"{devserver.base_url}/infer/echo", INPUTS)
    assert outputs == reference.post("/infer/echo", INPUTS) == {"echo": INPUTS}


def _wait(client: OctoAI, future: InferenceFuture) -> None:
    for _ in range(POLL_ATTEMPTS):
        if client.is_future_ready(future):
            return
        time.sleep(POLL_INTERVAL)
    raise AssertionError(f"{future.poll_url} did not complete after {POLL_ATTEMPTS} polls")


def test_async_inference_with_an_authorized_httpx_client(
    authorized_octoai: OctoAI, devserver: DevServer, reference: Reference
) -> None:
    future = authorized_octoai.infer_async(f"{devserver.base_url}/infer/echo", INPUTS)
    assert future.poll_url == f"{devserver.base_url}/v1/requests/{future.response_id}"
    _wait(authorized_octoai, future)
    outputs: Any = authorized_octoai.get_future_result(future)
    assert outputs == reference.post("/infer/echo", INPUTS)


def test_polling_without_the_token_is_refused(
    octoai_client: OctoAI, authorized_octoai: OctoAI, devserver: DevServer
) -> None:
    future = authorized_octoai.infer_async(f"{devserver.base_url}/infer/echo", INPUTS)
    with pytest.raises(httpx.HTTPStatusError) as refused:
        octoai_client.is_future_ready(future)
    assert refused.value.response.status_code == 401


def test_health_check(octoai_client: OctoAI, devserver: DevServer, reference: Reference) -> None:
    # The health check needs no token, so this one works as it is.
    assert octoai_client.health_check(f"{devserver.base_url}/healthcheck") == 200
    assert reference.last_request() == {
        "method": "GET",
        "path": "/healthcheck",
        "has_authorization": False,
        "fault": None,
    }
