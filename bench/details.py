"""The detail sections of RESULTS.md: one table per measurement, and the profiles."""

from __future__ import annotations

from typing import Any

from bench.analysis import GETTERS, figure, futures_figures, rss_growth, spread
from bench.clients import CLIENTS
from bench.config import MIN_POLL_GAP_MS
from bench.markdown import cell, num, ratio, span, spread_text, table

_KINDS = ("submit", "poll", "fetch")


def sync(results: dict[str, Any]) -> list[str]:
    """Measurements 1-3 for every client."""
    sync = results["sync"]
    clients = [c for c in results["mode"].sync_clients if any(c in r for r in sync)]
    rows = []
    for c in clients:
        chat = figure(sync, c, GETTERS["chat_cpu"])
        lat = figure(sync, c, GETTERS["latency_median"])
        p99 = figure(sync, c, GETTERS["latency_p99"])
        rows.append(
            [
                f"`{c}`",
                num(chat.value, "", 0),
                ratio(chat.ratio),
                span(chat),
                num(lat.value, "", 0),
                ratio(lat.ratio),
                num(p99.value, "", 0),
            ]
        )
    out = ["### 1. Non-streamed chat call: client CPU and latency", ""]
    out += table(
        [
            "client",
            "CPU µs/call",
            "ratio",
            "ratio range",
            "latency median µs",
            "ratio",
            "latency p99 µs",
        ],
        rows,
    )
    rows = []
    for c in clients:
        burst = figure(sync, c, GETTERS["chunk_cpu_burst"])
        paced = figure(sync, c, GETTERS["chunk_cpu_paced"])
        rows.append(
            [
                f"`{c}`",
                num(burst.value, "", 1),
                ratio(burst.ratio),
                span(burst),
                num(paced.value, "", 1),
                ratio(paced.ratio),
                span(paced),
            ]
        )
    mode = results["mode"]
    out += [
        "",
        f"### 2. Streamed chat: client CPU per chunk ({mode.stream_n:,}-chunk burst, "
        f"{mode.paced_n:,}-chunk paced stream)",
        "",
    ]
    out += table(
        ["client", "burst µs/chunk", "ratio", "range", "paced µs/chunk", "ratio", "range"], rows
    )
    rows = []
    for c in clients:
        chat = figure(sync, c, GETTERS["chat_calls"])
        chunk = figure(sync, c, GETTERS["chunk_calls"])
        seen = [spread(sync, c, GETTERS[k]) for k in ("chat_calls", "chunk_calls")]
        rows.append(
            [
                f"`{c}`",
                num(chat.value, "", 1),
                ratio(chat.ratio),
                num(chunk.value, "", 2),
                ratio(chunk.ratio),
                *(spread_text(s) for s in seen),
            ]
        )
    out += ["", "### 3. Python function calls (sys.setprofile `call` events)", ""]
    out += table(
        [
            "client",
            "calls/chat call",
            "ratio",
            "calls/streamed chunk",
            "ratio",
            "chat: spread over rounds",
            "chunk: spread over rounds",
        ],
        rows,
    )
    return out


def memory(results: dict[str, Any]) -> list[str]:
    """Measurement 4: import time, RSS after construction, peak RSS while streaming."""
    imports = results["imports"]
    rows = []
    for c in ("python", *results["mode"].import_clients):
        if not any(c in r for r in imports):
            continue
        imp = figure(imports, c, GETTERS["import"])
        rss = figure(imports, c, GETTERS["rss"])
        stmt = "(nothing imported)" if c == "python" else f"`{CLIENTS[c].import_stmt}`"
        if c == "python":
            imp.ratio = imp.low = imp.high = None
        rows.append(
            [
                f"`{c}`",
                stmt,
                num(imp.value, "", 0),
                ratio(imp.ratio),
                span(imp),
                num(rss.value, "", 1),
            ]
        )
    out = ["### 4. Cold import and memory", ""]
    out += table(
        [
            "client",
            "import statement",
            "import ms",
            "ratio to `import httpx`",
            "range",
            "RSS after import + client, MiB",
        ],
        rows,
    )
    ns = results["mode"].rss_stream_ns
    rows = []
    for c, runs in results["rss"].items():
        short, long = runs.get(str(ns[0]), {}), runs.get(str(ns[1]), {})
        growth = rss_growth(results, c, ns)
        rows.append(
            [
                f"`{c}`",
                num(short.get("peak_before_kib", 0) / 1024),
                num(short.get("peak_kib", 0) / 1024),
                num(long.get("peak_kib", 0) / 1024),
                cell(growth, " MiB"),
            ]
        )
    out += ["", "Peak RSS (VmHWM) of a worker that streams one burst stream:", ""]
    out += table(
        [
            "client",
            "peak before streaming, MiB",
            f"peak, {ns[0]:,} chunks",
            f"peak, {ns[1]:,} chunks",
            "growth",
        ],
        rows,
    )
    return out


