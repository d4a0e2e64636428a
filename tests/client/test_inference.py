"""Generic inference: sync, streamed and queued, with futures, for both client flavours."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from support.control import clear_request_log, request_log

from octoai_ext import (
    AsyncOctoAI,
    AuthenticationError,
    FutureExpiredError,
    InferenceFailedError,
    InferenceFuture,
    OctoAIClientError,
    OctoAIServerError,
    PayloadTooLargeError,
)
from octoai_ext._constants import ASYNC_RESULT_RETENTION_SECONDS, MAX_ASYNC_REQUEST_BYTES

from .conftest import Flavour, make_client, record_sleeps


async def test_infer_echoes_inputs_and_encodes_bytes(octo: Flavour) -> None:
    outputs = await octo.call(
        octo.client.infer(octo.url("/infer/echo"), {"a": 1, "b": b"\x00\xff"})
    )
    assert outputs == {"echo": {"a": 1, "b": "AP8="}}


async def test_infer_failure_is_a_server_error(octo: Flavour) -> None:
    with pytest.raises(OctoAIServerError) as info:
        await octo.call(octo.client.infer(octo.url("/infer/fail"), {"message": "GPU melted"}))
    assert info.value.status_code == 500
    assert "GPU melted" in info.value.message
    assert info.value.request_id


async def test_infer_stream_huggingface_style(octo: Flavour) -> None:
    events = await octo.collect(
        octo.client.infer_stream(
            octo.url("/infer/tokens"), {"prompt": "hello there", "stream": True}
        )
    )
    assert events
    assert events[-1]["done"] is True
    assert all(e["done"] is False for e in events[:-1])
    text = "".join(e["token"]["text"] for e in events)
    assert events[-1]["generated_text"] == text


async def test_infer_stream_openai_style(octo: Flavour) -> None:
    events = await octo.collect(
        octo.client.infer_stream(
            octo.url("/infer/chat"),
            {"messages": [{"role": "user", "content": "hi"}], "max_tokens": 6, "stream": True},
        )
    )
    assert len([e for e in events if e.get("choices")]) == 6
    assert all(e["object"] == "chat.completion.chunk" for e in events)


async def test_async_inference_lifecycle(octo: Flavour, fault_key: Callable[[str], str]) -> None:
    client = octo.client
    queued = {"X-OctoAI-Fault": fault_key("pending=60")}
    future = await octo.call(
        client.infer_async(octo.url("/infer/slow"), {"duration": 1.5}, extra_headers=queued)
    )
    assert isinstance(future, InferenceFuture)
    assert future.poll_url.startswith(octo.server.base_url + "/v1/requests/")
    # Queued for a minute of the server's clock, which only this test lets pass.
    assert await octo.call(client.get_future_status(future)) == "pending"
    assert await octo.call(client.get_future_result(future)) is None
    await octo.advance_clock(60)
    stored = InferenceFuture.from_json(future.to_json())
    outputs = await octo.call(client.wait(stored, timeout=30))
    assert outputs["echo"] == {"duration": 1.5}
    assert await octo.call(client.is_future_ready(future)) is True
    assert await octo.call(client.get_future_result(future)) == outputs
    assert (
        await octo.call(client.get_future_status(client.get_future(future.response_id)))
        == "completed"
    )
    assert all(s >= 0.5 for s in octo.sleeps), "polling starts at about half a second"
    # Each sleep passed on the server's clock: 0.5 + 0.75 + 1.125 s covers the 1.5 s run.
    assert 1 <= len(octo.sleeps) <= 3, octo.sleeps


async def test_seed_polling_loop(octo: Flavour) -> None:
    client = octo.client
    future = await octo.call(client.infer_async(octo.url("/infer/echo"), {"x": 1}))
    for _ in range(200):
        if await octo.call(client.is_future_ready(future)):
            break
        await octo.advance_clock(0.02)  # where the guide sleeps, time passes on the server
    assert await octo.call(client.get_future_result(future)) == {"echo": {"x": 1}}


async def test_failed_inference_raises_the_server_error(octo: Flavour) -> None:
    future = await octo.call(
        octo.client.infer_async(octo.url("/infer/fail"), {"message": "bad audio"})
    )
    with pytest.raises(InferenceFailedError, match="bad audio"):
        await octo.call(octo.client.wait(future, timeout=30))
    assert await octo.call(octo.client.get_future_status(future)) == "failed"
    with pytest.raises(InferenceFailedError, match="bad audio"):
        await octo.call(octo.client.is_future_ready(future))
    with pytest.raises(InferenceFailedError, match="bad audio"):
        await octo.call(octo.client.get_future_result(future))


async def test_wait_timeout_keeps_the_future(flavour_name: str, devserver: Any) -> None:
    # Real sleeps: the timeout runs on the client's clock, and with nobody moving the server's
    # clock the half-minute inference cannot end during the 0.2 s wait.
    client = make_client(flavour_name, devserver)
    octo = Flavour(client, devserver)
    future = await octo.call(client.infer_async(octo.url("/infer/slow"), {"duration": 30}))
    with pytest.raises(TimeoutError, match="still"):
        await octo.call(client.wait(future, timeout=0.2))
    assert await octo.call(client.get_future_status(future)) == "running"
    await octo.call(client.aclose() if isinstance(client, AsyncOctoAI) else client.close())


async def test_unknown_future_is_expired(octo: Flavour) -> None:
    with pytest.raises(FutureExpiredError, match="24 hours"):
        await octo.call(octo.client.wait(octo.client.get_future("no-such-id"), timeout=5))


async def test_expired_result_names_the_retention(octo: Flavour) -> None:
    client = octo.client
    future = await octo.call(client.infer_async(octo.url("/infer/echo"), {"x": 1}))
    outputs = await octo.call(client.wait(future, timeout=10))
    assert outputs == {"echo": {"x": 1}}
    await octo.advance_clock(ASYNC_RESULT_RETENTION_SECONDS)
    with pytest.raises(FutureExpiredError) as info:
        await octo.call(client.get_future_result(future))
    assert info.value.status_code == 404
    assert "24 hours" in str(info.value)


async def test_oversized_async_request_is_refused_before_upload(octo: Flavour) -> None:
    # The server's log is shared and full: count only the requests marked with this key.
    key = uuid.uuid4().hex
    marked = {"X-OctoAI-Fault": f"key={key}"}
    url = octo.url("/infer/echo")
    with pytest.raises(PayloadTooLargeError, match="10 MB"):
        await octo.call(
            octo.client.infer_async(
                url, {"blob": "x" * MAX_ASYNC_REQUEST_BYTES}, extra_headers=marked
            )
        )
    assert octo.requests(key) == []
    # The same request, small enough, does reach the server under that key.
    await octo.call(octo.client.infer_async(url, {"blob": "x"}, extra_headers=marked))
    assert [entry["path"] for entry in octo.requests(key)] == ["/infer/echo"]


@pytest.mark.parametrize(
    ("override", "match"),
    [("mystery", "mystery"), ("completed-without-url", "no response_url")],
)
async def test_strange_statuses_raise_instead_of_polling_forever(
    flavour_name: str, devserver: Any, override: str, match: str
) -> None:
    client = make_client(
        flavour_name, devserver, default_headers={"X-OctoAI-Fault": f"status-override={override}"}
    )
    octo = Flavour(client, devserver)
    record_sleeps(octo)
    future = await octo.call(client.infer_async(octo.url("/infer/echo"), {"x": 1}))
    with pytest.raises(OctoAIServerError, match=match):
        await octo.call(client.wait(future, timeout=30))


async def test_foreign_poll_host_gets_no_token(
    flavour_name: str, devserver: Any, second_host_devserver: Any
) -> None:
    foreign = second_host_devserver
    # The server is shared: only this test's requests may count.
    clear_request_log(foreign)
    directive = {"X-OctoAI-Fault": f"poll-url-base={foreign.base_url}"}
    refusing = make_client(flavour_name, devserver)
    octo = Flavour(refusing, devserver)
    future = await octo.call(
        refusing.infer_async(octo.url("/infer/echo"), {"x": 1}, extra_headers=directive)
    )
    assert future.poll_url.startswith(foreign.base_url)
    with pytest.raises(OctoAIClientError, match=r"127\.0\.0\.2"):
        await octo.call(refusing.wait(future, timeout=5))

    tokenless = make_client(flavour_name, devserver, untrusted_urls="send_without_token")
    with pytest.raises(AuthenticationError):
        await Flavour(tokenless, devserver).call(tokenless.get_future_status(future))
    # The refusing client never asked the foreign host; the other asked it once, tokenless.
    seen = request_log(foreign)
    assert seen == [
        {
            "method": "GET",
            "path": f"/v1/requests/{future.response_id}",
            "has_authorization": False,
            "fault": None,
        }
    ]


async def test_as_completed_resolves_many_futures(devserver: Any) -> None:
    async with AsyncOctoAI(token=devserver.token, base_url=devserver.base_url) as client:
        record_sleeps(Flavour(client, devserver))
        durations = [0.05 * (i % 7) for i in range(40)]
        futures = await asyncio.gather(
            *(
                client.infer_async(devserver.base_url + "/infer/slow", {"duration": d, "i": i})
                for i, d in enumerate(durations)
            )
        )
        seen: dict[str, Any] = {}
        async for future, outputs in client.as_completed(futures, timeout=60):
            seen[future.response_id] = outputs
        assert len(seen) == len(futures)
        for i, future in enumerate(futures):
            assert seen[future.response_id]["echo"]["i"] == i


async def test_as_completed_reports_failures_as_values(devserver: Any) -> None:
    async with AsyncOctoAI(token=devserver.token, base_url=devserver.base_url) as client:
        record_sleeps(Flavour(client, devserver))
        ok = await client.infer_async(devserver.base_url + "/infer/echo", {"x": 1})
        bad = await client.infer_async(devserver.base_url + "/infer/fail", {"message": "nope"})
        results = {
            f.response_id: r
            async for f, r in client.as_completed([ok, bad], return_exceptions=True)
        }
        assert results[ok.response_id] == {"echo": {"x": 1}}
        assert isinstance(results[bad.response_id], InferenceFailedError)
        with pytest.raises(InferenceFailedError):
            async for _ in client.as_completed([bad]):
                pass
