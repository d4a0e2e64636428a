"""The fast builders give exactly what the generated `from_dict` gives, for any answer."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from octoai_api.models import ChatCompletionChunk, ChatCompletionResponse

from octoai_ext._fast_models import chat_chunk, chat_completion

maybe = st.none() | st.text(max_size=8)
finish = st.none() | st.sampled_from(["stop", "length", "tool_calls", "cancelled", "eos", ""])
extra = st.dictionaries(st.sampled_from(["extra", "function_call", "x"]), st.integers(), max_size=1)


@st.composite
def deltas(draw: st.DrawFn) -> dict[str, Any]:
    delta: dict[str, Any] = {}
    for key, values in (("role", maybe), ("content", maybe)):
        if draw(st.booleans()):
            delta[key] = draw(values)
    if draw(st.booleans()):
        delta["tool_calls"] = draw(
            st.none() | st.just([{"index": 0, "function": {"arguments": "{}"}}])
        )
    delta.update(draw(extra))
    return delta


@st.composite
def choices(draw: st.DrawFn) -> dict[str, Any]:
    choice: dict[str, Any] = {"index": draw(st.integers(0, 3))}
    # Some servers end a stream with a choice that has no `delta` at all.
    if draw(st.integers(0, 3)):
        choice["delta"] = draw(deltas())
    if draw(st.booleans()):
        choice["finish_reason"] = draw(finish)
    if draw(st.booleans()):
        choice["logprobs"] = draw(st.none() | st.just({"content": None}))
    choice.update(draw(extra))
    return choice


@st.composite
def chunks(draw: st.DrawFn) -> dict[str, Any]:
    chunk: dict[str, Any] = {
        "id": "chatcmpl-1",
        "created": draw(st.integers(0, 10**10)),
        "model": "m",
        "choices": draw(st.lists(choices(), max_size=3)),
    }
    for key, values in (
        ("object", st.just("chat.completion.chunk")),
        (
            "usage",
            st.none() | st.just({"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}),
        ),
        ("system_fingerprint", maybe),
    ):
        if draw(st.booleans()):
            chunk[key] = draw(values)
    chunk.update(draw(extra))
    return chunk


@given(chunks())
def test_same_object_as_from_dict(data: dict[str, Any]) -> None:
    expected = ChatCompletionChunk.from_dict(data)
    fast = chat_chunk(data)
    assert fast == expected
    assert fast.to_dict() == expected.to_dict() == data


def test_missing_required_field_raises_like_from_dict() -> None:
    with pytest.raises(KeyError):
        chat_chunk({"id": "x", "created": 1, "choices": []})


usage = (
    st.none()
    | st.fixed_dictionaries(
        {
            "prompt_tokens": st.integers(0, 9),
            "completion_tokens": st.integers(0, 9),
            "total_tokens": st.integers(0, 9),
        }
    )
    | st.just({"prompt_tokens": 1})
    | st.just({"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2, "x": 1})
)


@st.composite
def messages(draw: st.DrawFn) -> dict[str, Any]:
    message: dict[str, Any] = {
        "role": draw(st.sampled_from(["assistant", "user", "tool", "critic"]))
    }
    if draw(st.booleans()):
        message["content"] = draw(maybe | st.just([{"type": "text", "text": "hi"}]))
    for key in ("name", "tool_call_id"):
        if draw(st.booleans()):
            message[key] = draw(maybe)
    if draw(st.booleans()):
        message["tool_calls"] = draw(
            st.none()
            | st.just(
                [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]
            )
        )
    message.update(draw(extra))
    return message


@st.composite
def completions(draw: st.DrawFn) -> dict[str, Any]:
    choices = []
    for index in range(draw(st.integers(0, 2))):
        choice: dict[str, Any] = {"index": index, "message": draw(messages())}
        if draw(st.booleans()):
            choice["finish_reason"] = draw(finish)
        if draw(st.booleans()):
            choice["logprobs"] = draw(st.none() | st.just({"content": None}))
        choice.update(draw(extra))
        choices.append(choice)
    data: dict[str, Any] = {"id": "chatcmpl-1", "created": 1, "model": "m", "choices": choices}
    for key, values in (
        ("object", st.just("chat.completion")),
        ("usage", usage),
        ("system_fingerprint", maybe),
    ):
        if draw(st.booleans()):
            data[key] = draw(values)
    data.update(draw(extra))
    return data


@given(completions())
def test_completion_same_object_as_from_dict(data: dict[str, Any]) -> None:
    expected = ChatCompletionResponse.from_dict(data)
    fast = chat_completion(data)
    assert fast == expected
    assert fast.to_dict() == expected.to_dict() == data


def test_completion_missing_required_field_raises_like_from_dict() -> None:
    with pytest.raises(KeyError):
        chat_completion(
            {"id": "x", "created": 1, "model": "m", "choices": [{"index": 0, "message": {}}]}
        )
