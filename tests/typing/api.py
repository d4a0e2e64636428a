"""Pins the public API's types: `mypy --strict` checks this file; it is never run."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, assert_type

import httpx
from octoai_api.models import DeleteAssetResponse

from octoai_ext import (
    NOT_GIVEN,
    APIResponse,
    Asset,
    AsyncOctoAI,
    AsyncStatus,
    AsyncStream,
    Batch,
    BatchLedger,
    BatchProgress,
    ChatCompletionChunk,
    ChatCompletionResponse,
    ChatMessage,
    CompletionChunk,
    CompletionResponse,
    ImageGenerationResponse,
    InferenceFuture,
    ListAssetsResponse,
    ListTunesResponse,
    Message,
    OctoAI,
    OctoAIError,
    RequestOptions,
    Stream,
    TextModel,
    Tune,
    WaitProgress,
    get_model_list,
)


def constructor() -> None:
    OctoAI()
    OctoAI("token", base_url="http://127.0.0.1:8000", timeout=5.0, max_retries=0)
    OctoAI(timeout=httpx.Timeout(5.0, read=60.0), httpx_client=httpx.Client())
    OctoAI(timeout=None, default_headers={"X-Team": "a"}, trusted_hosts=["example.com"])
    OctoAI(untrusted_urls="send_without_token", allow_insecure_http=True, stream_idle_timeout=None)
    AsyncOctoAI(httpx_client=httpx.AsyncClient(), timeout=NOT_GIVEN, secure_link=True)


def sync_api(client: OctoAI, options: RequestOptions) -> None:
    messages: list[Message] = [
        ChatMessage(role="user", content="hi"),
        {"role": "user", "content": "hi"},
    ]
    completion = client.text_gen.create_chat_completion(
        model=TextModel.META_LLAMA_3_1_8B_INSTRUCT, messages=messages, max_tokens=5, stop=["\n"]
    )
    assert_type(completion, ChatCompletionResponse)
    client.text_gen.create_chat_completion(
        model="m",
        messages=messages,
        response_format=None,
        timeout=3.0,
        max_retries=1,
        extra_headers={"X": "1"},
        extra_body={"new_field": 1},
    )
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
    assert_type(client.completions.create(model="m", prompt="p"), CompletionResponse)
    assert_type(
        client.completions.create(model="m", prompt="p", stream=True), Stream[CompletionChunk]
    )
    assert_type(client.infer("u", {}, **options), dict[str, Any])
    assert_type(client.infer_stream("u", {}), Stream[dict[str, Any]])
    future = client.infer_async("u", {}, extra_body={"x": 1})
    assert_type(future, InferenceFuture)
    assert_type(client.get_future_status(future, timeout=1.0), AsyncStatus)
    assert_type(client.is_future_ready(future), bool)
    assert_type(client.get_future_result(future), dict[str, Any] | None)

    def show(progress: WaitProgress) -> None:
        print(progress.state, progress.elapsed)

    assert_type(client.wait(future, timeout=10.0, on_progress=show), dict[str, Any])
    assert_type(client.health_check("u", timeout=1.0, interval=0.5), int)
    assert_type(get_model_list(), list[str])

    raw = client.with_raw_response.text_gen.create_chat_completion(model="m", messages=messages)
    assert_type(raw, APIResponse[ChatCompletionResponse])
    assert_type(raw.parse(), ChatCompletionResponse)
    assert_type(raw.request_id, str | None)
    assert_type(raw.retries_taken, int)
    assert_type(raw.headers, httpx.Headers)
    assert_type(client.with_raw_response.infer("u", {}), APIResponse[dict[str, Any]])
    assert_type(client.with_options(timeout=2.0, max_retries=0), OctoAI)


def platform_api(client: OctoAI, path: Path) -> None:
    lora = client.asset.create(
        path,
        name="n",
        data={"asset_type": "lora", "engine": "image/stable-diffusion-xl-v1-0"},
        on_progress=lambda sent, total: None,
        timeout=600.0,
    )
    assert_type(lora, Asset)
    assert_type(client.asset.create(b"", name="n", data={}, wait=False), Asset)
    assert_type(client.asset.get("octoai:default-sdxl"), Asset)
    assert_type(client.asset.wait_for_ready(lora, interval=1.0), Asset)
    assert_type(client.asset.list(asset_type=["lora"], engine="x"), Iterator[Asset])
    assert_type(client.asset.list_page(limit=10, offset=0), ListAssetsResponse)
    assert_type(client.asset.delete(lora), DeleteAssetResponse)
    tune = client.tune.create(
        name="t", base_checkpoint=lora, files=[(lora, "caption")], trigger_words="sks", steps=1
    )
    assert_type(tune, Tune)
    assert_type(client.tune.wait(tune, timeout=60.0), Tune)
    assert_type(client.tune.cancel(tune.id), Tune)
    assert_type(client.tune.list(trigger_words="sks"), Iterator[Tune])
    assert_type(client.tune.list_page(name="t"), ListTunesResponse)
    images = client.image_gen.generate(prompt="p", loras={"t": 0.8}, seed=1)
    assert_type(images, ImageGenerationResponse)
    assert_type(client.with_raw_response.asset.get("x"), APIResponse[Asset])
    assert_type(client.with_raw_response.tune.get("x"), APIResponse[Tune])


async def async_platform_api(client: AsyncOctoAI) -> None:
    assert_type(await client.asset.get("x"), Asset)
    assert_type(client.asset.list(), AsyncIterator[Asset])
    assert_type(await client.tune.wait("t"), Tune)
    assert_type(client.tune.list(), AsyncIterator[Tune])
    assert_type(await client.image_gen.generate(prompt="p"), ImageGenerationResponse)


async def async_api(client: AsyncOctoAI, futures: list[InferenceFuture]) -> None:
    completion = await client.text_gen.create_chat_completion(model="m", messages=[])
    assert_type(completion, ChatCompletionResponse)
    stream = await client.text_gen.create_chat_completion_stream(model="m", messages=[])
    assert_type(stream, AsyncStream[ChatCompletionChunk])
    async for chunk in stream:
        assert_type(chunk, ChatCompletionChunk)
    assert_type(await client.infer("u", {}), dict[str, Any])
    assert_type(await client.infer_async("u", {}), InferenceFuture)
    assert_type(await client.get_future_status(futures[0]), AsyncStatus)
    async with client.as_completed(futures, timeout=60.0) as results:
        async for future, result in results:
            assert_type(future, InferenceFuture)
            assert_type(result, dict[str, Any] | OctoAIError)
    async with contextlib.aclosing(client.as_completed(futures)) as pairs:
        async for _future, _result in pairs:
            break
    assert_type(await client.health_check("u"), int)
    raw = await client.with_raw_response.infer("u", {})
    assert_type(raw, APIResponse[dict[str, Any]])
    assert_type(client.with_options(max_retries=5), AsyncOctoAI)


def batch_api(client: OctoAI, items: list[dict[str, Any]]) -> None:
    def show(progress: BatchProgress) -> None:
        assert_type(progress.rate, float)

    with client.batch("u", items, ledger="run.ledger", concurrency=8, on_progress=show) as results:
        assert_type(results, Batch)
        for key, result in results:
            assert_type(key, Any)
            assert_type(result, dict[str, Any] | OctoAIError)
    client.batch("u", iter(items), ledger=BatchLedger("run.ledger"), mode="sync", timeout=60.0)
    with BatchLedger("run.ledger") as ledger:
        assert_type(ledger.summary().completed, int)
        for _key, _result in ledger.results():
            break


async def async_batch_api(client: AsyncOctoAI, items: list[dict[str, Any]]) -> None:
    async with client.batch("u", items, ledger="run.ledger", retry_failed=True) as results:
        async for _key, result in results:
            assert_type(result, dict[str, Any] | OctoAIError)
