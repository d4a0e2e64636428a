"""The prose of RESULTS.md: findings computed from the numbers, and how each figure is measured."""

from __future__ import annotations

from typing import Any

from bench.analysis import GETTERS, figure, futures_figures
from bench.config import TARGETS


def _ratio(
    rounds: list[dict[str, Any]], client: str, key: str, base: str = "httpx"
) -> float | None:
    return figure(rounds, client, GETTERS[key], base=base).ratio


def findings(results: dict[str, Any]) -> str:
    """Facts that explain the table, each computed from this run's numbers."""
    out = []
    sync = results["sync"]
    attrs = _ratio(sync, "httpx+attrs", "chunk_cpu_burst")
    ours = _ratio(sync, "octoai_ext", "chunk_cpu_burst")
    if attrs is not None and ours is not None:
        out.append(
            f"- Typed chunks: raw httpx plus the generated attrs `ChatCompletionChunk.from_dict` "
            f"(`httpx+attrs`) costs {attrs:.2f}x raw httpx per burst chunk; `octoai_ext` costs "
            f"{ours:.2f}x. Building chunks with the generated `from_dict` alone would use "
            f"{attrs - 1:.0%} of the {TARGETS['chunk_cpu_burst'].limit - 1:.0%} allowed above "
            "the floor."
        )
    chat_attrs = _ratio(sync, "httpx+attrs", "chat_cpu")
    if chat_attrs is not None:
        out.append(
            f"- Typed chat completions: `httpx+attrs` costs {chat_attrs:.2f}x raw httpx per call."
        )
    rounds = results["async"]["rounds"]
    pool = _ratio(rounds, "httpx[pool=100]", "async_cpu")
    own = _ratio(rounds, "octoai_ext", "async_cpu", base="httpx[pool=100]")
    if pool is not None:
        text = (
            f"- Connection pool (upstream): raw httpx with 100 connections all kept alive "
            f"(`httpx[pool=100]`; httpx keeps 20 by default) costs {pool:.2f}x raw httpx per "
            f"asyncio request at concurrency {results['mode'].async_concurrency}. `octoai_ext` "
            "therefore keeps httpx's default limits; it used the larger pool once, and this "
            "reference stays to show why it must not again."
        )
        if own is not None:
            text += f" `octoai_ext` on its own pool costs {own:.2f}x `httpx[pool=100]`."
        out.append(text + _POOL_EVIDENCE)
    imports = results.get("import_profile")
    if imports and imports["httpx_main_us"]:
        out.append(
            f"- Import baseline: `import httpx` took {imports['httpx_us'] / 1000:,.0f} ms under "
            f"`-X importtime`, {imports['httpx_main_us'] / 1000:,.0f} ms of it in `httpx._main` "
            "(its command line, which httpx imports whenever `click` and `rich` are installed, "
            "as the dev and devserver extras do here). Without them `import httpx` is faster "
            "and every import ratio is higher. `octoai_ext` added "
            f"{imports['own_us'] / 1000:,.0f} ms of own time in modules httpx does not load "
            "(see the `import` profile)."
        )
    httpx2 = _ratio(sync, "httpx2", "chat_cpu")
    if httpx2 is not None:
        out.append(
            f"- `openai` 3.x runs on `httpx2`, not httpx; raw httpx2 costs {httpx2:.2f}x raw httpx "
            "per chat call, so the openai ratios are mostly the SDK's own cost."
        )
    for fut in futures_figures(results):
        if fut.busy > 0.8:
            out.append(
                f"- `{fut.client}`, {fut.n:,} futures: the client process was busy "
                f"{fut.busy:.0%} of the wall time, so its polls ran late and its requests per "
                "future understate what its poll schedule sends with CPU to spare."
            )
    out += _batch_findings(results)
    return "\n".join(["## Findings", "", *out]) if out else ""


def _batch_findings(results: dict[str, Any]) -> list[str]:
    runs = {k: v for k, v in results.get("batch", {}).items() if "error" not in v}
    out = []
    ns = sorted({int(key.split(":")[1]) for key in runs})
    for n in ns:
        own, aio = runs.get(f"httpx:{n}"), runs.get(f"aiohttp:{n}")
        if own and aio:
            out.append(
                f"- Batch, {n:,} items at concurrency 1,000: over httpx-aiohttp the client spends "
                f"{aio['cpu_us']:,.0f} µs of CPU per item against {own['cpu_us']:,.0f} µs on "
                f"httpx's own pool ({own['cpu_us'] / aio['cpu_us']:.1f}x less) and finishes "
                f"{aio['items_per_s']:,.0f} items/s against {own['items_per_s']:,.0f}. httpx "
                "keeps 20 of its 100 connections alive and httpcore's pool pass runs on every "
                "request (connections opened: "
                f"{own['server']['counts'].get('connections', 0):,} against "
                f"{aio['server']['counts'].get('connections', 0):,}). The client was busy "
                f"{aio['busy']:.0%} of the wall time: the loopback server shares the machine."
            )
    if len(ns) >= 2:
        for transport in ("httpx", "aiohttp"):
            low, high = runs.get(f"{transport}:{ns[0]}"), runs.get(f"{transport}:{ns[-1]}")
            if low and high:
                growth = (high["peak_rss_kib"] - low["peak_rss_kib"]) / 1024
                out.append(
                    f"- Batch memory (`{transport}`): peak RSS {low['peak_rss_kib'] / 1024:.1f} "
                    f"MiB for {ns[0]:,} items, {high['peak_rss_kib'] / 1024:.1f} MiB for "
                    f"{ns[-1]:,} ({growth:+.1f} MiB): the input is read a window ahead, finished "
                    "items are dropped, and the ledger's page cache is capped at 256 KiB."
                )
    return out


