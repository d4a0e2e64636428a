"""Every opened response is released on every path, and finished streams keep their connection.

Connections are counted with httpcore's `trace` extension (one `connect_tcp` per connection
opened); releases are proven with a pool of one connection and a short pool timeout, with the
garbage collector off, so only reference counting can free anything.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from octoai_ext import AsyncOctoAI, OctoAI

MODEL = "meta-llama-3.1-8b-instruct"
STREAM_INPUTS = {"prompt": "a b c", "stream": True}
CHAT: dict[str, Any] = {
    "model": MODEL,
    "messages": [{"role": "user", "content": "Say something long"}],
    "max_tokens": 8,
}


class Connections:
    """Counts the TCP connections an httpx client opens."""

    def __init__(self) -> None:
        self.opened = 0

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            self.opened += 1

    async def atrace(self, event: str, info: dict[str, Any]) -> None:
        self.trace(event, info)

    def hook(self, request: httpx.Request) -> None:
        request.extensions["trace"] = self.trace

    async def ahook(self, request: httpx.Request) -> None:
        request.extensions["trace"] = self.atrace


def one_connection_pool() -> dict[str, Any]:
    return {"limits": httpx.Limits(max_connections=1), "timeout": httpx.Timeout(10, pool=2)}


@pytest.fixture
def no_gc() -> Iterator[None]:
    """Only reference counting may free objects during the test."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_finished_streams_reuse_one_connection(devserver: Any) -> None:
    counter = Connections()
    http = httpx.Client(event_hooks={"request": [counter.hook]})
    with OctoAI(token=devserver.token, base_url=devserver.base_url, httpx_client=http) as client:
        for _ in range(5):
            chunks = list(client.text_gen.create_chat_completion_stream(**CHAT))
            assert chunks
        for _ in range(5):
            assert list(client.infer_stream(devserver.base_url + "/infer/tokens", STREAM_INPUTS))
    http.close()
    assert counter.opened == 1


async def test_finished_async_streams_reuse_one_connection(devserver: Any) -> None:
    counter = Connections()
    http = httpx.AsyncClient(event_hooks={"request": [counter.ahook]})
    async with AsyncOctoAI(
        token=devserver.token, base_url=devserver.base_url, httpx_client=http
    ) as client:
        for _ in range(5):
            stream = await client.text_gen.create_chat_completion_stream(**CHAT)
            assert [chunk async for chunk in stream]
    await http.aclose()
    assert counter.opened == 1


def test_a_sync_stream_dropped_unread_is_released(devserver: Any, no_gc: None) -> None:
    http = httpx.Client(**one_connection_pool())
    with OctoAI(token=devserver.token, base_url=devserver.base_url, httpx_client=http) as client:
        for _ in range(3):
            client.text_gen.create_chat_completion_stream(**CHAT)  # opened, never read
        stream = client.infer_stream(devserver.base_url + "/infer/tokens", STREAM_INPUTS)
        del stream
        assert client.text_gen.create_chat_completion(**CHAT).choices
    http.close()


def test_leaving_a_sync_loop_early_releases_the_connection(devserver: Any, no_gc: None) -> None:
    http = httpx.Client(**one_connection_pool())
    with OctoAI(token=devserver.token, base_url=devserver.base_url, httpx_client=http) as client:
        for _ in range(3):
            for _chunk in client.text_gen.create_chat_completion_stream(**CHAT):
                break
        held = client.text_gen.create_chat_completion_stream(**CHAT)
        for _chunk in held:
            break
        held.close()
        assert client.text_gen.create_chat_completion(**CHAT).choices
    http.close()


async def test_leaving_an_async_loop_early_releases_the_connection(
    devserver: Any, no_gc: None
) -> None:
    http = httpx.AsyncClient(**one_connection_pool())
    async with AsyncOctoAI(
        token=devserver.token, base_url=devserver.base_url, httpx_client=http
    ) as client:
        for _ in range(3):
            async for _chunk in await client.text_gen.create_chat_completion_stream(**CHAT):
                break
        assert (await client.text_gen.create_chat_completion(**CHAT)).choices
    await http.aclose()


