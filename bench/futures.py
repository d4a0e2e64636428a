"""Measurement 6: many async-inference futures, resolved as they complete.

Job `i` asks the server to complete `duration[i]` seconds after it is queued, the durations drawn
uniformly from 0.1-2 s with a fixed seed. Two clients resolve the same jobs:

- `octoai_ext`: `AsyncOctoAI.infer_async` for each job, then `AsyncOctoAI.as_completed`.
- `octoai_ext+httpx-pool`: the same, on an `httpx.AsyncClient()` with httpx's default limits
  passed as `httpx_client=`, which avoids httpcore's cost per pooled connection (see RESULTS.md)
  so that the poll schedule is measured with CPU to spare.
- `oracle`: raw `httpx.AsyncClient` (default limits) that knows each duration, so it sleeps until
  the job is done, polls once and fetches: the 3 requests per future that any client needs
  (submit, one poll that sees `completed`, fetch), and the CPU floor for that work. At most 100
  of its requests are in flight, so none wait in httpcore's pool queue.

The server counts the requests; the harness divides by the number of futures.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import random
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from bench import payloads

#: Submissions in flight at once (also the raw client's pool size).
SUBMIT_CONCURRENCY = 100
#: The fewest requests a future can cost: submit, one poll that sees `completed`, fetch.
MINIMUM_REQUESTS = 3


def durations(n: int, seed: int) -> list[float]:
    """The job durations in seconds, uniform in [0.1, 2.0]."""
    rng = random.Random(seed)
    return [rng.uniform(0.1, 2.0) for _ in range(n)]


async def _bounded(n: int, make: Callable[[int], Awaitable[Any]]) -> list[Any]:
    limiter = asyncio.Semaphore(SUBMIT_CONCURRENCY)

    async def one(index: int) -> Any:
        async with limiter:
            return await make(index)

    return await asyncio.gather(*(one(i) for i in range(n)))


async def _ours(url: str, jobs: list[float], own_pool: bool = False) -> int:
    import httpx

    from octoai_ext import AsyncOctoAI

    endpoint = url + payloads.INFER_PATH
    pool = httpx.AsyncClient() if own_pool else None
    client = AsyncOctoAI(token=payloads.TOKEN, base_url=url, max_retries=0, httpx_client=pool)
    async with client:

        async def submit(index: int) -> Any:
            return await client.infer_async(endpoint, {"tag": index, "duration": jobs[index]})

        queued = await _bounded(len(jobs), submit)
        tags = {future.response_id: index for index, future in enumerate(queued)}
        resolved = 0
        async for future, outputs in client.as_completed(queued):
            if outputs != payloads.job_outputs(tags[future.response_id]):
                raise AssertionError(f"wrong outputs for {future.response_id}: {outputs!r}")
            resolved += 1
    if pool is not None:
        await pool.aclose()
    return resolved


async def _oracle(url: str, jobs: list[float]) -> int:
    import httpx

    headers = {"Authorization": f"Bearer {payloads.TOKEN}", "Content-Type": "application/json"}
    limiter = asyncio.Semaphore(SUBMIT_CONCURRENCY)
    async with httpx.AsyncClient() as http:

        async def get(url: str) -> Any:
            async with limiter:
                return json.loads((await http.get(url, headers=headers)).content)

        async def submit(index: int) -> tuple[int, float, dict[str, Any]]:
            body = json.dumps({"tag": index, "duration": jobs[index]}).encode()
            response = await http.post(
                url + payloads.INFER_PATH, content=body, headers={**headers, "X-OctoAI-Async": "1"}
            )
            assert response.status_code == 202
            return index, time.monotonic(), json.loads(response.content)

        async def resolve(index: int, queued_at: float, queued: dict[str, Any]) -> None:
            # Known completion time plus a margin for the server's clock reading.
            await asyncio.sleep(max(0.0, queued_at + jobs[index] + 0.005 - time.monotonic()))
            for _ in range(100):
                status = await get(queued["poll_url"])
                if status["status"] == "completed":
                    break
                await asyncio.sleep(0.01)
            outputs = await get(status["response_url"])
            if outputs != payloads.job_outputs(index):
                raise AssertionError(f"wrong outputs for job {index}: {outputs!r}")

        queued = await _bounded(len(jobs), submit)
        await asyncio.gather(*(resolve(*entry) for entry in queued))
        return len(queued)


async def _ours_on_httpx_pool(url: str, jobs: list[float]) -> int:
    return await _ours(url, jobs, own_pool=True)


CLIENTS: dict[str, Callable[[str, list[float]], Coroutine[Any, Any, int]]] = {
    "oracle": _oracle,
    "octoai_ext": _ours,
    "octoai_ext+httpx-pool": _ours_on_httpx_pool,
}


def run(task: dict[str, Any]) -> dict[str, Any]:
    """Resolve `n` futures with `client` (see `CLIENTS`); CPU and wall time."""
    jobs = durations(task["n"], task["seed"])
    resolve = CLIENTS[task["client"]]
    # Imported before the clock starts: import time is measured separately.
    importlib.import_module("httpx" if task["client"] == "oracle" else "octoai_ext")
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    resolved = asyncio.run(resolve(task["url"], jobs))
    if resolved != task["n"]:
        raise AssertionError(f"resolved {resolved} of {task['n']} futures")
    return {
        "cpu_us": (time.process_time() - cpu) * 1e6 / task["n"],
        "wall_s": time.perf_counter() - wall,
        "longest_job_s": max(jobs),
    }