_POOL_EVIDENCE = """ httpcore 1.0.9 runs
  `AsyncConnectionPool._assign_requests_to_connections` on every request and every release. For
  each idle connection it evaluates `len([connection.is_idle() for connection in
  self._connections])` (`httpcore/_async/connection_pool.py:294`), so one pass makes
  (idle connections times connections) `is_idle` calls (compare `is_idle` calls/op in the `async`
  profiles), plus one `is_socket_readable` poll per connection. With the default
  keep-alive limit of 20 the same expression closes idle connections whenever more than 20 exist,
  which bounds the pool, at the price of reconnecting. Upstream: encode/httpcore#1035 (open);
  httpx2, which `openai` 3.x uses, rewrote the pass (pydantic/httpx2#974 and #1075), which is why
  `openai` can come out at or below raw httpx in asyncio. The same pass would dominate the CPU
  of `as_completed` (section 6) on a pool that keeps 100 connections alive."""


METHOD = """## How each figure is measured

- **Server**: `bench/server.py`, an asyncio HTTP/1.1 server on 127.0.0.1 in its own process
  (pre-encoded responses, `TCP_NODELAY` on every accepted socket, keep-alive). Its CPU is never
  counted. Streams are chunked transfer-encoding with one HTTP chunk per SSE event; *burst* writes
  the whole stream at once, *paced* writes one event per millisecond on a fixed schedule.
- **Clients** (`bench/clients/`): `httpx` is the floor: a hand-built request, `json.loads`, plain
  dicts; streams are read with `iter_lines()`, a minimal `data: ` / `[DONE]` parse and one
  `json.loads` per chunk, building no typed object. The SDKs build their typed objects
  (`octoai_ext`: generated attrs models; `openai` and `octoai`: pydantic models), so the *typed
  chunk* ratios include that cost. References: `httpx+attrs` (the floor plus the generated attrs
  `from_dict`), `httpx2` (the floor on the transport `openai` uses), `httpx[pool=100]` (the floor
  on a pool that keeps 100 idle connections). Every adapter checks its result: the exact chat
  text, and for streams the exact chunk count and the CRC-32 of the concatenated text.
- **Rounds**: each client runs in a fresh worker process (`python -m bench.worker`), clients
  interleaved (A B C, B C A, ...) over {mode.rounds} sync rounds; a ratio is taken between two
  results of the same round, and the median over rounds is reported with its range.
- **CPU** is `time.process_time()` of the worker (user + system, all threads) around the measured
  calls only, after {mode.warmup} warm-up calls, with nothing subtracted; it includes the adapter's
  few lines (and the CRC check, the same in every adapter). Chat: {mode.chat_calls} sequential
  calls on one keep-alive connection; latency is `perf_counter` per call (median and p99).
  Streams: total CPU of the stream divided by its chunks (request setup is amortised, < 1%).
- **Python calls** are `call` events of `sys.setprofile` (every Python function entered, each
  generator or coroutine resumption included; built-ins not counted), over {mode.count_chat_calls}
  chat calls and one {mode.stream_n:,}-chunk burst stream. They do not depend on the clock;
  `tests/test_call_budget.py` asserts them.
- **Cold import**: a fresh interpreter times the import statement with `perf_counter` (interpreter
  start-up excluded; byte code compiled and disk cache warm from one unmeasured run), then builds
  the client and reads `VmRSS`; median of {mode.import_reps} runs, interleaved. The ratio is to
  `import httpx` in the same round. **Peak RSS** is `VmHWM` of a worker that streams one burst of
  the short and, in another worker, of the long stream; flat means the growth stays under the limit.
- **asyncio**: {mode.async_requests:,} chat calls over {mode.async_concurrency} tasks on one client,
  after a warm-up that opens the connections; CPU per request.
- **Futures**: N jobs complete 0.1-2 s (uniform, seed {mode.seed}) after they are queued.
  `octoai_ext` queues them with `infer_async` (100 at a time) and resolves them with
  `AsyncOctoAI.as_completed`; `octoai_ext+httpx-pool` does the same on an `httpx.AsyncClient()`
  with default limits passed as `httpx_client=` (see the pool finding); the server counts every
  request. The target is judged on the worse of the two. The minimum is 3 requests per
  future (submit, one poll that sees `completed`, fetch): the `oracle` (raw httpx that knows each
  duration and polls once, when the job is done) sends exactly that and is the CPU floor.
  *requests per future* = (submits + polls + fetches) / N; the target is ≤ 1.5 x 3. The poll rate
  counts as bounded when no future was polled twice within 100 ms. *Polls while running* were
  answered `running` (wasted); *completion noticed after* is the median time from a job's
  completion to the poll that saw it (the latency polling adds).
- **Batch**: `AsyncOctoAI.batch` over N items from a generator (`id` + `tag` + `duration`,
  durations as for futures), concurrency 1,000 items in flight (at most 100 requests), a fresh
  SQLite ledger in a temporary directory, every outputs checked. The server counts requests;
  CPU is the worker's `process_time` over the whole run, ledger writes included; peak RSS is the
  worker's `VmHWM`; items/s is N over the wall time. `httpx` is the client's own pool, `aiohttp`
  an `httpx.AsyncClient(transport=httpx_aiohttp.AiohttpTransport())` passed as `httpx_client`.
- The machine is shared and noisy: compare ratios, not absolute times, and prefer the full mode.
"""
