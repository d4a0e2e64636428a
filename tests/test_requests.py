"""Request bodies are built from the arguments, and bad arguments fail before anything is sent."""

from __future__ import annotations

import json

import pytest
from octoai_api.models import StreamOptions

from octoai_ext import ChatMessage, OctoAIClientError, PayloadTooLargeError, TextModel
from octoai_ext._constants import MAX_ASYNC_REQUEST_BYTES
from octoai_ext._requests import (
    REQUEST_OPTION_NAMES,
    chat_request,
    completion_request,
    encode_inputs,
    image_request,
    split_options,
)


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


def test_a_listing_keeps_extra_body_among_its_filters() -> None:
    given = {"name": "x", "extra_body": {"y": 1}, "max_retries": 0}
    filters, options = split_options(given, REQUEST_OPTION_NAMES)
    assert filters == {"name": "x", "extra_body": {"y": 1}}
    assert options == {"max_retries": 0}


def test_image_body_leaves_out_none_and_merges_extra_body() -> None:
    body = image_request(
        "a dog", {"seed": 7, "steps": None}, extra_body={"seed": 8, "new_field": b"\x00"}
    )
    assert body == {"seed": 8, "prompt": "a dog", "new_field": "AA=="}
    with pytest.raises(OctoAIClientError, match="did you mean 'seed'"):
        image_request("a dog", {"sead": 7})


def test_inputs_encode_bytes_as_base64() -> None:
    assert json.loads(encode_inputs({"audio": b"\x00\x01", "n": 1})) == {"audio": "AAE=", "n": 1}


def test_extra_body_is_merged_over_the_inputs() -> None:
    encoded = encode_inputs({"a": 1, "b": 2}, extra_body={"b": 3, "c": b"\x01"})
    assert json.loads(encoded) == {"a": 1, "b": 3, "c": "AQ=="}
    with pytest.raises(OctoAIClientError, match="must be a dict"):
        encode_inputs([1], extra_body={"b": 3})


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
