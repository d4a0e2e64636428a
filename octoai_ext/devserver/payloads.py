"""The JSON bodies and event streams of chat and text completions (pure builders)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Final

from .streaming import DONE_EVENT, EventStream, sse_event
from .textgen import Generation

__all__ = [
    "SYSTEM_FINGERPRINT",
    "chat_body",
    "chat_stream",
    "completion_body",
    "completion_stream",
    "new_id",
    "usage",
]

#: The ``system_fingerprint`` of every answer.
SYSTEM_FINGERPRINT: Final = "octoai-devserver"


def new_id(prefix: str) -> str:
    """Return a fresh completion id such as ``chatcmpl-<hex>``."""
    return f"{prefix}-{uuid.uuid4().hex}"


def usage(generations: Sequence[Generation]) -> dict[str, int]:
    """Return the ``Usage`` of a request: its prompt once, and every choice's tokens."""
    prompt = generations[0].prompt_tokens if generations else 0
    completion = sum(generation.completion_tokens for generation in generations)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _header(kind: str, completion_id: str, model: str, created: int) -> dict[str, Any]:
    # ``created`` comes from the caller, read on the server's clock, so that a test clock
    # dates answers too.
    return {
        "id": completion_id,
        "object": kind,
        "created": created,
        "model": model,
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }


def chat_body(
    completion_id: str, model: str, generations: Sequence[Generation], created: int
) -> dict[str, Any]:
    """Return a ``ChatCompletionResponse``."""
    choices = [
        {
            "index": index,
            "message": {"role": "assistant", "content": generation.text},
            "finish_reason": generation.finish_reason,
            "logprobs": None,
        }
        for index, generation in enumerate(generations)
    ]
    return {
        **_header("chat.completion", completion_id, model, created),
        "choices": choices,
        "usage": usage(generations),
    }


def completion_body(
    completion_id: str, model: str, generations: Sequence[Generation], created: int
) -> dict[str, Any]:
    """Return a ``CompletionResponse``."""
    choices = [
        {
            "index": index,
            "text": generation.text,
            "finish_reason": generation.finish_reason,
            "logprobs": None,
        }
        for index, generation in enumerate(generations)
    ]
    return {
        **_header("text_completion", completion_id, model, created),
        "choices": choices,
        "usage": usage(generations),
    }


def _positions(generations: Sequence[Generation]) -> list[tuple[int, int, str, bool]]:
    """Interleave the choices' tokens: (choice index, position, token, is last) per event.

    A choice with no tokens (cut by a stop sequence at once) still gets one empty event, so its
    role and finish reason are sent.
    """
    longest = max((max(1, len(generation.tokens)) for generation in generations), default=0)
    order: list[tuple[int, int, str, bool]] = []
    for position in range(longest):
        for index, generation in enumerate(generations):
            tokens = generation.tokens or [""]
            if position < len(tokens):
                order.append((index, position, tokens[position], position == len(tokens) - 1))
    return order


def chat_stream(
    completion_id: str,
    model: str,
    generations: Sequence[Generation],
    *,
    include_usage: bool,
    created: int,
) -> EventStream:
    """Return the ``ChatCompletionChunk`` events of a streamed chat, ended by ``[DONE]``.

    One event per token; a choice's first event carries ``role: assistant`` and its last the
    finish reason. With ``include_usage`` a last chunk with no choices carries the usage.
    """
    header = _header("chat.completion.chunk", completion_id, model, created)
    events: list[str] = []
    for index, position, token, last in _positions(generations):
        delta: dict[str, Any] = {"role": "assistant"} if position == 0 else {}
        delta["content"] = token
        choice = {
            "index": index,
            "delta": delta,
            "finish_reason": generations[index].finish_reason if last else None,
            "logprobs": None,
        }
        events.append(sse_event({**header, "choices": [choice]}))
    if include_usage:
        events.append(sse_event({**header, "choices": [], "usage": usage(generations)}))
    return EventStream(events, DONE_EVENT)


def completion_stream(
    completion_id: str,
    model: str,
    generations: Sequence[Generation],
    *,
    include_usage: bool,
    created: int,
) -> EventStream:
    """Return the ``CompletionResponse`` events of a streamed completion, ended by ``[DONE]``."""
    header = _header("text_completion", completion_id, model, created)
    events: list[str] = []
    for index, _position, token, last in _positions(generations):
        choice = {
            "index": index,
            "text": token,
            "finish_reason": generations[index].finish_reason if last else None,
            "logprobs": None,
        }
        events.append(sse_event({**header, "choices": [choice]}))
    if include_usage:
        events.append(sse_event({**header, "choices": [], "usage": usage(generations)}))
    return EventStream(events, DONE_EVENT)
