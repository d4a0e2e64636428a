"""One measurement of one client, in a fresh interpreter: `python -m bench.worker '<json task>'`.

Prints one JSON object on stdout. Client CPU is `time.process_time()` of this process (user +
system, all threads), taken around the measured calls only, with nothing subtracted: the server
runs in another process, so every CPU second here is the client's (and the adapter's few lines).
Every result is checked against `bench.payloads`; a wrong answer fails the task.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import statistics
import sys
import sysconfig
import time
from typing import Any

from bench import batch, calls, connections, futures, payloads, uploads
from bench.clients import load
from bench.meter import rss_kib


def _check_stream(result: tuple[int, int], n: int) -> None:
    if result != payloads.expected_stream(n):
        raise AssertionError(
            f"stream check failed: got {result}, expected {payloads.expected_stream(n)}"
        )


def _cpu_per_chunk(adapter: Any, model: str, n: int, reps: int) -> dict[str, float]:
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(reps):
        _check_stream(adapter.stream(model, n), n)
    return {
        "cpu_us": (time.process_time() - cpu) * 1e6 / (n * reps),
        "wall_s": (time.perf_counter() - wall) / reps,
    }


def sync_suite(task: dict[str, Any]) -> dict[str, Any]:
    """Measurements 1-3: chat CPU and latency, stream CPU (burst, paced), call counts."""
    adapter = load(task["client"]).Sync(task["url"])
    expected = payloads.CHAT_TEXT
    for _ in range(task["warmup"]):
        assert adapter.chat() == expected
    _check_stream(adapter.stream(payloads.BURST_MODEL, 200), 200)

    gc.collect()
    latencies = []
    cpu = time.process_time()
    for _ in range(task["chat_calls"]):
        start = time.perf_counter()
        text = adapter.chat()
        latencies.append(time.perf_counter() - start)
        if text != expected:
            raise AssertionError("wrong chat completion text")
    chat_cpu = (time.process_time() - cpu) * 1e6 / task["chat_calls"]
    latencies.sort()
    out: dict[str, Any] = {
        "chat_cpu_us": chat_cpu,
        "latency_median_us": statistics.median(latencies) * 1e6,
        "latency_p99_us": latencies[int(len(latencies) * 0.99) - 1] * 1e6,
        "burst": _cpu_per_chunk(
            adapter, payloads.BURST_MODEL, task["stream_n"], task["stream_reps"]
        ),
        "paced": _cpu_per_chunk(adapter, payloads.PACED_MODEL, task["paced_n"], 1),
    }
    if task.get("count_calls"):
        out["calls_per_chat"] = calls.calls_per_chat(
            adapter.chat, expected, task["count_chat_calls"]
        )
        n = task["stream_n"]
        out["calls_per_chunk"] = calls.calls_per_chunk(
            adapter.stream, payloads.BURST_MODEL, n, payloads.expected_stream(n)
        )
    adapter.close()
    return out


async def _lanes(adapter: Any, total: int, concurrency: int) -> None:
    """`total` chat calls over `concurrency` tasks, each checked."""
    remaining = [total]
    expected = payloads.CHAT_TEXT

    async def lane() -> None:
        while remaining[0] > 0:
            remaining[0] -= 1
            if await adapter.chat() != expected:
                raise AssertionError("wrong chat completion text")

    await asyncio.gather(*(lane() for _ in range(concurrency)))


async def _async_chat(task: dict[str, Any], profiler: Any = None) -> dict[str, Any]:
    adapter = load(task["client"]).Async(task["url"])
    total, concurrency = task["requests"], task["concurrency"]
    # The warm-up opens the pool's connections, so the measured part reuses them.
    await _lanes(adapter, task.get("warmup", 2 * concurrency), concurrency)
    gc.collect()
    if profiler is not None:
        profiler.enable()
    cpu, wall = time.process_time(), time.perf_counter()
    await _lanes(adapter, total, concurrency)
    result = {
        "cpu_us": (time.process_time() - cpu) * 1e6 / total,
        "wall_s": time.perf_counter() - wall,
    }
    if profiler is not None:
        profiler.disable()
    await adapter.aclose()
    return result


def async_suite(task: dict[str, Any]) -> dict[str, Any]:
    """Measurement 5: chat requests over one asyncio client at a given concurrency."""
    return asyncio.run(_async_chat(task))


def rss_stream(task: dict[str, Any]) -> dict[str, Any]:
    """Measurement 4b: peak RSS while streaming `n` chunks in one burst."""
    adapter = load(task["client"]).Sync(task["url"])
    _check_stream(adapter.stream(payloads.BURST_MODEL, 200), 200)
    gc.collect()
    before = rss_kib("VmHWM")
    _check_stream(adapter.stream(payloads.BURST_MODEL, task["n"]), task["n"])
    return {"peak_before_kib": before, "peak_kib": rss_kib("VmHWM"), "rss_kib": rss_kib("VmRSS")}


def profile(task: dict[str, Any]) -> dict[str, Any]:
    """Where the time goes: cProfile's top functions by own time (chat, stream or async)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    if task["what"] == "async":
        asyncio.run(_async_chat(task, profiler))
    else:
        adapter = load(task["client"]).Sync(task["url"])
        for _ in range(20):
            adapter.chat()
        n = task["stream_n"]
        if task["what"] == "chat":
            profiler.enable()
            for _ in range(task["chat_calls"]):
                adapter.chat()
            profiler.disable()
        else:
            profiler.enable()
            _check_stream(adapter.stream(payloads.BURST_MODEL, n), n)
            profiler.disable()
        adapter.close()
    stats = pstats.Stats(profiler)
    rows = []
    packages: dict[str, float] = {}
    for (filename, line, name), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        short = _short(filename)
        rows.append((tottime, ncalls, cumtime, f"{short}:{line}({name})"))
        package = _package(short)
        packages[package] = packages.get(package, 0.0) + tottime
    rows.sort(reverse=True)
    ops = {"async": task["requests"], "chat": task["chat_calls"], "stream": task["stream_n"]}
    return {
        "top": [list(row) for row in rows[: task.get("top", 12)]],
        "packages": packages,
        "total_s": stats.total_tt,  # type: ignore[attr-defined]
        "ops": ops[task["what"]],
    }


