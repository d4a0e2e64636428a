"""The public surface a user touches first: raw responses, copies with other options, typed
statuses, the error for no answer, progress callbacks, and request ids from other servers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.scripted_server import Request, chunked, response, scripted_server

from octoai_ext import (
    APIResponse,
    AsyncOctoAI,
    AsyncStatus,
    NotFoundError,
    OctoAI,
    OctoAIConnectionError,
    OctoAIServerError,
    Stream,
    WaitProgress,
)

from .conftest import Flavour, fault, open_flavour

MODEL = "meta-llama-3.1-8b-instruct"
CHAT: dict[str, Any] = {"model": MODEL, "messages": [{"role": "user", "content": "hi"}]}
Fault = Callable[[str], str]


async def test_raw_response_of_a_retried_call(octo: Flavour, fault_key: Fault) -> None:
    raw = await octo.call(
        octo.client.with_raw_response.text_gen.create_chat_completion(
            **CHAT, max_tokens=3, **fault(fault_key("status=503;times=2"))
        )
    )
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.retries_taken == 2
    assert raw.request_id == raw.headers["x-user-request-id"]
    assert raw.elapsed > 0
    assert raw.method == "POST"
    assert raw.url.path == "/v1/chat/completions"
    completion = raw.parse()
    assert completion.choices[0].message.content
    assert raw.json()["id"] == completion.id


async def test_raw_response_of_every_kind_of_method(octo: Flavour) -> None:
    raw = octo.client.with_raw_response
    infer = await octo.call(raw.infer(octo.url("/infer/echo"), {"a": 1}))
    assert (infer.status_code, infer.parse(), infer.retries_taken) == (200, {"echo": {"a": 1}}, 0)
    queued = await octo.call(raw.infer_async(octo.url("/infer/echo"), {"a": 2}))
    assert queued.status_code == 202
    future = queued.parse()
    status = await octo.call(raw.get_future_status(future))
    assert status.parse() in set(AsyncStatus)
    assert status.url.path == f"/v1/requests/{future.response_id}"
    waited = await octo.call(raw.wait(future, timeout=30))
    assert waited.parse() == {"echo": {"a": 2}}
    assert waited.url.path == f"/v1/responses/{future.response_id}"  # the last answer read
    completions = await octo.call(raw.completions.create(model=MODEL, prompt="Once", max_tokens=2))
    assert completions.parse().choices
    health = await octo.call(raw.health_check(octo.url("/healthcheck")))
    assert (health.parse(), health.status_code) == (200, 200)


async def test_raw_response_of_a_stream(octo: Flavour) -> None:
    raw = await octo.call(
        octo.client.with_raw_response.chat.completions.create(**CHAT, max_tokens=3, stream=True)
    )
    assert raw.headers["content-type"].startswith("text/event-stream")
    assert raw.request_id
    chunks = await octo.collect(raw.parse())
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) == 3


async def test_with_options_shares_the_pool_and_overrides(octo: Flavour, fault_key: Fault) -> None:
    strict = octo.client.with_options(max_retries=0, default_headers={"X-Team": "reef"})
    assert strict._http is octo.client._http
    with pytest.raises(OctoAIServerError) as info:
        await octo.call(
            strict.text_gen.create_chat_completion(**CHAT, **fault(fault_key("status=503;times=1")))
        )
    assert info.value.status_code == 503
    # The original keeps its retries, and closing the copy leaves the shared pool open.
    await octo.call(strict.aclose() if octo.is_async else strict.close())
    again = await octo.call(
        octo.client.text_gen.create_chat_completion(
            **CHAT, **fault(fault_key("status=503;times=1"))
        )
    )
    assert again.choices


async def test_future_status_is_the_exported_enum(octo: Flavour) -> None:
    future = await octo.call(octo.client.infer_async(octo.url("/infer/echo"), {}))
    status = await octo.call(octo.client.get_future_status(future))
    assert isinstance(status, AsyncStatus)


async def test_no_answer_is_a_connection_error(
    flavour_name: str, devserver: Any, dead_url: str
) -> None:
    async with open_flavour(flavour_name, devserver, record=True, base_url=dead_url) as octo:
        with pytest.raises(OctoAIConnectionError, match="could not connect") as info:
            await octo.call(octo.client.text_gen.create_chat_completion(**CHAT))
    assert isinstance(info.value, OctoAIServerError)  # existing handlers still catch it
    assert info.value.status_code is None


async def test_wait_reports_progress(octo: Flavour) -> None:
    seen: list[WaitProgress] = []
    future = await octo.call(octo.client.infer_async(octo.url("/infer/slow"), {"duration": 1}))
    outputs = await octo.call(octo.client.wait(future, timeout=60, on_progress=seen.append))
    assert outputs["echo"] == {"duration": 1}
    assert seen, "on_progress was never called"
    assert all(p.subject == future.response_id for p in seen)
    assert [p.checks for p in seen] == list(range(1, len(seen) + 1))
    assert seen[-1].state == "completed"
    assert seen[-1].next_check_in is None
    assert all(p.next_check_in is not None for p in seen[:-1])
    assert {p.state for p in seen[:-1]} <= {"pending", "running"}


async def test_health_check_reports_progress(octo: Flavour) -> None:
    seen: list[WaitProgress] = []
    url = octo.url("/healthcheck")
    assert await octo.call(octo.client.health_check(url, on_progress=seen.append)) == 200
    assert [(p.subject, p.state, p.checks, p.next_check_in) for p in seen] == [
        (url, "200", 1, None)
    ]


def other_servers_ids(request: Request) -> list[tuple[bytes, float]]:
    if request.path.endswith("/missing"):
        return response(
            404,
            b'{"error": {"message": "no such model"}}',
            headers={"x-litellm-call-id": "litellm-7"},
        )
    return response(200, json.dumps({"ok": True}).encode(), headers={"x-request-id": "req-42"})


@pytest.mark.parametrize("cls", [OctoAI, AsyncOctoAI])
async def test_request_ids_of_other_openai_compatible_servers(cls: type) -> None:
    with scripted_server(other_servers_ids) as server:
        client = cls(token="t", base_url=server.url)
        octo = Flavour(client, server)
        raw = await octo.call(client.with_raw_response.infer(server.url + "/infer/x", {}))
        assert raw.request_id == "req-42"
        with pytest.raises(NotFoundError) as info:
            await octo.call(client.infer(server.url + "/infer/missing", {}))
        assert info.value.request_id == "litellm-7"
        assert info.value.message == "no such model"
        await octo.close()


def test_stream_is_exported_and_raw_stream_is_typed(devserver: Any) -> None:
    with OctoAI(token=devserver.token, base_url=devserver.base_url) as client:
        raw = client.with_raw_response.text_gen.create_chat_completion_stream(**CHAT, max_tokens=2)
        with raw.parse() as stream:
            assert isinstance(stream, Stream)
            assert stream.request_id == raw.request_id


STREAMS = Path(__file__).resolve().parent.parent / "fixtures" / "streams"


def fixture_stream(name: str) -> Callable[[Request], list[tuple[bytes, float]]]:
    body = (STREAMS / name).read_bytes()
    # Cut into uneven HTTP chunks, as a proxy's writes arrive.
    pieces = [body[i : i + 97] for i in range(0, len(body), 97)]
    return lambda request: chunked(pieces)


@pytest.mark.parametrize("cls", [OctoAI, AsyncOctoAI])
async def test_litellm_completion_stream_is_read_to_its_end(cls: type) -> None:
    with scripted_server(fixture_stream("litellm_completion.sse")) as server:
        client = cls(token="t", base_url=server.url)
        octo = Flavour(client, server)
        chunks = await octo.collect(
            client.text_gen.create_completion_stream(model="m", prompt="Eight")
        )
        await octo.close()
    text = "".join(c.choices[0].text for c in chunks if c.choices[0].text)
    assert text == " Eight arms drift through kelp,"
    assert chunks[-1].choices[0].finish_reason == "stop"


@pytest.mark.parametrize("cls", [OctoAI, AsyncOctoAI])
async def test_chat_stream_ending_with_a_choice_without_delta(cls: type) -> None:
    with scripted_server(fixture_stream("chat_choice_without_delta.sse")) as server:
        client = cls(token="t", base_url=server.url)
        octo = Flavour(client, server)
        chunks = await octo.collect(client.chat.completions.create(**CHAT, stream=True))
        await octo.close()
    text = "".join(
        choice.delta.content or "" for c in chunks for choice in c.choices if choice.delta
    )
    assert text == "Seattle sits between Puget Sound and Lake Washington."
