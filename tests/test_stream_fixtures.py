"""Stream events that real OpenAI-compatible servers send parse with the generated models.

The bytes live in `tests/fixtures/streams/`: a completion stream as LiteLLM's proxy ends it (a
last choice with a `finish_reason` and no `text`) and a chat stream whose last choice has no
`delta`. Each event is decoded by the package's own SSE layer, as a client would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from octoai_api.models import (
    ChatCompletionChunk,
    CompletionChunk,
    CompletionResponse,
    FinishReason,
    KnownRole,
)
from octoai_api.types import UNSET

from octoai_ext._fast_models import chat_chunk
from octoai_ext._sse import EventStream, StreamTerminator

STREAMS = Path(__file__).resolve().parent / "fixtures" / "streams"


def events(name: str) -> list[dict[str, Any]]:
    """The JSON events of a fixture stream, which must end with `data: [DONE]`."""
    stream = EventStream(terminator=StreamTerminator.DONE_SENTINEL)
    decoded = stream.feed((STREAMS / name).read_bytes())
    stream.close()
    return decoded


def test_litellm_completion_stream_parses_to_its_text() -> None:
    parsed = [CompletionChunk.from_dict(event) for event in events("litellm_completion.sse")]
    assert len(parsed) == 7
    text = "".join(c.choices[0].text for c in parsed if isinstance(c.choices[0].text, str))
    assert text == " Eight arms drift through kelp,"
    last = parsed[-1].choices[0]
    assert last.text is UNSET
    assert last.finish_reason == FinishReason.STOP
    assert all(c.choices[0].finish_reason is None for c in parsed[:-1])


def test_litellm_completion_events_round_trip() -> None:
    for event in events("litellm_completion.sse"):
        assert CompletionChunk.from_dict(event).to_dict() == event


def test_a_finished_completion_still_needs_its_text() -> None:
    # Only stream events may leave `text` out; a whole completion without it is malformed.
    last = events("litellm_completion.sse")[-1]
    with pytest.raises(KeyError):
        CompletionResponse.from_dict(last)


def test_chat_stream_with_a_choice_without_delta_parses() -> None:
    parsed = [
        ChatCompletionChunk.from_dict(event) for event in events("chat_choice_without_delta.sse")
    ]
    assert parsed[0].choices[0].delta.role == KnownRole.ASSISTANT
    text = "".join(
        str(chunk.choices[0].delta.content)
        for chunk in parsed
        if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content
    )
    assert text == "Seattle sits between Puget Sound and Lake Washington."
    finished = parsed[-2].choices[0]
    assert finished.delta is UNSET
    assert finished.finish_reason == FinishReason.STOP
    usage = parsed[-1].usage
    assert parsed[-1].choices == [] and usage is not None and usage.total_tokens == 37


def test_chat_events_round_trip_and_the_fast_path_agrees() -> None:
    for event in events("chat_choice_without_delta.sse"):
        generated = ChatCompletionChunk.from_dict(event)
        assert generated.to_dict() == event
        assert chat_chunk(event) == generated
