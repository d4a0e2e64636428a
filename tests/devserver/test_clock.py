"""The server's clock: the controlled clock itself, and ``/_devserver/clock`` over real HTTP."""

from __future__ import annotations

import asyncio
import math
import uuid
from datetime import timedelta

import httpx
import pytest

from octoai_ext.devserver import DevServer, DevServerError
from octoai_ext.devserver.clock import Clock, ControlledClock, Timeline

from .helpers import CHAT_MODEL, client

HOUR = 3600.0


async def test_advance_wakes_the_sleepers_it_passes_and_only_those() -> None:
    clock = ControlledClock()
    woken: list[str] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woken.append(name)

    tasks = [
        asyncio.create_task(sleeper(name, hours * HOUR)) for name, hours in [("1h", 1), ("2h", 2)]
    ]
    await asyncio.sleep(0)  # both are asleep now
    assert clock.sleeping == 2
    await clock.advance(HOUR)
    assert woken == ["1h"], "advance returns after the sleepers it woke have run"
    assert clock.sleeping == 1
    await clock.advance(HOUR)
    assert woken == ["1h", "2h"]
    await asyncio.gather(*tasks)
    assert clock.sleeping == 0


async def test_advance_moves_now_and_wall_by_the_same_amount() -> None:
    clock = ControlledClock()
    before_now, before_wall = clock.now(), clock.wall()
    after_now = await clock.advance(24 * HOUR)
    after_wall = clock.wall()
    assert clock.advanced == 24 * HOUR
    # Real time passes too, but far less than an hour during this test.
    assert 24 * HOUR <= after_now - before_now < 25 * HOUR
    assert timedelta(hours=24) <= after_wall - before_wall < timedelta(hours=25)


async def test_time_is_wall_in_seconds_and_moves_with_advance() -> None:
    clock = ControlledClock()
    before = clock.time()
    await clock.advance(HOUR)
    after = clock.time()
    # Real time passes too, but far less than a minute during this test.
    assert HOUR <= after - before < HOUR + 60
    for reading in (clock, Clock()):
        assert abs(reading.time() - reading.wall().timestamp()) < 60


@pytest.mark.parametrize("seconds", [-1.0, math.inf, math.nan])
async def test_the_clock_only_moves_forward(seconds: float) -> None:
    clock = ControlledClock()
    with pytest.raises(ValueError, match="only moves forward"):
        await clock.advance(seconds)
    assert clock.advanced == 0


async def test_a_cancelled_sleeper_is_forgotten() -> None:
    clock = ControlledClock()
    task = asyncio.create_task(clock.sleep(HOUR))
    await asyncio.sleep(0)
    assert clock.sleeping == 1
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert clock.sleeping == 0


async def test_one_jump_carries_a_timeline_through_every_phase_that_fits() -> None:
    clock = ControlledClock()
    start = clock.now()
    timeline = Timeline(clock, start)
    phases: list[str] = []

    async def job() -> None:
        await timeline.wait(HOUR)
        phases.append("queued")
        await timeline.wait(2 * HOUR)
        phases.append("ran")
        await timeline.wait(4 * HOUR)
        phases.append("cleaned up")

    task = asyncio.create_task(job())
    await asyncio.sleep(0)
    await clock.advance(3 * HOUR)
    # Each phase ends a fixed time after the previous one was due, not after it woke.
    assert phases == ["queued", "ran"]
    assert timeline.at == pytest.approx(start + 7 * HOUR), "the last phase is due 1 + 2 + 4 h in"
    await clock.advance(4 * HOUR)
    assert phases == ["queued", "ran", "cleaned up"]
    await task


async def test_the_real_clock_does_not_wait_for_a_past_deadline() -> None:
    clock = Clock()
    timeline = Timeline(clock, clock.now() - HOUR)
    task = asyncio.create_task(timeline.wait(HOUR / 2))
    await asyncio.sleep(0)
    # Due half an hour ago: the wait ended in its first step, without sleeping.
    assert task.done()
    await task


def test_the_clock_route_reads_and_advances(devserver: DevServer) -> None:
    with client(devserver) as http:
        before = http.get("/_devserver/clock").json()
        moved = http.post("/_devserver/clock", json={"advance": 90}).json()
        after = http.get("/_devserver/clock").json()
    assert set(before) == {"now", "wall", "advanced", "sleeping"}
    assert moved["advanced"] == before["advanced"] + 90
    assert moved["now"] - before["now"] >= 90
    assert after["now"] >= moved["now"]
    assert devserver.advance_clock(0) >= after["now"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"advance": -1}',
        b'{"advance": "60"}',
        b'{"advance": true}',
        b'{"advance": NaN}',
        b"{}",
        b"60",
    ],
)
def test_the_clock_route_refuses_anything_but_a_forward_move(
    devserver: DevServer, body: bytes
) -> None:
    with client(devserver) as http:
        before = http.get("/_devserver/clock").json()["advanced"]
        answer = http.post("/_devserver/clock", content=body)
        after = http.get("/_devserver/clock").json()["advanced"]
    assert answer.status_code == 400
    assert answer.json()["param"] == "advance"
    assert after == before


def test_launcher_refuses_a_backward_move(devserver: DevServer) -> None:
    with pytest.raises(ValueError, match="only moves forward"):
        devserver.advance_clock(-5)


def test_without_the_flag_there_is_no_clock_to_advance(second_host_devserver: DevServer) -> None:
    # That server has fault directives, and so the other /_devserver/ routes, but no test clock.
    server = second_host_devserver
    with client(server) as http:
        assert http.get("/_devserver/requests").status_code == 200
        assert http.get("/_devserver/clock").status_code == 404
        assert http.post("/_devserver/clock", json={"advance": 1}).status_code == 404
    with pytest.raises(DevServerError, match="test_clock=True"):
        server.advance_clock(1)


def test_an_advance_does_not_end_a_network_stall(devserver: DevServer) -> None:
    key = uuid.uuid4().hex
    body = {
        "model": CHAT_MODEL,
        "messages": [{"role": "user", "content": "hi"}],
        "max_tokens": 6,
        "stream": True,
    }
    headers = {"X-OctoAI-Fault": f"stall-after=1;stall=30;key={key}"}
    with (
        client(devserver) as http,
        http.stream(
            "POST",
            "/v1/chat/completions",
            json=body,
            headers=headers,
            timeout=httpx.Timeout(10, read=0.5),
        ) as answer,
    ):
        lines = answer.iter_lines()
        assert next(lines).startswith("data: ")
        devserver.advance_clock(60)
        # Stalls stand for a silent network, measured on the client's real clock.
        with pytest.raises(httpx.ReadTimeout):
            for _ in lines:
                pass
