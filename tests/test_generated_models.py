"""The generated models read what the service sends, as the seeds show it, and write it back."""

from __future__ import annotations

import copy
from typing import Any

from octoai_api.models import (
    AsyncInferenceResponse,
    AsyncInferenceState,
    AsyncInferenceStatus,
    ChatCompletionChunk,
    ChatCompletionResponse,
    CompletionResponse,
    ErrorResponse,
    FinishReason,
    HTTPValidationError,
    KnownRole,
)

# The chat completion printed by the Python text-generation guide.
SEED_CHAT_COMPLETION: dict[str, Any] = {
    "id": "cmpl-8ea213aece0747aca6d0608b02b57196",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "Founded in 1921, Seattle is the mother city of Pacific Northwest.",
                "function_call": None,
            },
            "delta": None,
            "finish_reason": "length",
        }
    ],
    "created": 5399,
    "model": "meta-llama-3-8b-instruct",
    "object": "chat.completion",
    "system_fingerprint": None,
    "usage": {"completion_tokens": 150, "prompt_tokens": 571, "total_tokens": 721},
}

SEED_ASYNC_ANSWER = {
    "response_id": "778bbfd58c-hz95k",
    "poll_url": "https://async.octoai.run/v1/requests/778bbfd58c-hz95k",
}


def test_seed_chat_completion_round_trips() -> None:
    original = copy.deepcopy(SEED_CHAT_COMPLETION)
    completion = ChatCompletionResponse.from_dict(original)
    assert completion.choices[0].finish_reason == FinishReason.LENGTH
    assert completion.choices[0].message.role == KnownRole.ASSISTANT
    assert completion.usage is not None and completion.usage.total_tokens == 721
    # Undeclared fields are kept, not dropped.
    assert completion.choices[0].additional_properties == {"delta": None}
    assert completion.choices[0].message.additional_properties == {"function_call": None}
    assert completion.to_dict() == SEED_CHAT_COMPLETION
    assert original == SEED_CHAT_COMPLETION, "from_dict must not mutate its input"


def test_seed_async_answer_round_trips() -> None:
    queued = AsyncInferenceResponse.from_dict(SEED_ASYNC_ANSWER)
    assert queued.response_id == "778bbfd58c-hz95k"
    assert queued.to_dict() == SEED_ASYNC_ANSWER


def test_seed_poll_statuses_round_trip() -> None:
    pending = {"status": "pending"}
    completed = {
        "status": "completed",
        "response_url": "https://async.octoai.run/v1/responses/778bbfd58c-hz95k",
    }
    assert AsyncInferenceStatus.from_dict(pending).status == AsyncInferenceState.PENDING
    parsed = AsyncInferenceStatus.from_dict(completed)
    assert parsed.status == AsyncInferenceState.COMPLETED
    for body in (pending, completed, {"status": "failed", "error": "boom"}):
        assert AsyncInferenceStatus.from_dict(body).to_dict() == body


def test_unknown_enum_values_are_kept_as_strings() -> None:
    status = AsyncInferenceStatus.from_dict({"status": "cancelled"})
    assert status.status == "cancelled" and not isinstance(status.status, AsyncInferenceState)
    data = copy.deepcopy(SEED_CHAT_COMPLETION)
    data["choices"][0]["finish_reason"] = "eos_token"
    data["choices"][0]["message"]["role"] = "critic"
    completion = ChatCompletionResponse.from_dict(data)
    assert completion.choices[0].finish_reason == "eos_token"
    assert completion.choices[0].message.role == "critic"
    assert completion.to_dict() == data


def test_usage_and_content_may_be_missing() -> None:
    data = copy.deepcopy(SEED_CHAT_COMPLETION)
    del data["usage"]
    del data["choices"][0]["message"]["content"]
    completion = ChatCompletionResponse.from_dict(data)
    assert completion.to_dict() == data


def test_stream_chunks_parse_with_and_without_optional_fields() -> None:
    first = {
        "id": "chatcmpl-1",
        "created": 1,
        "model": "m",
        "choices": [
            {"index": 0, "delta": {"role": "assistant", "content": None}, "finish_reason": None}
        ],
    }
    last = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": " end"}, "finish_reason": "stop"}],
        "usage": None,
    }
    usage_only = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }
    for chunk in (first, last, usage_only):
        assert ChatCompletionChunk.from_dict(chunk).to_dict() == chunk
    assert ChatCompletionChunk.from_dict(last).choices[0].finish_reason == FinishReason.STOP


def test_completion_and_error_shapes() -> None:
    completion = {
        "id": "cmpl-1",
        "object": "text_completion",
        "created": 2,
        "model": "m",
        "choices": [{"index": 0, "text": "hi", "finish_reason": "stop", "logprobs": None}],
        "system_fingerprint": "fp",
    }
    assert CompletionResponse.from_dict(completion).to_dict() == completion
    error = {"message": "An example error", "object": "error", "type": "internal_error"}
    assert ErrorResponse.from_dict(error).to_dict() == error
    invalid = {"detail": [{"loc": ["body", "temperature"], "msg": "too high", "type": "le"}]}
    assert HTTPValidationError.from_dict(invalid).to_dict() == invalid
