"""Pins the public API's types: `mypy --strict` checks this file; it is never run."""

from __future__ import annotations

from typing import Any, assert_type

from octoai_ext import (
    AsyncOctoAI,
    AsyncStream,
    ChatCompletionChunk,
    ChatCompletionResponse,
    ChatMessage,
    CompletionResponse,
    InferenceFuture,
    OctoAI,
    OctoAIError,
    Stream,
    TextModel,
    get_model_list,
)


def sync_api(client: OctoAI) -> None:
    messages: list[ChatMessage | dict[str, str]] = [
        ChatMessage(role="user", content="hi"),
        {"role": "user", "content": "hi"},
    ]
    completion = client.text_gen.create_chat_completion(
        model=TextModel.META_LLAMA_3_1_8B_INSTRUCT, messages=messages, max_tokens=5, stop=["\n"]
    )
    assert_type(completion, ChatCompletionResponse)
    stream = client.text_gen.create_chat_completion_stream(model="m", messages=messages)
    assert_type(stream, Stream[ChatCompletionChunk])
    assert_type(client.text_gen.create_completion(model="m", prompt="p"), CompletionResponse)
    assert_type(
        client.chat.completions.create(model="m", messages=messages), ChatCompletionResponse
    )
    assert_type(
        client.chat.completions.create(model="m", messages=messages, stream=True),
        Stream[ChatCompletionChunk],
    )
    assert_type(client.infer("u", {}), dict[str, Any])
    assert_type(client.infer_stream("u", {}), Stream[dict[str, Any]])
    future = client.infer_async("u", {})
    assert_type(future, InferenceFuture)
    assert_type(client.is_future_ready(future), bool)
    assert_type(client.get_future_result(future), dict[str, Any] | None)
    assert_type(client.wait(future, timeout=10.0), dict[str, Any])
    assert_type(client.health_check("u", timeout=1.0, interval=0.5), int)
    assert_type(get_model_list(), list[str])


async def async_api(client: AsyncOctoAI, futures: list[InferenceFuture]) -> None:
    completion = await client.text_gen.create_chat_completion(model="m", messages=[])
    assert_type(completion, ChatCompletionResponse)
    stream = client.text_gen.create_chat_completion_stream(model="m", messages=[])
    assert_type(stream, AsyncStream[ChatCompletionChunk])
    async for chunk in stream:
        assert_type(chunk, ChatCompletionChunk)
    assert_type(await client.infer("u", {}), dict[str, Any])
    assert_type(await client.infer_async("u", {}), InferenceFuture)
    async for future, result in client.as_completed(futures):
        assert_type(future, InferenceFuture)
        assert_type(result, dict[str, Any] | OctoAIError)
    assert_type(await client.health_check("u"), int)
