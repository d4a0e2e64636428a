"""From raw worker results to per-round ratios, medians and the pass/miss of each target."""

from __future__ import annotations

import contextlib
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bench.config import MIN_POLL_GAP_MS, TARGETS

BASE = "httpx"
SUBJECT = "octoai_ext"
Getter = Callable[[dict[str, Any]], float]


@dataclass
class Figure:
    """A client's median value and its median ratio to raw httpx, with the range over rounds."""

    value: float | None
    ratio: float | None
    low: float | None = None
    high: float | None = None
    note: str = ""


def _ok(result: dict[str, Any] | None) -> bool:
    return result is not None and "error" not in result


def figure(rounds: Sequence[dict[str, Any]], client: str, get: Getter, base: str = BASE) -> Figure:
    """Median of `get` over rounds, and the median of the ratios taken within each round."""
    values, ratios = [], []
    for results in rounds:
        mine = results.get(client)
        if not _ok(mine):
            continue
        try:
            value = get(mine)  # type: ignore[arg-type]
        except KeyError:
            continue
        values.append(value)
        other = results.get(base)
        if _ok(other):
            with contextlib.suppress(KeyError, ZeroDivisionError):
                ratios.append(value / get(other))  # type: ignore[arg-type]
    if not values:
        errors = [r[client]["error"] for r in rounds if client in r and "error" in r[client]]
        return Figure(None, None, note=errors[0] if errors else "not measured")
    if not ratios:
        return Figure(statistics.median(values), None)
    return Figure(statistics.median(values), statistics.median(ratios), min(ratios), max(ratios))


def spread(
    rounds: Sequence[dict[str, Any]], client: str, get: Getter
) -> tuple[float, float] | None:
    """Smallest and largest value over rounds (call counts should not vary at all)."""
    values = []
    for results in rounds:
        if _ok(results.get(client)):
            try:
                values.append(get(results[client]))
            except KeyError:
                continue
    return (min(values), max(values)) if values else None


# ---- getters ----------------------------------------------------------------------------

GETTERS: dict[str, Getter] = {
    "chat_cpu": lambda r: r["chat_cpu_us"],
    "latency_median": lambda r: r["latency_median_us"],
    "latency_p99": lambda r: r["latency_p99_us"],
    "chunk_cpu_burst": lambda r: r["burst"]["cpu_us"],
    "chunk_cpu_paced": lambda r: r["paced"]["cpu_us"],
    "chat_calls": lambda r: r["calls_per_chat"],
    "chunk_calls": lambda r: r["calls_per_chunk"],
    "import": lambda r: r["import_s"] * 1000,
    "rss": lambda r: r["rss_kib"] / 1024,
    "async_cpu": lambda r: r["cpu_us"],
}


def rss_growth(results: dict[str, Any], client: str, ns: Sequence[int]) -> Figure:
    """Peak RSS of the long stream minus that of the short one, in MiB."""
    runs = results["rss"].get(client, {})
    short, long = runs.get(str(ns[0])), runs.get(str(ns[1]))
    if not (_ok(short) and _ok(long)):
        return Figure(None, None, note="not measured")
    assert short is not None
    assert long is not None
    return Figure((long["peak_kib"] - short["peak_kib"]) / 1024, None)


@dataclass
class FuturesFigure:
    """Requests per future and their ratio to the minimum, poll rate and CPU."""

    client: str
    n: int
    requests_per_future: float
    ratio_to_minimum: float
    polls_per_future: float
    peak_polls_per_s: float
    min_poll_gap_ms: float | None  # None: no future was polled twice
    bounded: bool
    cpu_us: float
    cpu_ratio_to_oracle: float | None
    wall_s: float
    busy: float  # client CPU seconds per wall second


def futures_figures(results: dict[str, Any]) -> list[FuturesFigure]:
    """One entry per `octoai_ext` variant and number of futures resolved."""
    out = []
    minimum = results["minimum_requests"]
    for key, entry in results["futures"].items():
        name, n_text = key.split(":")
        if not name.startswith(SUBJECT) or not _ok(entry):
            continue
        n = int(n_text)
        counts = entry["server"]["counts"]
        total = sum(counts.get(kind, 0) for kind in ("submit", "poll", "fetch"))
        oracle = results["futures"].get(f"oracle:{n}")
        server = entry["server"]
        out.append(
            FuturesFigure(
                client=name,
                n=n,
                requests_per_future=total / n,
                ratio_to_minimum=total / n / minimum,
                polls_per_future=counts.get("poll", 0) / n,
                peak_polls_per_s=server["peak_polls_per_s"],
                min_poll_gap_ms=server["min_poll_gap_ms"],
                bounded=_bounded(server["min_poll_gap_ms"]),
                cpu_us=entry["cpu_us"],
                cpu_ratio_to_oracle=entry["cpu_us"] / oracle["cpu_us"] if _ok(oracle) else None,
                wall_s=entry["wall_s"],
                busy=entry["cpu_us"] * n / 1e6 / entry["wall_s"],
            )
        )
    return out


def _bounded(gap_ms: float | None) -> bool:
    return gap_ms is None or gap_ms >= MIN_POLL_GAP_MS


def evaluate(results: dict[str, Any]) -> dict[str, tuple[float | None, bool | None]]:
    """Each target's value for `octoai_ext` and whether it is met (None: not measured)."""
    out: dict[str, tuple[float | None, bool | None]] = {}
    sync, imports = results.get("sync", []), results.get("imports", [])
    for key in ("chat_cpu", "chunk_cpu_burst", "chunk_cpu_paced", "chat_calls", "chunk_calls"):
        out[key] = _judge(key, figure(sync, SUBJECT, GETTERS[key]).ratio)
    out["import"] = _judge("import", figure(imports, SUBJECT, GETTERS["import"]).ratio)
    out["rss"] = _judge("rss", figure(imports, SUBJECT, GETTERS["rss"]).value)
    if "rss" in results:
        growth = rss_growth(results, SUBJECT, results["mode"].rss_stream_ns).value
        out["rss_flat"] = _judge("rss_flat", growth)
    rounds = results.get("async", {}).get("rounds", [])
    out["async_cpu"] = _judge("async_cpu", figure(rounds, SUBJECT, GETTERS["async_cpu"]).ratio)
    figures = futures_figures(results) if "futures" in results else []
    if figures:
        worst = max(figures, key=lambda f: f.ratio_to_minimum)
        limit = TARGETS["futures"].limit
        passed = all(f.ratio_to_minimum <= limit and f.bounded for f in figures)
        out["futures"] = (worst.ratio_to_minimum, passed)
    else:
        out["futures"] = (None, None)
    return out


def _judge(key: str, value: float | None) -> tuple[float | None, bool | None]:
    return value, None if value is None else value <= TARGETS[key].limit


_PROFILE_KINDS = {
    "chat_cpu": "chat",
    "chat_calls": "chat",
    "chunk_cpu_burst": "stream",
    "chunk_cpu_paced": "stream",
    "chunk_calls": "stream",
    "async_cpu": "async",
    "import": "import",
}


def missed_profiles(results: dict[str, Any]) -> list[str]:
    """The profile kinds (`chat`, `stream`, `async`, `import`) behind the missed targets."""
    verdicts = evaluate(results)
    kinds = {
        kind for key, kind in _PROFILE_KINDS.items() if verdicts.get(key, (None, None))[1] is False
    }
    return sorted(kinds)
