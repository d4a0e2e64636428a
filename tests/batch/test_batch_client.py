"""`client.batch` end to end against the development server, with both client flavours."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.control import clear_request_log, fault_headers, keyed, request_log

from octoai_ext import (
    AsyncOctoAI,
    AuthenticationError,
    BatchInputError,
    BatchLedger,
    BatchProgress,
    InferenceFailedError,
    LedgerMismatchError,
    OctoAI,
    OctoAIClientError,
    OctoAIError,
    OctoAIServerError,
    OctoAITimeoutError,
)
from tests.client.conftest import Client, open_flavour

Pairs = list[tuple[Any, Any]]


@pytest.fixture
async def client(flavour_name: str, devserver: Any) -> AsyncIterator[Client]:
    """A client of either flavour, sleeping for real (the batch paces its polls)."""
    async with open_flavour(flavour_name, devserver) as octo:
        yield octo.client


async def drain(batch: Any, limit: int | None = None) -> Pairs:
    """Iterate a batch of either flavour inside its context manager, up to `limit` results."""
    pairs: Pairs = []
    if hasattr(batch, "__aiter__"):
        async with batch:
            async for pair in batch:
                pairs.append(pair)
                if limit is not None and len(pairs) >= limit:
                    break
    else:
        with batch:
            for pair in batch:
                pairs.append(pair)
                if limit is not None and len(pairs) >= limit:
                    break
    return pairs


def requests_to(server: Any, path: str) -> list[dict[str, Any]]:
    return [entry for entry in request_log(server) if entry["path"] == path]


def fault(text: str) -> dict[str, str]:
    return fault_headers(keyed(text))


async def test_every_item_is_yielded_once_with_its_outputs(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    items = [{"id": f"item-{n}", "n": n} for n in range(20)]
    items += [{"n": n} for n in range(20, 25)]  # no id: keyed by position
    items.append({"id": 7, "n": 99})  # an integer id is its own key, distinct from "7"
    ledger = tmp_path / "echo.ledger"
    pairs = await drain(
        client.batch(devserver.base_url + "/infer/echo", items, ledger=ledger, concurrency=8)
    )
    expected = {f"item-{n}": {"echo": {"n": n}} for n in range(20)}
    expected |= {n: {"echo": {"n": n}} for n in range(20, 25)}
    expected[7] = {"echo": {"n": 99}}
    assert len(pairs) == len(items)
    assert dict(pairs) == expected
    with BatchLedger(ledger) as opened:
        assert dict(opened.results()) == expected
        summary = opened.summary()
    assert (summary.completed, summary.failed, summary.in_flight) == (26, 0, 0)
    assert summary.resubmissions == 0
    again = client.batch(devserver.base_url + "/infer/echo", items, ledger=ledger)
    assert await drain(again) == []  # every item was finished: nothing is sent or yielded


async def test_a_resumed_batch_sends_only_what_is_left(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint = devserver.base_url + "/infer/slow"
    items = [{"id": n, "duration": 0.05} for n in range(30)]
    ledger = tmp_path / "slow.ledger"
    first = await drain(client.batch(endpoint, items, ledger=ledger, concurrency=5), limit=3)
    with BatchLedger(ledger) as opened:
        left_in_flight = opened.summary().in_flight
    assert len(first) == 3
    assert 0 < left_in_flight <= 5
    progress: list[BatchProgress] = []
    second = await drain(
        client.batch(endpoint, items, ledger=ledger, concurrency=5, on_progress=progress.append)
    )
    first_keys, second_keys = {k for k, _ in first}, {k for k, _ in second}
    assert not first_keys & second_keys
    with BatchLedger(ledger) as opened:
        assert sorted(k for k, _ in opened.results()) == list(range(30))
        summary = opened.summary()
    # What the first run left in flight was polled, or sent again if it was still being sent.
    assert summary.resubmissions == progress[-1].resubmitted <= left_in_flight
    assert progress[-1].finished
    assert progress[-1].done == len(second)
    assert progress[-1].skipped + progress[-1].done == 30


async def test_a_run_looks_up_only_the_positions_earlier_runs_recorded(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint = devserver.base_url + "/infer/echo"
    items = [{"id": n} for n in range(10)]
    looked_up: list[tuple[int, int]] = []
    with BatchLedger(tmp_path / "l", create=True) as ledger:
        lookup = ledger.lookup

        def counted(first: int, last: int) -> dict[int, Any]:
            looked_up.append((first, last))
            return lookup(first, last)

        ledger.lookup = counted  # type: ignore[method-assign]
        assert len(await drain(client.batch(endpoint, items[:4], ledger=ledger))) == 4
        assert looked_up == []  # a new ledger records nothing to look up
        assert len(await drain(client.batch(endpoint, items, ledger=ledger))) == 6
        assert sorted(k for k, _ in ledger.results()) == list(range(10))
    covered = {p for first, last in looked_up for p in range(first, last + 1)}
    assert covered == {0, 1, 2, 3}


async def test_sync_mode_sends_plain_inferences(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint = devserver.base_url + "/infer/echo"
    items = [{"id": f"s{n}", "text": "x" * n} for n in range(6)]
    pairs = await drain(
        client.batch(endpoint, items, ledger=tmp_path / "sync.ledger", mode="sync", concurrency=3)
    )
    assert dict(pairs) == {f"s{n}": {"echo": {"text": "x" * n}} for n in range(6)}


async def test_failed_items_are_results_and_retry_failed_sends_only_them(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint = devserver.base_url + "/infer/slow"
    items = [{"id": n, "duration": 0.01 if n % 3 else "broken"} for n in range(9)]
    ledger = tmp_path / "mixed.ledger"
    pairs = dict(await drain(client.batch(endpoint, items, ledger=ledger, concurrency=9)))
    failures = {k: v for k, v in pairs.items() if isinstance(v, OctoAIError)}
    assert sorted(failures) == [0, 3, 6]
    assert all(isinstance(e, InferenceFailedError) for e in failures.values())
    assert "duration must be a number" in failures[0].message
    clear_request_log(devserver)
    again = await drain(
        client.batch(endpoint, items, ledger=ledger, concurrency=9, retry_failed=True)
    )
    assert sorted(k for k, _ in again) == [0, 3, 6]
    assert len(requests_to(devserver, "/infer/slow")) == 3
    with BatchLedger(ledger) as opened:
        assert opened.summary().failed == 3


async def test_a_failing_endpoint_fails_every_item_in_either_mode(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint = devserver.base_url + "/infer/fail"
    items = [{"message": f"no {n}"} for n in range(4)]
    queued = dict(await drain(client.batch(endpoint, items, ledger=tmp_path / "a.ledger")))
    assert {k: v.message for k, v in queued.items()} == {n: f"no {n}" for n in range(4)}
    plain = dict(
        await drain(
            client.batch(endpoint, items, ledger=tmp_path / "s.ledger", mode="sync", max_retries=0)
        )
    )
    assert all(isinstance(v, OctoAIServerError) and v.status_code == 500 for v in plain.values())


async def test_a_429_storm_slows_the_batch_down_without_failing_items(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint = devserver.base_url + "/infer/echo"
    items = [{"n": n} for n in range(40)]
    progress: list[BatchProgress] = []
    batch = client.batch(
        endpoint,
        items,
        ledger=tmp_path / "storm.ledger",
        concurrency=16,
        on_progress=progress.append,
        extra_headers=fault("status=429;times=30;retry-after=0.05"),
    )
    pairs = dict(await drain(batch))
    assert pairs == {n: {"echo": {"n": n}} for n in range(40)}
    assert progress[-1].throttled == 30
    assert min(p.concurrency for p in progress) < 16
    assert progress[-1].resubmitted == 0
    assert progress[-1].submitted == 40


async def test_an_expired_result_is_sent_again(
    flavour_name: str, start_devserver: Any, tmp_path: Path
) -> None:
    server = start_devserver(retention=1.0)
    async with open_flavour(flavour_name, server) as octo:
        client = octo.client
        endpoint = server.base_url + "/infer/slow"
        items = [{"duration": 0 if n < 2 else 0.3} for n in range(12)]
        ledger = tmp_path / "expiring.ledger"
        fast = {"poll_interval": 0.05, "max_poll_interval": 0.1}
        batch = client.batch(endpoint, items, ledger=ledger, concurrency=12, **fast)
        assert len(await drain(batch, limit=1)) == 1
        with BatchLedger(ledger) as opened:
            waiting = opened.summary().submitted
        assert waiting > 0  # queued items the first run left behind
        # Every queued job finishes within about 0.5 s, and its result expires 1 s later.
        await asyncio.sleep(3.0)
        progress: list[BatchProgress] = []
        rest = await drain(
            client.batch(endpoint, items, ledger=ledger, on_progress=progress.append, **fast)
        )
        assert progress[-1].resubmitted == waiting
        with BatchLedger(ledger) as opened:
            assert sorted(k for k, _ in opened.results()) == list(range(12))
            assert {r.resubmitted for r in opened.records() if r.resubmissions} == {"expired"}
        assert len(rest) >= waiting


async def test_items_are_read_lazily_a_window_ahead(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    pulled = 0

    def items() -> Iterator[dict[str, Any]]:
        nonlocal pulled
        for n in range(100_000):
            pulled += 1
            yield {"n": n}

    batch = client.batch(
        devserver.base_url + "/infer/echo", items(), ledger=tmp_path / "l", concurrency=4
    )
    assert len(await drain(batch, limit=1)) == 1
    assert pulled <= 2 * 4 + 1


async def test_the_ledger_refuses_another_endpoint(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "one.ledger"
    await drain(client.batch(devserver.base_url + "/infer/echo", [{}], ledger=ledger))
    with pytest.raises(LedgerMismatchError, match="/infer/echo"):
        client.batch(devserver.base_url + "/infer/slow", [{}], ledger=ledger)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"id": "a"}, "not a dict"], "item 1 is a str"),
        ([{"id": "a"}, {"id": "a"}], "same id"),
        ([{"id": 1.5}], "must be a string or an integer"),
    ],
)
async def test_bad_items_stop_the_batch(
    client: Client, devserver: Any, tmp_path: Path, items: list[Any], message: str
) -> None:
    with pytest.raises(BatchInputError, match=message):
        await drain(client.batch(devserver.base_url + "/infer/echo", items, ledger=tmp_path / "l"))


async def test_inputs_that_moved_since_the_ledger_began_are_refused(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint, ledger = devserver.base_url + "/infer/echo", tmp_path / "l"
    await drain(client.batch(endpoint, [{"id": "a"}, {"id": "b"}], ledger=ledger))
    with pytest.raises(BatchInputError, match="inputs changed"):
        await drain(client.batch(endpoint, [{"id": "b"}, {"id": "a"}], ledger=ledger))


@pytest.mark.parametrize(
    "arguments",
    [
        {"concurrency": 0},
        {"concurrency": True},
        {"mode": "threads"},
        {"id_field": 3},
        {"poll_interval": 0},
        {"poll_interval": 10, "max_poll_interval": 1},
        {"timeout": -1},
    ],
)
async def test_bad_arguments_are_refused_before_anything_is_sent(
    client: Client, devserver: Any, tmp_path: Path, arguments: dict[str, Any]
) -> None:
    with pytest.raises(OctoAIClientError):
        client.batch(devserver.base_url + "/infer/echo", [{}], ledger=tmp_path / "l", **arguments)


@pytest.mark.parametrize(
    "endpoint",
    [
        "ftp://127.0.0.1/infer/echo",
        "/infer/echo",
        "http:///infer",
        "http://h:port/x",
        "http://inference.example.com/infer/echo",
    ],
)
async def test_an_endpoint_url_that_cannot_be_sent_to_is_refused_before_the_ledger(
    client: Client, tmp_path: Path, endpoint: str
) -> None:
    with pytest.raises(OctoAIClientError, match=r"URL|plain http"):
        client.batch(endpoint, [{}], ledger=tmp_path / "l")
    assert not (tmp_path / "l").exists()


async def test_the_batch_timeout_is_a_hard_limit_and_the_ledger_resumes(
    client: Client, devserver: Any, tmp_path: Path
) -> None:
    endpoint, ledger = devserver.base_url + "/infer/slow", tmp_path / "l"
    items = [{"duration": 30}, {"duration": 0}]
    started = time.monotonic()
    with pytest.raises(OctoAITimeoutError, match="run it again with the same ledger"):
        await drain(client.batch(endpoint, items, ledger=ledger, timeout=0.5))
    assert time.monotonic() - started < 10  # a 0.5 s deadline, not the 30 s inference
    with BatchLedger(ledger) as opened:
        assert opened.summary().in_flight == 2


async def test_a_refused_token_stops_the_batch(devserver: Any, tmp_path: Path) -> None:
    for cls in (OctoAI, AsyncOctoAI):
        client = cls(token="wrong", base_url=devserver.base_url)
        with pytest.raises(AuthenticationError):
            await drain(
                client.batch(
                    devserver.base_url + "/infer/echo", [{}], ledger=tmp_path / cls.__name__
                )
            )


async def test_a_batch_runs_over_the_aiohttp_transport(devserver: Any, tmp_path: Path) -> None:
    transport = pytest.importorskip("httpx_aiohttp").AiohttpTransport
    pool = httpx.AsyncClient(transport=transport())
    client = AsyncOctoAI(token=devserver.token, base_url=devserver.base_url, httpx_client=pool)
    items = [{"n": n} for n in range(20)]
    async with pool, client:
        pairs = await drain(
            client.batch(devserver.base_url + "/infer/echo", items, ledger=tmp_path / "l")
        )
    assert dict(pairs) == {n: {"echo": {"n": n}} for n in range(20)}
