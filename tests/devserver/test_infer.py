"""Generic synchronous inference endpoints, over real HTTP."""

from __future__ import annotations

import concurrent.futures
import json
import uuid

import httpx
import pytest

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.endpoints import CHAT_ENDPOINT_MODEL, TOKENS_ENDPOINT_MODEL
from octoai_ext.devserver.textgen import generate

from .helpers import client, sse_data, sse_json, wait_for_request


def test_echo(devserver: DevServer) -> None:
    inputs = {"prompt": "A photo of a cute cat", "nested": {"list": [1, 2.5, None, "é"]}}
    with client(devserver) as http:
        answer = http.post("/infer/echo", json=inputs)
    assert answer.status_code == 200
    assert answer.json() == {"echo": inputs}


def test_slow_answers_once_its_duration_has_passed(devserver: DevServer) -> None:
    key = uuid.uuid4().hex
    with client(devserver) as http:
        # The read timeout is far below the duration: only a server that holds the answer
        # misses it (nobody advances the clock meanwhile).
        with pytest.raises(httpx.ReadTimeout):
            http.post("/infer/slow", json={"duration": 60}, timeout=httpx.Timeout(10, read=0.5))
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pending = pool.submit(
                http.post,
                "/infer/slow",
                json={"duration": 60},
                headers={"X-OctoAI-Fault": f"key={key}"},
            )
            wait_for_request(http, key)
            devserver.advance_clock(60)
            answer = pending.result(timeout=30)
    assert answer.json() == {"echo": {"duration": 60}, "slept": 60}


def test_slow_refuses_a_duration_that_is_not_a_number(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/infer/slow", json={"duration": "long"})
    assert answer.status_code == 400
    assert answer.json()["param"] == "duration"


def test_fail_is_a_500_with_the_message(devserver: DevServer) -> None:
    with client(devserver) as http:
        custom = http.post("/infer/fail", json={"message": "CUDA out of memory"})
        default = http.post("/infer/fail", json={})
    assert custom.status_code == 500
    assert custom.json()["message"] == "CUDA out of memory"
    assert custom.json()["type"] == "internal_error"
    assert default.json()["message"] == "inference failed"


def test_tokens_without_stream(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/infer/tokens", json={"prompt": "hello", "max_tokens": 5})
    expected = generate(TOKENS_ENDPOINT_MODEL, "hello", max_tokens=5)
    assert answer.json() == {"generated_text": expected.text}


def test_tokens_stream_is_huggingface_style(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post(
            "/infer/tokens", json={"prompt": "hello", "max_tokens": 5, "stream": True}
        )
    assert answer.headers["content-type"].startswith("text/event-stream")
    data = sse_data(answer.text)
    assert "[DONE]" not in data
    events = [json.loads(item) for item in data]
    expected = generate(TOKENS_ENDPOINT_MODEL, "hello", max_tokens=5)
    assert [event["token"]["text"] for event in events] == expected.tokens
    assert [event["token"]["id"] for event in events] == list(range(5))
    assert [event["done"] for event in events] == [False] * 4 + [True]
    assert [event["generated_text"] for event in events] == [None] * 4 + [expected.text]


def test_chat_endpoint_streams_openai_style(devserver: DevServer) -> None:
    messages = [{"role": "user", "content": "hi there"}]
    with client(devserver) as http:
        answer = http.post(
            "/infer/chat", json={"messages": messages, "max_tokens": 4, "stream": True}
        )
    chunks = sse_json(answer.text)
    expected = generate(CHAT_ENDPOINT_MODEL, "hi there", max_tokens=4)
    assert [chunk["choices"][0]["delta"]["content"] for chunk in chunks] == expected.tokens
    assert chunks[-1]["choices"][0]["finish_reason"] == "length"


def test_chat_endpoint_without_stream(devserver: DevServer) -> None:
    messages = [{"role": "user", "content": "hi there"}]
    with client(devserver) as http:
        body = http.post("/infer/chat", json={"messages": messages, "max_tokens": 4}).json()
    expected = generate(CHAT_ENDPOINT_MODEL, "hi there", max_tokens=4)
    assert body["choices"][0]["message"]["content"] == expected.text


@pytest.mark.parametrize("endpoint", ["sdxl", "-bad-name"])
def test_unknown_endpoint_is_a_404(devserver: DevServer, endpoint: str) -> None:
    with client(devserver) as http:
        answer = http.post(f"/infer/{endpoint}", json={})
    assert answer.status_code == 404
    assert answer.json()["type"] == "not_found_error"
    assert answer.json()["param"] == "endpoint"


def test_inputs_must_be_an_object(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/infer/echo", json=[1, 2])
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body"]
