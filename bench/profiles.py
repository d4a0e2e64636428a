"""The profile sections of RESULTS.md, for the figures `octoai_ext` missed."""

from __future__ import annotations

from typing import Any

from bench.markdown import num, table


def import_profile(results: dict[str, Any]) -> list[str]:
    """The modules `octoai_ext` imports beyond `import httpx`, slowest first."""
    data = results.get("import_profile")
    if not data:
        return []
    rows = [
        [f"`{name}`", num(own / 1000, "", 1), num(total / 1000, "", 1)]
        for name, own, total, _ in sorted(data["modules"], key=lambda row: -row[1])[:20]
    ]
    return [
        "### import",
        "",
        "`python -X importtime -c 'from octoai_ext import OctoAI'`, only the modules that "
        f"`import httpx` does not load ({data['own_us'] / 1000:,.1f} ms of own time in all), "
        "the 20 with the most own time (one run; cumulative includes every module a module "
        "imports first, httpx's too):",
        "",
        *table(["module", "own ms", "cumulative ms"], rows),
        "",
    ]


def render(results: dict[str, Any]) -> list[str]:
    """For each missed kind: own time per package, then the top functions of each client."""
    if not results["profiles"] and not results.get("import_profile"):
        return []
    out = [
        "## Profiles of the missed figures",
        "",
        "cProfile of one worker per client. `µs/op` is per chat call, per streamed chunk or per "
        "asyncio request; profiling inflates times, so compare the two columns, not the totals.",
        "",
    ]
    kinds = sorted({key.split(":")[0] for key in results["profiles"]})
    for kind in kinds:
        pair = {c: results["profiles"].get(f"{kind}:{c}", {}) for c in ("httpx", "octoai_ext")}
        out += [f"### {kind}", ""]
        if any("error" in entry or not entry for entry in pair.values()):
            out += [f"failed: {[e.get('error') for e in pair.values()]}", ""]
            continue
        out += _package_table(pair)
        for client, entry in pair.items():
            ops = entry["ops"]
            rows = [
                [
                    num(row[0] * 1e6 / ops, "", 2),
                    num(row[1] / ops, "", 2),
                    num(row[2] * 1e6 / ops, "", 2),
                    f"`{row[3]}`",
                ]
                for row in entry["top"]
            ]
            out += [f"Top functions by own time, `{client}`:", ""]
            out += [*table(["own µs/op", "calls/op", "cumulative µs/op", "function"], rows), ""]
    return out + import_profile(results)


def _package_table(pair: dict[str, dict[str, Any]]) -> list[str]:
    per_op = {
        client: {name: seconds * 1e6 / entry["ops"] for name, seconds in entry["packages"].items()}
        for client, entry in pair.items()
    }
    raw, ours = per_op["httpx"], per_op["octoai_ext"]
    names = sorted({*raw, *ours}, key=lambda name: -max(raw.get(name, 0), ours.get(name, 0)))
    rows = [
        [
            name,
            num(raw.get(name, 0.0), "", 2),
            num(ours.get(name, 0.0), "", 2),
            f"{ours.get(name, 0.0) - raw.get(name, 0.0):+,.2f}",
        ]
        for name in names
        if max(raw.get(name, 0.0), ours.get(name, 0.0)) >= 0.005 * sum(ours.values())
    ]
    rows.append(
        [
            "**total**",
            num(sum(raw.values()), "", 2),
            num(sum(ours.values()), "", 2),
            f"{sum(ours.values()) - sum(raw.values()):+,.2f}",
        ]
    )
    return [
        "Own time per package (µs/op):",
        "",
        *table(["package", "`httpx`", "`octoai_ext`", "difference"], rows),
        "",
    ]