async def test_an_async_stream_dropped_unread_is_released(devserver: Any, no_gc: None) -> None:
    http = httpx.AsyncClient(**one_connection_pool())
    async with AsyncOctoAI(
        token=devserver.token, base_url=devserver.base_url, httpx_client=http
    ) as client:
        for _ in range(3):
            await client.chat.completions.create(**CHAT, stream=True)  # opened, then dropped
        held = await client.text_gen.create_chat_completion_stream(**CHAT)
        async with held:
            await held.__anext__()
        assert (await client.text_gen.create_chat_completion(**CHAT)).choices
    await http.aclose()


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_httpx_client_keeps_its_own_timeouts(devserver: Any, flavour: str) -> None:
    seen: list[dict[str, float]] = []

    def record(request: httpx.Request) -> None:
        seen.append(dict(request.extensions["timeout"]))

    async def arecord(request: httpx.Request) -> None:
        record(request)

    if flavour == "sync":
        http: Any = httpx.Client(timeout=1.5, event_hooks={"request": [record]})
        with OctoAI(token=devserver.token, base_url=devserver.base_url, httpx_client=http) as c:
            c.text_gen.create_chat_completion(**CHAT)
            c.with_options(timeout=httpx.Timeout(2.5)).text_gen.create_chat_completion(**CHAT)
        http.close()
    else:
        http = httpx.AsyncClient(timeout=1.5, event_hooks={"request": [arecord]})
        async with AsyncOctoAI(
            token=devserver.token, base_url=devserver.base_url, httpx_client=http
        ) as c:
            await c.text_gen.create_chat_completion(**CHAT)
            await c.with_options(timeout=httpx.Timeout(2.5)).text_gen.create_chat_completion(**CHAT)
        await http.aclose()
    phases = ("connect", "read", "write", "pool")
    assert seen == [dict.fromkeys(phases, 1.5), dict.fromkeys(phases, 2.5)]


def test_an_openai_style_base_url_is_accepted(devserver: Any) -> None:
    with OctoAI(token=devserver.token, base_url=devserver.base_url + "/v1/") as client:
        assert client.base_url == devserver.base_url
        assert client.text_gen.create_chat_completion(**CHAT).choices


class Requests:
    """Counts the requests an httpx client sends."""

    def __init__(self) -> None:
        self.sent = 0

    async def hook(self, request: httpx.Request) -> None:
        self.sent += 1


async def mixed_futures(client: AsyncOctoAI, base_url: str) -> list[Any]:
    quick = await client.infer_async(base_url + "/infer/echo", {"quick": True})
    slow = [await client.infer_async(base_url + "/infer/slow", {"duration": 60}) for _ in range(3)]
    return [quick, *slow]


async def first_then_leave(results: Any) -> None:
    async for _future, outputs in results:
        assert outputs == {"echo": {"quick": True}}
        break


@pytest.mark.parametrize("leave", ["async with", "aclosing", "dropped"])
async def test_as_completed_stops_polling_when_left(devserver: Any, leave: str) -> None:
    counter = Requests()
    http = httpx.AsyncClient(event_hooks={"request": [counter.hook]})
    client = AsyncOctoAI(token=devserver.token, base_url=devserver.base_url, httpx_client=http)
    client._sleep = _short_sleep
    futures = await mixed_futures(client, devserver.base_url)
    if leave == "async with":
        async with client.as_completed(futures, first_poll_delay=0) as results:
            await first_then_leave(results)
    elif leave == "aclosing":
        async with contextlib.aclosing(client.as_completed(futures, first_poll_delay=0)) as results:
            await first_then_leave(results)
    else:
        await first_then_leave(client.as_completed(futures, first_poll_delay=0))
    after_exit = counter.sent
    for _ in range(30):  # polls would come every 0.01 s (the client's sleep is shortened)
        await asyncio.sleep(0.01)
    assert counter.sent == after_exit
    await client.aclose()
    await http.aclose()


async def _short_sleep(seconds: float) -> None:
    await asyncio.sleep(0.01)
