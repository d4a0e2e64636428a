"""Runs every measurement in fresh worker processes, clients interleaved over rounds.

Round `r` runs the clients in the order rotated by `r` (A B C, B C A, ...). A ratio is always
taken between two results of the same round, and the report gives the median over rounds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench import batch, connections, futures, upload_runs
from bench.clients import CLIENTS
from bench.config import Mode, rotate
from bench.serverproc import ROOT, ServerProcess

#: No single worker may run longer than this (a hung client must not hang the run).
_WORKER_TIMEOUT = 600.0

_IMPORT_SCRIPT = """
import time
start = time.perf_counter()
{import_stmt}
elapsed = time.perf_counter() - start
client = {construct}
with open("/proc/self/status") as status:
    rss = next(line for line in status if line.startswith("VmRSS:")).split()[1]
print(elapsed, rss)
"""

Log = Callable[[str], None]


class WorkerError(RuntimeError):
    """A worker failed: a client error, a failed result check or a timeout."""


def worker(task: dict[str, Any]) -> dict[str, Any]:
    """Run one task in a fresh interpreter and return its JSON result."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.worker", json.dumps(task)],
            capture_output=True,
            text=True,
            timeout=_WORKER_TIMEOUT,
            check=False,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired as exc:
        raise WorkerError(f"{task['task']} {task.get('client')}: timed out") from exc
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["no output"]
        raise WorkerError(f"{task['task']} {task.get('client')}: {last[0]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def probe(names: Sequence[str]) -> dict[str, str | None]:
    """For each client, None if its adapter imports in a fresh interpreter, else the error."""
    status: dict[str, str | None] = {}
    for name in names:
        info = CLIENTS[name]
        done = subprocess.run(
            [sys.executable, "-c", f"import {info.module}"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
        lines = done.stderr.strip().splitlines()
        status[name] = None if done.returncode == 0 else (lines[-1] if lines else "import failed")
    return status


def _guarded(
    log: Log, label: str, run: Callable[..., dict[str, Any]], *args: Any
) -> dict[str, Any]:
    try:
        return run(*args)
    except WorkerError as exc:
        log(f"  FAILED {label}: {exc}")
        return {"error": str(exc)}


def sync_rounds(mode: Mode, url: str, clients: Sequence[str], log: Log) -> list[dict[str, Any]]:
    """Measurements 1-3, one fresh worker per client per round."""
    rounds = []
    for index in range(mode.rounds):
        results = {}
        for name in rotate(clients, index):
            task = {
                "task": "sync",
                "client": name,
                "url": url,
                "warmup": mode.warmup,
                "chat_calls": mode.chat_calls,
                "stream_n": mode.stream_n,
                "stream_reps": mode.stream_reps,
                "paced_n": mode.paced_n,
                "count_calls": mode.count_every_round or index == 0,
                "count_chat_calls": mode.count_chat_calls,
            }
            results[name] = _guarded(log, f"sync {name}", worker, task)
        log(f"  sync round {index + 1}/{mode.rounds} done")
        rounds.append(results)
    return rounds


def import_rounds(mode: Mode, clients: Sequence[str], log: Log) -> list[dict[str, Any]]:
    """Measurement 4a: import time and RSS after construction, in fresh interpreters."""
    names = ["python", *clients]

    def once(name: str) -> dict[str, Any]:
        if name == "python":
            script = _IMPORT_SCRIPT.format(import_stmt="pass", construct="None")
        else:
            info = CLIENTS[name]
            script = _IMPORT_SCRIPT.format(import_stmt=info.import_stmt, construct=info.construct)
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
        if done.returncode != 0:
            raise WorkerError(f"import {name}: {done.stderr.strip().splitlines()[-1:]}")
        seconds, rss = done.stdout.split()
        return {"import_s": float(seconds), "rss_kib": int(rss)}

    for name in names:  # compiles byte code and warms the disk cache; not measured
        _guarded(log, f"import {name}", once, name)
    rounds = []
    for index in range(mode.import_reps):
        rounds.append({n: _guarded(log, f"import {n}", once, n) for n in rotate(names, index)})
    log("  imports done")
    return rounds


def rss_streams(mode: Mode, url: str, clients: Sequence[str], log: Log) -> dict[str, Any]:
    """Measurement 4b: peak RSS for a short and a long burst stream, per client."""
    results: dict[str, Any] = {}
    for name in clients:
        results[name] = {
            str(n): _guarded(
                log,
                f"rss {name} {n}",
                worker,
                {"task": "rss_stream", "client": name, "url": url, "n": n},
            )
            for n in mode.rss_stream_ns
        }
    log("  peak RSS done")
    return results


def async_rounds(mode: Mode, url: str, clients: Sequence[str], log: Log) -> dict[str, Any]:
    """Measurement 5 (and, in full mode, the same at other concurrencies)."""

    def task(name: str, concurrency: int) -> dict[str, Any]:
        return {
            "task": "async",
            "client": name,
            "url": url,
            "requests": mode.async_requests,
            "warmup": concurrency,
            "concurrency": concurrency,
        }

    rounds = []
    for index in range(mode.async_rounds):
        rounds.append(
            {
                name: _guarded(log, f"async {name}", worker, task(name, mode.async_concurrency))
                for name in rotate(clients, index)
            }
        )
        log(f"  async round {index + 1}/{mode.async_rounds} done")
    scaling: dict[str, dict[str, Any]] = {}
    for concurrency in mode.scaling:
        scaling[str(concurrency)] = {
            name: _guarded(log, f"async {name} @{concurrency}", worker, task(name, concurrency))
            for name in ("httpx", "httpx[pool=100]", "octoai_ext")
            if name in clients
        }
    return {"rounds": rounds, "scaling": scaling}


def futures_runs(mode: Mode, server: ServerProcess, ours: bool, log: Log) -> dict[str, Any]:
    """Measurement 6: the oracle and `as_completed`, with server-side request counts."""
    results: dict[str, Any] = {}
    for n in mode.futures_ns:
        for name in futures.CLIENTS if ours else ("oracle",):
            server.reset()
            task = {"task": "futures", "client": name, "url": server.url, "n": n, "seed": mode.seed}
            entry = _guarded(log, f"futures {name} {n}", worker, task)
            entry["server"] = server.stats()
            results[f"{name}:{n}"] = entry
        log(f"  {n} futures done")
    return results


def batch_runs(mode: Mode, server: ServerProcess, log: Log) -> dict[str, Any]:
    """Measurement 7: `AsyncOctoAI.batch` over each transport, with server-side counts."""
    results: dict[str, Any] = {}
    for n in mode.batch_ns:
        for transport in batch.TRANSPORTS:
            if not batch.available(transport):
                results[f"{transport}:{n}"] = {"error": "not installed (pip install httpx-aiohttp)"}
                continue
            server.reset()
            task = {"task": "batch", "transport": transport, "url": server.url, "n": n}
            entry = _guarded(log, f"batch {transport} {n}", worker, {**task, "seed": mode.seed})
            entry["server"] = server.stats()
            results[f"{transport}:{n}"] = entry
        log(f"  batch of {n:,} items done")
    return results


def profiles(url: str, mode: Mode, what: Sequence[str], log: Log) -> dict[str, Any]:
    """cProfile top functions of raw httpx and `octoai_ext` for each missed figure."""
    out: dict[str, Any] = {}
    for kind in what:
        for name in ("httpx", "octoai_ext"):
            task = {
                "task": "profile",
                "client": name,
                "url": url,
                "what": kind,
                "chat_calls": 100,
                "stream_n": mode.stream_n,
                "concurrency": mode.async_concurrency,
                "requests": 50,
                "warmup": mode.async_concurrency,
            }
            out[f"{kind}:{name}"] = _guarded(log, f"profile {kind} {name}", worker, task)
    if what:
        log(f"  profiles done ({', '.join(what)})")
    return out


def import_profile(client: str) -> dict[str, Any]:
    """`-X importtime` of the client's import, minus the modules `import httpx` also loads."""

    def modules(statement: str) -> list[tuple[str, int, int, int]]:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
        rows = []
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            own, total, name = line.removeprefix("import time:").split("|")
            depth = (len(name) - len(name.lstrip())) // 2
            rows.append((name.strip(), int(own), int(total), depth))
        return rows

    httpx_rows = modules("import httpx")
    baseline = {name for name, *_ in httpx_rows}
    extra = [row for row in modules(CLIENTS[client].import_stmt) if row[0] not in baseline]
    cli = [total for name, _, total, _ in httpx_rows if name == "httpx._main"]
    return {
        "modules": extra,
        "own_us": sum(own for _, own, _, _ in extra),
        "httpx_us": max((total for name, _, total, _ in httpx_rows if name == "httpx"), default=0),
        "httpx_main_us": cli[0] if cli else 0,
    }


def run_all(mode: Mode, log: Log, missed: Callable[[dict[str, Any]], list[str]]) -> dict[str, Any]:
    """Every measurement of `mode`; `missed` names the figures to profile afterwards."""
    wanted = sorted(
        {*mode.sync_clients, *mode.import_clients, *mode.async_clients, *mode.rss_clients}
    )
    available = probe(wanted)
    for name, error in available.items():
        if error:
            log(f"  {name}: not available ({error})")
    ok = [name for name in wanted if available[name] is None]

    def only(names: Sequence[str]) -> list[str]:
        return [n for n in names if n in ok]

    started = time.perf_counter()
    results: dict[str, Any] = {"mode": mode, "available": available}
    with ServerProcess() as server:
        results["sync"] = sync_rounds(mode, server.url, only(mode.sync_clients), log)
        results["imports"] = import_rounds(mode, only(mode.import_clients), log)
        results["rss"] = rss_streams(mode, server.url, only(mode.rss_clients), log)
        results["async"] = async_rounds(mode, server.url, only(mode.async_clients), log)
        results["futures"] = futures_runs(mode, server, "octoai_ext" in ok, log)
        results["minimum_requests"] = futures.MINIMUM_REQUESTS
        results["batch"] = batch_runs(mode, server, log) if "octoai_ext" in ok else {}

        def run(label: str, task: dict[str, Any]) -> dict[str, Any]:
            return _guarded(log, label, worker, task)

        results["connections"] = connections.measure(mode.connection_streams, server, ok, run)
        results["uploads"] = upload_runs.measure(mode, server.url, ok, run)
        log("  connections and uploads done")
        kinds = missed(results) if "octoai_ext" in ok else []
        results["profiles"] = profiles(server.url, mode, [k for k in kinds if k != "import"], log)
        if "import" in kinds:
            results["import_profile"] = import_profile("octoai_ext")
    results["seconds"] = time.perf_counter() - started
    return results
