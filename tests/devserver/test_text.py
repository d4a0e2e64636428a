"""Chat and text completions, compared with the deterministic model, over real HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.textgen import generate, prompt_from_completion, prompt_from_messages

from .helpers import CHAT_MODEL, client, sse_json

MESSAGES = [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "Write a blog about Seattle"},
]
PROMPT = prompt_from_messages(MESSAGES)


def chat(server: DevServer, **fields: Any) -> Any:
    with client(server) as http:
        answer = http.post(
            "/v1/chat/completions", json={"model": CHAT_MODEL, "messages": MESSAGES, **fields}
        )
    assert answer.status_code == 200, answer.text
    return answer


def test_chat_answers_the_model_text_exactly(devserver: DevServer) -> None:
    body = chat(devserver, max_tokens=100).json()
    expected = generate(CHAT_MODEL, PROMPT, max_tokens=100)
    assert body["id"].startswith("chatcmpl-")
    assert body["object"] == "chat.completion"
    assert body["model"] == CHAT_MODEL
    assert isinstance(body["created"], int)
    assert "system_fingerprint" in body
    [choice] = body["choices"]
    assert choice["index"] == 0
    assert choice["message"] == {"role": "assistant", "content": expected.text}
    assert choice["finish_reason"] == expected.finish_reason == "stop"
    assert body["usage"] == {
        "prompt_tokens": 8,
        "completion_tokens": expected.completion_tokens,
        "total_tokens": 8 + expected.completion_tokens,
    }


def test_max_tokens_gives_length(devserver: DevServer) -> None:
    body = chat(devserver, max_tokens=3).json()
    assert body["choices"][0]["finish_reason"] == "length"
    assert body["usage"]["completion_tokens"] == 3
    assert (
        body["choices"][0]["message"]["content"] == generate(CHAT_MODEL, PROMPT, max_tokens=3).text
    )


def test_stop_cuts_the_text(devserver: DevServer) -> None:
    full = generate(CHAT_MODEL, PROMPT, max_tokens=100)
    stop = full.tokens[2]
    body = chat(devserver, max_tokens=100, stop=stop).json()
    expected = generate(CHAT_MODEL, PROMPT, max_tokens=100, stop=[stop])
    assert body["choices"][0]["message"]["content"] == expected.text
    assert body["choices"][0]["finish_reason"] == "stop"
    assert stop not in expected.text


def test_n_and_seed(devserver: DevServer) -> None:
    body = chat(devserver, max_tokens=100, n=3, seed=42).json()
    texts = [choice["message"]["content"] for choice in body["choices"]]
    assert [choice["index"] for choice in body["choices"]] == [0, 1, 2]
    expected = [generate(CHAT_MODEL, PROMPT, max_tokens=100, seed=42, index=i) for i in range(3)]
    assert texts == [generation.text for generation in expected]
    assert body["usage"]["completion_tokens"] == sum(g.completion_tokens for g in expected)
    assert body["usage"]["prompt_tokens"] == 8
    other_seed = chat(devserver, max_tokens=100, seed=43).json()
    assert other_seed["choices"][0]["message"]["content"] != texts[0]


def test_too_many_choices_is_refused(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post(
            "/v1/chat/completions", json={"model": CHAT_MODEL, "messages": MESSAGES, "n": 1000}
        )
    assert answer.status_code == 400
    assert answer.json()["param"] == "n"


def test_stream_sends_one_chunk_per_token_then_done(devserver: DevServer) -> None:
    answer = chat(devserver, max_tokens=100, stream=True)
    assert answer.headers["content-type"].startswith("text/event-stream")
    chunks = sse_json(answer.text)
    expected = generate(CHAT_MODEL, PROMPT, max_tokens=100)
    assert len(chunks) == expected.completion_tokens
    assert [chunk["choices"][0]["delta"]["content"] for chunk in chunks] == expected.tokens
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert all("role" not in chunk["choices"][0]["delta"] for chunk in chunks[1:])
    assert [chunk["choices"][0]["finish_reason"] for chunk in chunks] == [None] * (
        len(chunks) - 1
    ) + ["stop"]
    assert {chunk["object"] for chunk in chunks} == {"chat.completion.chunk"}
    assert len({chunk["id"] for chunk in chunks}) == 1
    assert all(chunk.get("usage") is None for chunk in chunks)


def test_stream_with_usage_ends_with_a_usage_chunk(devserver: DevServer) -> None:
    answer = chat(devserver, max_tokens=5, stream=True, stream_options={"include_usage": True})
    chunks = sse_json(answer.text)
    last = chunks[-1]
    assert last["choices"] == []
    assert last["usage"] == {"prompt_tokens": 8, "completion_tokens": 5, "total_tokens": 13}
    assert chunks[-2]["choices"][0]["finish_reason"] == "length"


def test_stream_interleaves_choices(devserver: DevServer) -> None:
    chunks = sse_json(chat(devserver, max_tokens=4, stream=True, n=2, seed=7).text)
    assert [chunk["choices"][0]["index"] for chunk in chunks] == [0, 1] * 4
    for index in (0, 1):
        mine = [chunk["choices"][0] for chunk in chunks if chunk["choices"][0]["index"] == index]
        expected = generate(CHAT_MODEL, PROMPT, max_tokens=4, seed=7, index=index)
        assert "".join(choice["delta"]["content"] for choice in mine) == expected.text
        assert mine[0]["delta"]["role"] == "assistant"
        assert mine[-1]["finish_reason"] == "length"


def test_stream_cut_at_once_by_stop_still_sends_role_and_reason(devserver: DevServer) -> None:
    chunks = sse_json(chat(devserver, max_tokens=10, stream=True, stop=[" "]).text)
    [chunk] = chunks
    assert chunk["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert chunk["choices"][0]["finish_reason"] == "stop"


@pytest.mark.parametrize("prompt", ["Write a haiku about octopuses", ["one", "two"], [1, 2, 3]])
def test_completion_answers_the_model_text(devserver: DevServer, prompt: Any) -> None:
    with client(devserver) as http:
        body = http.post(
            "/v1/completions", json={"model": CHAT_MODEL, "prompt": prompt, "max_tokens": 6}
        ).json()
    expected = generate(CHAT_MODEL, prompt_from_completion(prompt), max_tokens=6)
    assert body["id"].startswith("cmpl-")
    assert body["object"] == "text_completion"
    assert body["choices"] == [
        {"index": 0, "text": expected.text, "finish_reason": "length", "logprobs": None}
    ]
    assert body["usage"]["completion_tokens"] == 6
    assert body["usage"]["prompt_tokens"] == expected.prompt_tokens


def test_completion_stream(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post(
            "/v1/completions",
            json={
                "model": CHAT_MODEL,
                "prompt": "Write a haiku",
                "max_tokens": 100,
                "stream": True,
                "stream_options": {"include_usage": True},
            },
        )
    events = sse_json(answer.text)
    expected = generate(CHAT_MODEL, "Write a haiku", max_tokens=100)
    texts = [event["choices"][0]["text"] for event in events[:-1]]
    assert texts == expected.tokens
    assert events[-2]["choices"][0]["finish_reason"] == "stop"
    assert events[-1]["choices"] == []
    assert events[-1]["usage"]["completion_tokens"] == expected.completion_tokens
    assert {event["object"] for event in events} == {"text_completion"}


def test_unknown_model_on_completions(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/v1/completions", json={"model": "nope", "prompt": "x"})
    assert answer.status_code == 404
    assert answer.json()["param"] == "model"
