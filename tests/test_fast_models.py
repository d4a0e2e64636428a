"""The fast builders give exactly what the generated `from_dict` gives, for any answer."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from octoai_api.models import ChatCompletionChunk, ChatCompletionResponse

from octoai_ext._fast_models import chat_chunk, chat_completion
from tests.strategies import chat_chunks, chat_completions


@given(chat_chunks())
def test_same_object_as_from_dict(data: dict[str, Any]) -> None:
    expected = ChatCompletionChunk.from_dict(data)
    fast = chat_chunk(data)
    assert fast == expected
    assert fast.to_dict() == expected.to_dict() == data


def test_missing_required_field_raises_like_from_dict() -> None:
    with pytest.raises(KeyError):
        chat_chunk({"id": "x", "created": 1, "choices": []})


@given(chat_completions())
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