def asyncio(results: dict[str, Any]) -> list[str]:
    """Measurement 5, with the concurrency scaling of the raw and our pool."""
    data, mode = results["async"], results["mode"]
    rows = []
    for c in mode.async_clients:
        fig = figure(data["rounds"], c, GETTERS["async_cpu"])
        wall = figure(data["rounds"], c, lambda r: r["wall_s"])
        rows.append(
            [f"`{c}`", num(fig.value, "", 0), ratio(fig.ratio), span(fig), num(wall.value, "", 2)]
        )
    out = [
        f"### 5. asyncio: {mode.async_requests:,} chat requests at concurrency "
        f"{mode.async_concurrency}",
        "",
    ]
    out += table(["client", "CPU µs/request", "ratio", "range", "wall s"], rows)
    if data["scaling"]:
        rows = []
        for conc, entry in sorted(data["scaling"].items(), key=lambda kv: int(kv[0])):
            rows.append(
                [
                    conc,
                    *(
                        num(entry.get(c, {}).get("cpu_us"), "", 0)
                        for c in ("httpx", "httpx[pool=100]", "octoai_ext")
                    ),
                ]
            )
        top = data["rounds"][0] if data["rounds"] else {}
        rows.append(
            [
                str(mode.async_concurrency),
                *(
                    num(top.get(c, {}).get("cpu_us"), "", 0)
                    for c in ("httpx", "httpx[pool=100]", "octoai_ext")
                ),
            ]
        )
        out += ["", "CPU µs per request against concurrency (one run each):", ""]
        out += table(["concurrency", "`httpx`", "`httpx[pool=100]`", "`octoai_ext`"], rows)
    return out


def futures(results: dict[str, Any]) -> list[str]:
    """Measurement 6: requests per future against the minimum, poll rate, CPU, wall time."""
    rows = []
    for key, entry in results["futures"].items():
        name, n = key.split(":")
        if "error" in entry:
            rows.append([n, f"`{name}`", entry["error"], *["-"] * 10])
            continue
        counts = entry["server"]["counts"]
        total = sum(counts.get(k, 0) for k in ("submit", "poll", "fetch"))
        per = total / int(n)
        rows.append(
            [
                n,
                f"`{name}`",
                num(entry["wall_s"], "", 2),
                num(entry["longest_job_s"], "", 2),
                f"{per:.2f} ({'/'.join(str(counts.get(k, 0)) for k in _KINDS)})",
                ratio(per / results["minimum_requests"]),
                str(entry["server"]["polls_running"]),
                num(entry["server"]["first_poll_ms"], "", 0),
                num(entry["server"]["detect_delay_ms"], "", 0),
                num(entry["server"]["min_poll_gap_ms"], "", 0),
                num(entry["server"]["peak_polls_per_s"], "", 0),
                num(entry["cpu_us"], "", 0),
                f"{entry['cpu_us'] * int(n) / 1e6 / entry['wall_s']:.0%}",
                str(counts.get("connections", "-")),
            ]
        )
    out = ["### 6. Async-inference futures resolved with `AsyncOctoAI.as_completed`", ""]
    out += table(
        [
            "futures",
            "client",
            "wall s",
            "longest job s",
            "requests/future (submit/poll/fetch)",
            "ratio to min 3",
            "polls while running",
            "first poll after submit, ms (median)",
            "completion noticed after, ms (median)",
            "shortest gap between polls of one future, ms",
            "peak polls/s",
            "CPU µs/future",
            "client CPU busy",
            "connections",
        ],
        rows,
    )
    out.append("")
    for f in futures_figures(results):
        out += [
            f"- `{f.client}`, {f.n:,} futures: {f.requests_per_future:.2f} requests per future = "
            f"{f.ratio_to_minimum:.2f}x the minimum; shortest gap between two polls of one future "
            f"{num(f.min_poll_gap_ms, ' ms', 0)} (bounded: {'yes' if f.bounded else 'no'}, "
            f"limit {MIN_POLL_GAP_MS:g} ms); CPU {f.cpu_ratio_to_oracle or 0:.2f}x the oracle's.",
        ]
    return out


def batch(results: dict[str, Any]) -> list[str]:
    """Measurement 7: `AsyncOctoAI.batch` with its ledger: requests, CPU, memory and rate."""
    rows = []
    for key, entry in results.get("batch", {}).items():
        transport, n = key.split(":")
        if "error" in entry:
            rows.append([f"{int(n):,}", f"`{transport}`", entry["error"], *["-"] * 5])
            continue
        counts = entry["server"]["counts"]
        per = sum(counts.get(k, 0) for k in _KINDS) / int(n)
        rows.append(
            [
                f"{int(n):,}",
                f"`{transport}`",
                f"{per:.2f} ({'/'.join(str(counts.get(k, 0)) for k in _KINDS)})",
                ratio(per / results["minimum_requests"]),
                num(entry["cpu_us"], "", 0),
                f"{entry['busy']:.0%}",
                num(entry["peak_rss_kib"] / 1024, "", 1),
                num(entry["items_per_s"], "", 0),
            ]
        )
    out = ["### 7. Batch inference with `AsyncOctoAI.batch` (ledger included)", ""]
    out += table(
        [
            "items",
            "transport",
            "requests/item (submit/poll/fetch)",
            "ratio to min 3",
            "CPU µs/item",
            "client CPU busy",
            "peak RSS MiB",
            "items/s",
        ],
        rows,
    )
    return out
