"""Request bodies are built from the arguments, and bad arguments fail before anything is sent."""

from __future__ import annotations

import json

import pytest
from octoai_api.models import StreamOptions

from octoai_ext import ChatMessage, OctoAIClientError, PayloadTooLargeError, TextModel
from octoai_ext._constants import MAX_ASYNC_REQUEST_BYTES
from octoai_ext._requests import chat_request, completion_request, encode_inputs, split_options


def test_chat_body_mixes_models_and_dicts() -> None:
    request = chat_request(
        TextModel.LLAMA_2_70B_CHAT,
        [ChatMessage(role="system", content="be brief"), {"role": "user", "content": "hi"}],
        {
            "max_tokens": 5,
            "stop": ["\n"],
            "stream_options": StreamOptions(include_usage=True),
            "temperature": None,
        },
        stream=True,
    )
    body = request
    assert body["model"] == "llama-2-70b-chat"
    assert body["messages"] == [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "hi"},
    ]
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert "temperature" not in body, "None means: let the service apply its default"


def test_tool_messages_keep_their_fields() -> None:
    message = {"role": "tool", "tool_call_id": "call_1", "name": "lookup", "content": "42"}
    body = chat_request("m", [message], {}, stream=False)
    assert body["messages"] == [message]


def test_extra_body_is_merged() -> None:
    body = chat_request(
        "m", [{"role": "user", "content": "x"}], {}, stream=False, extra_body={"new_field": 1}
    )
    assert body["new_field"] == 1


@pytest.mark.parametrize(
    ("messages", "match"),
    [
        ("hello", "list of messages"),
        ([], "must not be empty"),
        (["hello"], r"messages\[0\] must be a ChatMessage"),
        ([{"content": "no role"}], r"messages\[0\] needs a string 'role'"),
    ],
)
def test_bad_messages(messages: object, match: str) -> None:
    with pytest.raises(OctoAIClientError, match=match):
        chat_request("m", messages, {}, stream=False)


def test_unknown_argument_suggests_the_right_one() -> None:
    with pytest.raises(OctoAIClientError, match="did you mean 'max_tokens'"):
        chat_request("m", [{"role": "user", "content": "x"}], {"max_token": 3}, stream=False)


def test_model_must_be_a_name() -> None:
    with pytest.raises(OctoAIClientError, match="model"):
        completion_request(None, "p", {}, stream=False)


def test_options_are_split_from_body_fields() -> None:
    body, options = split_options({"max_tokens": 3, "timeout": 5.0, "extra_headers": {"a": "b"}})
    assert body == {"max_tokens": 3}
    assert options == {"timeout": 5.0, "extra_headers": {"a": "b"}}


def test_inputs_encode_bytes_as_base64() -> None:
    assert json.loads(encode_inputs({"audio": b"\x00\x01", "n": 1})) == {"audio": "AAE=", "n": 1}


@pytest.mark.parametrize(
    ("inputs", "match"),
    [
        ([1], "must be a dict"),
        ({"x": {1, 2}}, "cannot send a set"),
        ({"x": float("nan")}, "cannot be sent as JSON"),
    ],
)
def test_bad_inputs(inputs: object, match: str) -> None:
    with pytest.raises(OctoAIClientError, match=match):
        encode_inputs(inputs)


def test_async_size_limit_is_checked_locally() -> None:
    big = {"blob": "x" * MAX_ASYNC_REQUEST_BYTES}
    with pytest.raises(PayloadTooLargeError, match="10 MB"):
        encode_inputs(big, limit=MAX_ASYNC_REQUEST_BYTES)
    assert len(encode_inputs(big)) > MAX_ASYNC_REQUEST_BYTES


def test_bodies_are_what_the_generated_models_describe() -> None:
    from octoai_api.models import ChatCompletionRequest, CompletionRequest

    chat = chat_request(
        "m",
        [{"role": "user", "content": [{"type": "text", "text": "x"}]}],
        {"tools": [{"type": "function", "function": {"name": "f"}}], "tool_choice": "auto"},
        stream=False,
    )
    assert ChatCompletionRequest.from_dict(chat).to_dict() == chat
    completion = completion_request("m", ["a", "b"], {"max_tokens": 2}, stream=True)
    assert CompletionRequest.from_dict(completion).to_dict() == completion
