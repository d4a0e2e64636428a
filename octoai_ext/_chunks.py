"""Typed stream chunks, built fast for the shape nearly every chunk has.

A streamed answer sends one chunk per token, so chunk parsing is the client's hot path. The
generated `ChatCompletionChunk.from_dict` is general (nested parse closures, a dict copy per
level), costing about five times `json.loads` itself. Nearly every chunk is a text delta with no
tool calls, logprobs or usage; for exactly that shape this module calls the generated attrs
constructors directly, which gives an equal object (the tests check that, for random chunks).
Any other shape, including unknown keys that must land in `additional_properties`, goes through
the generated `from_dict`, so nothing is lost.
"""

from __future__ import annotations

from typing import Any, Final

from octoai_api.models import (
    ChatCompletionChunk,
    ChatCompletionChunkChoice,
    ChatCompletionDelta,
    FinishReason,
)
from octoai_api.types import UNSET

_CHUNK_KEYS: Final = frozenset(
    {"id", "object", "created", "model", "choices", "usage", "system_fingerprint"}
)
_CHOICE_KEYS: Final = frozenset({"index", "delta", "finish_reason", "logprobs"})
_DELTA_KEYS: Final = frozenset({"role", "content", "tool_calls"})
_FINISH_REASONS: Final = {reason.value: reason for reason in FinishReason}


def chat_chunk(data: dict[str, Any]) -> ChatCompletionChunk:
    """`ChatCompletionChunk.from_dict(data)`, but faster for plain text deltas.

    Raises:
        KeyError: A required field is missing (as `from_dict` raises).
    """
    get = data.get
    if not (_CHUNK_KEYS.issuperset(data) and get("usage") is None):
        return ChatCompletionChunk.from_dict(data)
    choices = []
    for choice in data["choices"]:
        delta = choice.get("delta")
        if (
            type(delta) is not dict
            or not _CHOICE_KEYS.issuperset(choice)
            or not _DELTA_KEYS.issuperset(delta)
            or delta.get("tool_calls") is not None
            or choice.get("logprobs") is not None
        ):
            return ChatCompletionChunk.from_dict(data)
        reason = choice.get("finish_reason", UNSET)
        choices.append(
            ChatCompletionChunkChoice(
                choice["index"],
                ChatCompletionDelta(
                    delta.get("role", UNSET),
                    delta.get("content", UNSET),
                    delta.get("tool_calls", UNSET),
                ),
                _FINISH_REASONS.get(reason, reason) if reason else reason,
                choice.get("logprobs", UNSET),
            )
        )
    return ChatCompletionChunk(
        data["id"],
        data["created"],
        data["model"],
        choices,
        get("object", UNSET),
        get("usage", UNSET),
        get("system_fingerprint", UNSET),
    )
