"""Every wait honours its deadline as a hard limit, the request in flight included.

The server here trickles its answer one byte every 0.4 s: each read succeeds, so httpx's
per-read timeouts never fire, and only a deadline on the whole operation stops the call. The
bound on the elapsed time is loose on purpose (a 0.5 s deadline must not take 5 s); it proves the
limit is applied, not how fast the machine is.
"""

from __future__ import annotations

import time
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from support.scripted_server import (
    Request,
    ScriptedServer,
    chunked,
    response,
    scripted_server,
    trickle,
)

from octoai_ext import AsyncOctoAI, InferenceFuture, OctoAI, OctoAITimeoutError

from .conftest import Flavour, open_flavour

DEADLINE = 0.5
LOOSE_BOUND = 5.0
ANSWER = b'{"status": "pending", "response_id": "r1"}'


def trickled_headers(request: Request) -> list[tuple[bytes, float]]:
    (whole,) = response(200, ANSWER)
    return trickle(whole[0], 0.4)


def trickled_body(request: Request) -> list[tuple[bytes, float]]:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(ANSWER)}"
    return [(head.encode() + b"\r\n\r\n", 0.0), *trickle(ANSWER, 0.4)]


def opened(flavour: str, server: ScriptedServer) -> AbstractAsyncContextManager[Flavour]:
    """A client of the flavour for the scripted server, without retries; closed at the end."""
    return open_flavour(flavour, server, token="t", base_url=server.url, max_retries=0)


async def timed(flavour: Flavour, call: Any) -> float:
    start = time.monotonic()
    with pytest.raises(OctoAITimeoutError):
        await flavour.call(call())
    return time.monotonic() - start


@pytest.mark.parametrize("script", [trickled_headers, trickled_body])
async def test_health_check_timeout_is_a_hard_limit(flavour_name: str, script: Any) -> None:
    with scripted_server(script) as server:
        async with opened(flavour_name, server) as octo:
            url = server.url + "/healthcheck"
            elapsed = await timed(octo, lambda: octo.client.health_check(url, timeout=DEADLINE))
    assert elapsed < LOOSE_BOUND


@pytest.mark.parametrize("script", [trickled_headers, trickled_body])
async def test_wait_timeout_is_a_hard_limit(flavour_name: str, script: Any) -> None:
    with scripted_server(script) as server:
        async with opened(flavour_name, server) as octo:
            future = InferenceFuture("r1", server.url + "/v1/requests/r1")
            elapsed = await timed(octo, lambda: octo.client.wait(future, timeout=DEADLINE))
    assert elapsed < LOOSE_BOUND


async def test_call_timeout_is_a_hard_limit(flavour_name: str) -> None:
    with scripted_server(trickled_headers) as server:
        async with opened(flavour_name, server) as octo:
            elapsed = await timed(
                octo, lambda: octo.client.infer(server.url + "/infer/x", {}, timeout=DEADLINE)
            )
    assert elapsed < LOOSE_BOUND


async def test_stream_opening_timeout_is_a_hard_limit(flavour_name: str) -> None:
    with scripted_server(trickled_headers) as server:
        async with opened(flavour_name, server) as octo:
            elapsed = await timed(
                octo,
                lambda: octo.client.text_gen.create_chat_completion_stream(
                    model="m", messages=[{"role": "user", "content": "hi"}], timeout=DEADLINE
                ),
            )
    assert elapsed < LOOSE_BOUND


async def test_a_deadline_on_the_stream_does_not_cut_its_events() -> None:
    # Opening is bounded; the events come later, each within the idle timeout.
    events = [b'data: {"token": "%d"}\n\n' % i for i in range(4)] + [b"data: [DONE]\n\n"]
    with scripted_server(lambda request: chunked(events, delay=0.2)) as server:
        client = OctoAI(token="t", base_url=server.url)
        stream = client.infer_stream(server.url + "/infer/x", {}, timeout=0.3)
        assert [event["token"] for event in stream] == ["0", "1", "2", "3"]
        client.close()


async def drain(results: Any) -> None:
    async with results:
        async for _pair in results:
            pass


async def test_as_completed_timeout_is_a_hard_limit() -> None:
    with scripted_server(trickled_headers) as server:
        client = AsyncOctoAI(token="t", base_url=server.url, max_retries=0)
        futures = [InferenceFuture(f"r{i}", f"{server.url}/v1/requests/r{i}") for i in range(3)]
        start = time.monotonic()
        with pytest.raises(OctoAITimeoutError):
            await drain(client.as_completed(futures, timeout=DEADLINE, first_poll_delay=0))
        elapsed = time.monotonic() - start
        await client.aclose()
    assert elapsed < LOOSE_BOUND
