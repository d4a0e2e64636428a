"""Measurement 7: `AsyncOctoAI.batch` over N items, with its ledger, against the loopback server.

Item `i` asks the server to complete `duration[i]` seconds after it is queued (uniform in
0.1-2 s, fixed seed), as in measurement 6. The items come from a generator, so the client never
holds the input; the ledger is a fresh SQLite file. Reported: HTTP requests per item (the server
counts them; the minimum is a submit, one poll that sees `completed`, and a fetch), client CPU
per item, peak RSS (VmHWM) of the worker, and items finished per second of wall time.

Transports: `httpx` is the client's own pool (httpx's default limits); `aiohttp` passes
`httpx.AsyncClient(transport=httpx_aiohttp.AiohttpTransport())` as `httpx_client`, which moves
connection pooling from httpcore to aiohttp.
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import futures, payloads
from bench.meter import rss_kib

#: Items in flight (the batch's `concurrency`).
CONCURRENCY = 1000
TRANSPORTS = ("httpx", "aiohttp")


def available(transport: str) -> bool:
    """Whether the transport's package is installed (httpx-aiohttp is an optional extra)."""
    return transport == "httpx" or importlib.util.find_spec("httpx_aiohttp") is not None


def _items(jobs: list[float]) -> Iterator[dict[str, Any]]:
    for index, duration in enumerate(jobs):
        yield {"id": index, "tag": index, "duration": duration}


async def _run(url: str, jobs: list[float], transport: str, ledger: Path) -> int:
    import httpx

    from octoai_ext import AsyncOctoAI, OctoAIError

    pool = None
    if transport == "aiohttp":
        from httpx_aiohttp import AiohttpTransport

        pool = httpx.AsyncClient(transport=AiohttpTransport())
    client = AsyncOctoAI(token=payloads.TOKEN, base_url=url, max_retries=0, httpx_client=pool)
    resolved = 0
    async with client:
        batch = client.batch(
            url + payloads.INFER_PATH, _items(jobs), ledger=ledger, concurrency=CONCURRENCY
        )
        async with batch:
            async for key, outputs in batch:
                if isinstance(outputs, OctoAIError) or outputs != payloads.job_outputs(key):
                    raise AssertionError(f"wrong outputs for item {key}: {outputs!r}")
                resolved += 1
    if pool is not None:
        await pool.aclose()
    return resolved


def run(task: dict[str, Any]) -> dict[str, Any]:
    """Run one batch of `n` items over `transport`; CPU, wall time, peak RSS and rate."""
    jobs = futures.durations(task["n"], task["seed"])
    importlib.import_module("octoai_ext")
    if task["transport"] == "aiohttp":
        importlib.import_module("httpx_aiohttp")
    gc.collect()
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "bench.ledger"
        cpu, wall = time.process_time(), time.perf_counter()
        resolved = asyncio.run(_run(task["url"], jobs, task["transport"], ledger))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if resolved != task["n"]:
        raise AssertionError(f"resolved {resolved} of {task['n']} items")
    return {
        "cpu_us": cpu * 1e6 / task["n"],
        "wall_s": wall,
        "items_per_s": task["n"] / wall,
        "busy": cpu / wall,
        "peak_rss_kib": rss_kib("VmHWM"),
        "longest_job_s": max(jobs),
    }
