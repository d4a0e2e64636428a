"""The fast chunk builder gives exactly what the generated `from_dict` gives, for any chunk."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from octoai_api.models import ChatCompletionChunk

from octoai_ext._chunks import chat_chunk

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
    choice: dict[str, Any] = {"index": draw(st.integers(0, 3)), "delta": draw(deltas())}
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
