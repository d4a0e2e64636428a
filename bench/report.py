"""RESULTS.md: the target table, the findings, the details, versions and method."""

from __future__ import annotations

import datetime
from typing import Any

from bench import connections, details, environment, profiles, upload_runs
from bench.analysis import BASE, GETTERS, SUBJECT, evaluate, figure, futures_figures, rss_growth
from bench.config import TARGETS
from bench.markdown import cell, num, table, verdict
from bench.notes import METHOD

PEERS = ("octoai_ext", "openai", "octoai")


def summary(results: dict[str, Any]) -> list[str]:
    """The issue's table: each figure for raw httpx and the three SDKs, the target, pass/miss."""
    verdicts = evaluate(results)
    sync, imports = results["sync"], results["imports"]
    asynch = results["async"]["rounds"]
    mode = results["mode"]
    rows = []
    specs = [
        ("chat_cpu", sync, " µs", 0),
        ("chunk_cpu_burst", sync, " µs", 1),
        ("chunk_cpu_paced", sync, " µs", 1),
        ("chunk_calls", sync, "", 1),
        ("chat_calls", sync, "", 0),
        ("import", imports, " ms", 0),
    ]
    for key, rounds, unit, digits in specs:
        target = TARGETS[key]
        cells = [num(figure(rounds, BASE, GETTERS[key]).value, unit, digits)]
        cells += [cell(figure(rounds, c, GETTERS[key]), unit, digits) for c in PEERS]
        rows.append(
            [target.figure, *cells, f"≤ {target.limit}x", target.peers, verdict(verdicts[key][1])]
        )
    rss = [figure(imports, c, GETTERS["rss"]).value for c in (BASE, *PEERS)]
    rows.append(
        [
            TARGETS["rss"].figure,
            *(num(v, " MiB") for v in rss),
            "≤ 45 MiB",
            TARGETS["rss"].peers,
            verdict(verdicts["rss"][1]),
        ]
    )
    ns = mode.rss_stream_ns
    growth = [rss_growth(results, c, ns) for c in (BASE, *PEERS)]
    rows.append(
        [
            f"peak RSS growth, {ns[1]:,} vs {ns[0]:,} chunks",
            *(cell(g, " MiB") for g in growth),
            f"≤ {TARGETS['rss_flat'].limit:g} MiB (flat)",
            "-",
            verdict(verdicts["rss_flat"][1]),
        ]
    )
    key = "async_cpu"
    cells = [num(figure(asynch, BASE, GETTERS[key]).value, " µs", 0)]
    cells += [cell(figure(asynch, c, GETTERS[key]), " µs", 0) for c in PEERS]
    rows.append(
        [
            f"asyncio CPU per request @{mode.async_concurrency}",
            *cells,
            "≤ 1.1x",
            TARGETS[key].peers,
            verdict(verdicts[key][1]),
        ]
    )
    futs = futures_figures(results)
    text = "; ".join(
        f"{f.requests_per_future:.2f} = {f.ratio_to_minimum:.2f}x min "
        f"({f.n:,}{', httpx pool' if f.client != 'octoai_ext' else ''})"
        for f in futs
    )
    rows.append(
        [
            TARGETS["futures"].figure,
            f"min {results['minimum_requests']}",
            text or "n/a",
            "-",
            "-",
            "≤ 1.5x min, bounded poll rate",
            "-",
            verdict(verdicts["futures"][1]),
        ]
    )
    connection_row = connections.summary_row(results, PEERS)
    rows += [connection_row] if connection_row else []
    rows += upload_runs.summary_rows(results)
    for column, client in enumerate((BASE, *PEERS), start=1):
        if results["available"].get(client):
            for row in rows:
                row[column] = "not available"
                if client == SUBJECT:
                    row[-1] = "not available"
    header = [
        "figure",
        "raw httpx",
        "octoai_ext",
        "openai",
        "octoai",
        "target (octoai_ext)",
        "issue: openai / octoai",
        "octoai_ext",
    ]
    return table(header, rows)


def render(results: dict[str, Any], analysis: str = "") -> str:
    """The whole RESULTS.md."""
    mode = results["mode"]
    lines = [
        "# Benchmark results",
        "",
        f"`python -m bench{' --quick' if mode.name == 'quick' else ''}` ({mode.name} mode), "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"took {results['seconds']:.0f} s. "
        "Ratios are to raw httpx, taken within a round; the median over rounds is shown.",
        "",
    ]
    if mode.name == "quick":
        lines += [
            f"Quick mode runs {mode.rounds} rounds with smaller sizes ({mode.async_requests} "
            f"asyncio requests, {' and '.join(map(str, mode.futures_ns))} futures, a "
            f"{mode.paced_n}-chunk paced stream, peak RSS of "
            f"{', '.join(f'`{c}`' for c in mode.rss_clients)} only), so ratios move by about "
            "±0.15 between runs; decide with `make bench-full`.",
            "",
        ]
    missing = [f"`{n}`: not available ({e})" for n, e in results["available"].items() if e]
    if missing:
        lines += ["Skipped: " + "; ".join(missing), ""]
    lines += ["## Targets", "", *summary(results), ""]
    if analysis:
        lines += [analysis.strip(), ""]
    lines += ["## Details", ""]
    for part in (
        details.sync,
        details.memory,
        details.asyncio,
        details.futures,
        connections.details,
        upload_runs.details,
        details.batch,
    ):
        lines += [*part(results), ""]
    lines += profiles.render(results)
    lines += ["## Versions and machine", ""]
    rows = [[f"`{k}`", v] for k, v in environment.versions().items()]
    rows += [[k, v] for k, v in environment.machine().items() if k != "executable"]
    lines += [*table(["", ""], rows), ""]
    # The method's last line, the caution about noise, stays last.
    method, _, caution = METHOD.format(mode=mode).rstrip().rpartition("\n")
    more = [text for text in (connections.method(results), upload_runs.method(results)) if text]
    lines += [method, *more, caution]
    return "\n".join(lines).rstrip() + "\n"