_PREFIXES = (
    (sysconfig.get_paths()["purelib"] + "/", ""),
    (os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + "/", ""),
    (sysconfig.get_paths()["stdlib"] + "/", "stdlib/"),
)


def _short(filename: str) -> str:
    """A file name relative to site-packages, the repository or the standard library."""
    for prefix, label in _PREFIXES:
        if filename.startswith(prefix):
            return label + filename[len(prefix) :]
    return filename


def _package(short: str) -> str:
    """What a profiled function belongs to: a package, a stdlib module, or C built-ins."""
    if short == "~":
        return "built-ins (C)"
    if short.startswith("<attrs generated"):
        return "attrs-generated methods"
    if short.startswith("<frozen "):
        return "stdlib " + short.removeprefix("<frozen ").rstrip(">")
    parts = short.split("/")
    if parts[0] == "generated":
        return "octoai_api (generated)"
    if parts[0] == "stdlib":
        return "stdlib " + parts[1].removesuffix(".py")
    if parts[0] == "bench":
        return "adapter (bench)"
    return parts[0].removesuffix(".py")


TASKS = {
    "sync": sync_suite,
    "async": async_suite,
    "rss_stream": rss_stream,
    "futures": futures.run,
    "batch": batch.run,
    "profile": profile,
    "connections": connections.run,
    "upload": uploads.run,
}


def main() -> None:
    """Run the task given as a JSON argument and print its result as JSON."""
    task = json.loads(sys.argv[1])
    print(json.dumps(TASKS[task["task"]](task)))


if __name__ == "__main__":
    main()
