"""Retries, broken streams, malformed answers, timeouts and health checks, driven by faults."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from octoai_ext import (
    AsyncOctoAI,
    OctoAI,
    OctoAIClientError,
    OctoAIServerError,
    OctoAITimeoutError,
    RateLimitError,
    StreamError,
)

from .conftest import Flavour, fault, open_flavour

MODEL = "meta-llama-3.1-8b-instruct"
MESSAGES = [{"role": "user", "content": "Tell me about the reef"}]
Fault = Callable[[str], str]


def attempts(octo: Flavour, directive: str) -> int:
    return sum(1 for r in octo.requests() if r.get("fault") == directive)


async def chat(octo: Flavour, directive: str, **kwargs: Any) -> Any:
    return await octo.call(
        octo.client.text_gen.create_chat_completion(
            model=MODEL, messages=MESSAGES, max_tokens=4, **fault(directive), **kwargs
        )
    )


async def test_503_is_retried_until_success(octo: Flavour, fault_key: Fault) -> None:
    directive = fault_key("status=503;times=2")
    completion = await chat(octo, directive)
    assert completion.choices[0].message.content
    assert attempts(octo, directive) == 3
    assert len(octo.sleeps) == 2
    assert all(0 <= s <= 8 for s in octo.sleeps)


async def test_retries_run_out(octo: Flavour, fault_key: Fault) -> None:
    directive = fault_key("status=503")
    with pytest.raises(OctoAIServerError) as info:
        await chat(octo, directive, max_retries=3)
    assert info.value.status_code == 503
    assert attempts(octo, directive) == 4


async def test_retry_after_is_honoured(octo: Flavour, fault_key: Fault) -> None:
    directive = fault_key("status=429;times=1;retry-after=2")
    await chat(octo, directive)
    assert octo.sleeps == [2.0]


async def test_throttling_after_retries_is_a_client_error(octo: Flavour, fault_key: Fault) -> None:
    directive = fault_key("status=429;retry-after=0")
    with pytest.raises(RateLimitError) as info:
        await chat(octo, directive, max_retries=1)
    assert isinstance(info.value, OctoAIClientError)
    assert attempts(octo, directive) == 2


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_a_post_that_may_have_run_is_not_retried(
    octo: Flavour, fault_key: Fault, status: int
) -> None:
    directive = fault_key(f"status={status}")
    with pytest.raises(OctoAIServerError):
        await chat(octo, directive)
    assert attempts(octo, directive) == 1


async def test_polls_retry_on_any_retryable_status(octo: Flavour, fault_key: Fault) -> None:
    future = await octo.call(octo.client.infer_async(octo.url("/infer/echo"), {"x": 1}))
    await octo.call(octo.client.wait(future, timeout=10))
    directive = fault_key("status=502;times=2")
    async with open_flavour(
        "async" if octo.is_async else "sync",
        octo.server,
        record=True,
        default_headers={"X-OctoAI-Fault": directive},
    ) as flavour:
        assert await flavour.call(flavour.client.get_future_result(future)) == {"echo": {"x": 1}}
    # Two failed status polls, the successful one, then the fetch of the result.
    assert attempts(octo, directive) == 4


@pytest.mark.parametrize("status", [400, 404, 409, 418])
async def test_other_4xx_are_never_retried(octo: Flavour, fault_key: Fault, status: int) -> None:
    directive = fault_key(f"status={status}")
    with pytest.raises(OctoAIClientError) as info:
        await chat(octo, directive)
    assert info.value.status_code == status
    assert attempts(octo, directive) == 1


@pytest.mark.parametrize(
    ("status", "cls"),
    [(499, OctoAIClientError), (520, OctoAIServerError), (529, OctoAIServerError)],
)
async def test_non_standard_statuses(
    octo: Flavour, fault_key: Fault, status: int, cls: type
) -> None:
    with pytest.raises(cls) as info:
        await chat(octo, fault_key(f"status={status}"))
    assert info.value.status_code == status
    assert "injected fault" in info.value.message
    assert info.value.request_id


@pytest.mark.parametrize("kind", ["json", "shape"])
async def test_malformed_answers_raise(octo: Flavour, fault_key: Fault, kind: str) -> None:
    with pytest.raises(OctoAIServerError, match="could not be read") as info:
        await chat(octo, fault_key(f"malformed={kind}"))
    assert info.value.status_code == 200


async def stream_chat(octo: Flavour, directive: str, **kwargs: Any) -> list[Any]:
    stream = octo.client.text_gen.create_chat_completion_stream(
        model=MODEL, messages=MESSAGES, max_tokens=10, **fault(directive), **kwargs
    )
    return await octo.collect(stream)


async def test_stream_cut_mid_way(octo: Flavour, fault_key: Fault) -> None:
    with pytest.raises(StreamError, match="after 3 events") as info:
        await stream_chat(octo, fault_key("cut-after=3"))
    assert info.value.events_received == 3


async def test_stream_ending_without_done(octo: Flavour, fault_key: Fault) -> None:
    with pytest.raises(StreamError, match=r"\[DONE\]") as info:
        await stream_chat(octo, fault_key("end-after=4"))
    assert info.value.events_received == 4


async def test_stream_error_event(octo: Flavour, fault_key: Fault) -> None:
    with pytest.raises(StreamError, match="injected stream error") as info:
        await stream_chat(octo, fault_key("error-event-after=2"))
    assert info.value.request_id


async def test_stream_with_garbage_data(octo: Flavour, fault_key: Fault) -> None:
    with pytest.raises(StreamError):
        await stream_chat(octo, fault_key("malformed=sse"))


async def test_silent_stream_times_out(flavour_name: str, devserver: Any, fault_key: Fault) -> None:
    async with open_flavour(flavour_name, devserver, stream_idle_timeout=0.3) as octo:
        with pytest.raises(OctoAITimeoutError, match="silent"):
            await stream_chat(octo, fault_key("stall-after=2;stall=3"))


async def test_stream_errors_before_streaming_are_retried(octo: Flavour, fault_key: Fault) -> None:
    directive = fault_key("status=503;times=1")
    chunks = await stream_chat(octo, directive)
    assert chunks
    assert attempts(octo, directive) == 2


def test_leaving_a_stream_early_frees_the_connection(devserver: Any) -> None:
    pool = httpx.Client(limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(10, pool=2))
    with OctoAI(token=devserver.token, base_url=devserver.base_url, httpx_client=pool) as client:
        for _ in range(3):
            for _chunk in client.text_gen.create_chat_completion_stream(
                model=MODEL, messages=MESSAGES
            ):
                break
        with client.text_gen.create_chat_completion_stream(
            model=MODEL, messages=MESSAGES
        ) as stream:
            next(stream)
        assert client.text_gen.create_chat_completion(model=MODEL, messages=MESSAGES).choices
    pool.close()


async def test_leaving_an_async_stream_early_frees_the_connection(devserver: Any) -> None:
    pool = httpx.AsyncClient(
        limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(10, pool=2)
    )
    async with AsyncOctoAI(
        token=devserver.token, base_url=devserver.base_url, httpx_client=pool
    ) as client:
        for _ in range(3):
            async with await client.text_gen.create_chat_completion_stream(
                model=MODEL, messages=MESSAGES
            ) as stream:
                async for _chunk in stream:
                    break
        assert (
            await client.text_gen.create_chat_completion(model=MODEL, messages=MESSAGES)
        ).choices
    await pool.aclose()


async def test_slow_answer_times_out(octo: Flavour, fault_key: Fault) -> None:
    with pytest.raises(OctoAITimeoutError):
        await chat(octo, fault_key("delay=3"), timeout=0.3, max_retries=0)


async def test_server_down(flavour_name: str, devserver: Any, dead_url: str) -> None:
    async with open_flavour(flavour_name, devserver, record=True, base_url=dead_url) as octo:
        with pytest.raises(OctoAIServerError, match="could not connect"):
            await octo.call(
                octo.client.text_gen.create_chat_completion(model=MODEL, messages=MESSAGES)
            )
    assert len(octo.sleeps) == 2, "a connection that never opened is safe to retry"


async def test_health_check_waits_through_cold_start(
    flavour_name: str, start_devserver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    server = start_devserver(cold_start=60.0, test_clock=True)
    caplog.set_level(logging.WARNING, logger="octoai_ext")
    async with open_flavour(flavour_name, server, record=True, token=None) as octo:
        status = await octo.call(
            octo.client.health_check(server.base_url + "/healthcheck", timeout=600, interval=15)
        )
    assert status == 200
    # Cold for the first 60 s of the server's clock, which moves only by the client's sleeps.
    assert octo.sleeps == [15, 15, 15, 15]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "cold" in warnings[0].getMessage()


async def test_health_check_gives_up_with_the_last_status(
    flavour_name: str, cold_devserver: Any
) -> None:
    server = cold_devserver
    async with open_flavour(flavour_name, server, token=None) as octo:
        status = await octo.call(
            octo.client.health_check(server.base_url + "/healthcheck", timeout=0.5, interval=0.1)
        )
    assert status == 503


async def test_health_check_of_nothing(flavour_name: str, devserver: Any, dead_url: str) -> None:
    # The documented contract: no answer at all before the deadline is a timeout, caused by
    # the last connection error.
    async with open_flavour(flavour_name, devserver) as octo:
        with pytest.raises(OctoAITimeoutError, match=r"did not answer within 0\.3 s") as info:
            await octo.call(
                octo.client.health_check(dead_url + "/healthcheck", timeout=0.3, interval=0.1)
            )
    assert isinstance(info.value.__cause__, httpx.ConnectError)


@pytest.mark.parametrize("url", ["http://[::1", "not a url at all", "ftp://127.0.0.1/healthcheck"])
async def test_health_check_of_a_bad_url_is_a_client_error(
    flavour_name: str, devserver: Any, url: str
) -> None:
    async with open_flavour(flavour_name, devserver) as octo:
        with pytest.raises(OctoAIClientError):
            await octo.call(octo.client.health_check(url, timeout=0.3, interval=0.1))
