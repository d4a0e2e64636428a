"""Chat completions and stream chunks, built fast for the shape nearly every answer has.

The generated `from_dict` methods are general (nested parse closures, a dict copy per level):
for a stream chunk they cost about five times `json.loads` itself, and for a chat completion
they were the largest part of the client's own time per call. Nearly every answer is plain
text with no tool calls or logprobs; for exactly that shape this module calls the generated
attrs constructors directly, which gives an equal object (the tests check that, for random
answers). Any other shape, including unknown keys that must land in `additional_properties`,
goes through the generated `from_dict`, so nothing is lost.
"""

from __future__ import annotations

from typing import Any, Final

from octoai_api.models import (
    ChatCompletionChoice,
    ChatCompletionChunk,
    ChatCompletionChunkChoice,
    ChatCompletionDelta,
    ChatCompletionResponse,
    ChatMessage,
    FinishReason,
    KnownRole,
    Usage,
)
from octoai_api.types import UNSET

_CHUNK_KEYS: Final = frozenset(
    {"id", "object", "created", "model", "choices", "usage", "system_fingerprint"}
)
_CHOICE_KEYS: Final = frozenset({"index", "delta", "finish_reason", "logprobs"})
_DELTA_KEYS: Final = frozenset({"role", "content", "tool_calls"})
_FINISH_REASONS: Final = {reason.value: reason for reason in FinishReason}
_ROLES: Final = {role.value: role for role in KnownRole}
_RESPONSE_KEYS: Final = _CHUNK_KEYS
_CHOICE_MESSAGE_KEYS: Final = frozenset({"index", "message", "finish_reason", "logprobs"})
_MESSAGE_KEYS: Final = frozenset({"role", "content", "name", "tool_calls", "tool_call_id"})
_USAGE_KEYS: Final = frozenset({"prompt_tokens", "completion_tokens", "total_tokens"})


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


def chat_completion(data: dict[str, Any]) -> ChatCompletionResponse:
    """`ChatCompletionResponse.from_dict(data)`, but faster for plain text answers.

    Raises:
        KeyError: A required field is missing (as `from_dict` raises).
    """
    get = data.get
    usage = get("usage", UNSET)
    if usage is not UNSET and usage is not None:
        if type(usage) is not dict or usage.keys() != _USAGE_KEYS:
            return ChatCompletionResponse.from_dict(data)
        usage = Usage(usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"])
    if not _RESPONSE_KEYS.issuperset(data):
        return ChatCompletionResponse.from_dict(data)
    choices = []
    for choice in data["choices"]:
        message = choice.get("message")
        if (
            type(message) is not dict
            or not _CHOICE_MESSAGE_KEYS.issuperset(choice)
            or not _MESSAGE_KEYS.issuperset(message)
            or message.get("tool_calls") is not None
            or type(message.get("content")) is list
            or choice.get("logprobs") is not None
        ):
            return ChatCompletionResponse.from_dict(data)
        role: str = message["role"]
        reason = choice.get("finish_reason", UNSET)
        choices.append(
            ChatCompletionChoice(
                choice["index"],
                ChatMessage(
                    _ROLES.get(role, role),
                    message.get("content", UNSET),
                    message.get("name", UNSET),
                    message.get("tool_calls", UNSET),
                    message.get("tool_call_id", UNSET),
                ),
                _FINISH_REASONS.get(reason, reason) if reason else reason,
                choice.get("logprobs", UNSET),
            )
        )
    return ChatCompletionResponse(
        data["id"],
        data["created"],
        data["model"],
        choices,
        get("object", UNSET),
        usage,
        get("system_fingerprint", UNSET),
    )
