"""Uploads, runner side: the rounds, the rows of the target table, the details and the method.

The workers (`bench.uploads`) upload one file of `mode.upload_mib` MiB to the benchmark server,
which counts and drops the body as it arrives (`bench.server`, `bench.asset_api`): the server
must not be what is measured, and the devserver, which writes each upload to disk and hashes
it, would be. Round `r` runs `uploads.ROUND_CLIENTS` in the order rotated by `r`; ratios are
taken within a round. `octoai` 1.11.0 runs once per flavour, for memory.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from typing import Any

from bench import uploads
from bench.analysis import Figure, figure
from bench.config import TARGETS, Mode, rotate
from bench.markdown import num, ratio, span, table, verdict

RunWorker = Callable[[str, dict[str, Any]], dict[str, Any]]
_CPU = "cpu_us_per_mib"


def measure(
    mode: Mode, url: str, available: Sequence[str], run_worker: RunWorker
) -> dict[str, Any]:
    """Upload rounds, then one run of each peer, on a file written for the purpose."""

    def usable(names: Sequence[str]) -> list[str]:
        return [n for n in names if uploads.ADAPTERS[n] in available]

    with tempfile.TemporaryDirectory(prefix="bench-upload-") as folder:
        path, warm = os.path.join(folder, "upload.bin"), os.path.join(folder, "warm.bin")
        uploads.write_file(path, mode.upload_mib)
        uploads.write_file(warm, 1)
        task = {"task": "upload", "url": url, "path": path, "warm_path": warm}
        rounds = []
        for index in range(mode.upload_rounds):
            rounds.append(
                {
                    name: run_worker(f"upload {name}", {**task, "client": name})
                    for name in rotate(usable(uploads.ROUND_CLIENTS), index)
                }
            )
        peers = {
            name: run_worker(f"upload {name}", {**task, "client": name})
            for name in usable(mode.upload_peers)
        }
    return {"mib": mode.upload_mib, "rounds": rounds, "peers": peers}


def _cpu(results: dict[str, Any], client: str) -> Figure:
    return figure(results["uploads"]["rounds"], client, lambda r: r[_CPU])


def _growth(entry: dict[str, Any] | None) -> float | None:
    if not entry or "error" in entry:
        return None
    return (entry["peak_kib"] - entry["peak_before_kib"]) / 1024


def _growths(results: dict[str, Any], client: str) -> list[float]:
    data = results["uploads"]
    entries = [r.get(client) for r in data["rounds"]] + [data["peers"].get(client)]
    return [g for g in map(_growth, entries) if g is not None]


def _peer_cpu(results: dict[str, Any], client: str) -> str:
    entry = results["uploads"]["peers"].get(client)
    if not entry or "error" in entry:
        return "-"
    return f"{num(entry[_CPU], ' µs', 0)} (one run)"


def _mib_text(value: list[float]) -> str:
    return num(max(value), " MiB") if value else "-"


def summary_rows(results: dict[str, Any]) -> list[list[str]]:
    """The target table's upload rows: CPU per MiB (sync, asyncio) and peak RSS growth."""
    if "uploads" not in results:
        return []
    rows = []
    limit = TARGETS["upload_cpu"].limit
    base = _cpu(results, "httpx")
    for label, ours, peer in (
        ("sync", "octoai_ext", "octoai"),
        ("asyncio", "octoai_ext[async]", "octoai[async]"),
    ):
        fig = _cpu(results, ours)
        cell = "-" if fig.value is None else f"{ratio(fig.ratio)} ({num(fig.value, ' µs', 0)})"
        rows.append(
            [
                f"CPU per MiB uploaded by `asset.create` ({label})",
                num(base.value, " µs", 0),
                cell,
                "-",
                _peer_cpu(results, peer),
                f"≤ {limit}x",
                "-",
                verdict(None if fig.ratio is None else fig.ratio <= limit),
            ]
        )
    worst = {name: _growths(results, name) for name in uploads.ADAPTERS}
    mine = worst["octoai_ext"] + worst["octoai_ext[async]"]
    rss_limit = TARGETS["upload_rss"].limit
    rows.append(
        [
            f"peak RSS growth uploading {results['uploads']['mib']} MiB",
            _mib_text(worst["httpx"]),
            f"sync {_mib_text(worst['octoai_ext'])}; "
            f"asyncio {_mib_text(worst['octoai_ext[async]'])}",
            "-",
            f"sync {_mib_text(worst['octoai'])}; asyncio {_mib_text(worst['octoai[async]'])}",
            f"≤ {rss_limit:g} MiB",
            "-",
            verdict(None if not mine else max(mine) <= rss_limit),
        ]
    )
    return rows


def details(results: dict[str, Any]) -> list[str]:
    """One row per client: CPU per MiB and its ratio, throughput, peak RSS growth."""
    data = results.get("uploads")
    if not data:
        return []
    mib = data["mib"]
    rows = []
    for name in uploads.ADAPTERS:
        growth = _growths(results, name)
        if name in uploads.ROUND_CLIENTS:
            fig = _cpu(results, name)
            wall = figure(data["rounds"], name, lambda r: r["wall_s"]).value
            runs = sum(1 for r in data["rounds"] if name in r and "error" not in r[name])
            cpu, rel, rng = num(fig.value, "", 0), ratio(fig.ratio), span(fig)
        else:
            entry = data["peers"].get(name)
            if not entry or "error" in entry:
                continue
            wall, runs = entry["wall_s"], 1
            cpu, rel, rng = num(entry[_CPU], "", 0), "-", "-"
        rate = "-" if not wall else num(mib / wall, "", 0)
        rows.append([f"`{name}`", cpu, rel, rng, rate, _mib_text(growth), str(runs), _HOW[name]])
    return [
        f"### Uploads: a {mib} MiB file to a presigned URL",
        "",
        *table(
            [
                "client",
                "CPU µs/MiB",
                "ratio",
                "range",
                "MiB/s (wall, median)",
                "peak RSS growth, MiB (worst)",
                "runs",
                "what is timed",
            ],
            rows,
        ),
        "",
        *_asyncio_note(results),
        _OCTOAI_NOTE + _octoai_growth(results),
    ]


def _octoai_growth(results: dict[str, Any]) -> str:
    growth = _growths(results, "octoai[async]")
    if not growth:
        return ""
    mib = results["uploads"]["mib"]
    return (
        f" Here its peak RSS grew by {max(growth):,.0f} MiB for the {mib} MiB file "
        f"({max(growth) / mib:.1f} times its size): the file's bytes, and asyncio's transport "
        "buffer, into which the part of the body the socket does not take at once is copied."
    )


def _asyncio_note(results: dict[str, Any]) -> list[str]:
    rounds = results["uploads"]["rounds"]
    ours = figure(rounds, "octoai_ext[async]", lambda r: r[_CPU], base="httpx[async]").ratio
    raw = _cpu(results, "httpx[async]").ratio
    if ours is None or raw is None:
        return []
    return [
        f"`httpx[async]`, raw httpx streaming the file as `AsyncOctoAI` does ({_ASYNC_MIB} MiB "
        f"reads in a worker thread), costs {raw:.2f}x the sync reference; `octoai_ext[async]` "
        f"costs {ours:.2f}x `httpx[async]` in the same rounds. What an asyncio upload pays "
        "above the sync reference is paid per chunk: the hop to a worker thread and back for "
        "each read (the price of keeping disk reads off the event loop), and asyncio copying "
        "what the socket does not take at once into its transport buffer.",
        "",
    ]


#: The reads of the asyncio reference, in MiB: the chunk size of `AsyncOctoAI`'s uploads.
_ASYNC_MIB = uploads.ASYNC_READ // (1024 * 1024)

_HOW = {
    "httpx": "`Client.put(put_url, content=open(path, 'rb'))`: the PUT alone, 64 KiB reads",
    "octoai_ext": "`OctoAI.asset.create(path, ...)`: create, PUT, complete, read",
    "httpx[async]": f"`AsyncClient.put` of {_ASYNC_MIB} MiB reads in a thread: the PUT alone",
    "octoai_ext[async]": "`AsyncOctoAI.asset.create(path, ...)`: the same, reads in a thread",
    "octoai": "`asset_library.create_from_file(path, ...)` (its 10 s wait is CPU-free)",
    "octoai[async]": "the same on its `AsyncOctoAI`: the whole file read into memory first",
}

_OCTOAI_NOTE = """`octoai` 1.11.0 (`octoai/uploading_asset_library.py`): the sync
`create_from_file` streams the open file with `httpx.put(url, content=file)`, a new httpx client
per upload. The asyncio `create_from_file` runs `_read_entire_file` (`f.read()` of the whole file)
in the default executor and PUTs the resulting bytes, so its memory grows with the file and a
file larger than free memory cannot be uploaded. Both then wait `poll_interval=10` seconds
before their first status read, because they test the status of the asset as it was created
(`ready_to_upload`), not as it is after the upload."""

METHOD = """- **Uploads**: a {mib} MiB file of random bytes on local disk (in the page cache after
  the first round), to the benchmark server's asset library, whose presigned PUT is counted and
  dropped as it arrives (the devserver writes and hashes every upload, and would be the
  bottleneck). Each worker uploads a 1 MiB file first (imports, connection), then the measured
  file. *CPU per MiB* is the worker's `time.process_time()` (all threads) over the measured
  upload divided by its size; for the SDKs that includes the create, complete-upload and status
  requests around the PUT, a few milliseconds in all. {rounds} rounds, clients interleaved; the
  ratio is to raw httpx in the same round, asyncio included (httpx's `AsyncClient` cannot stream
  a plain file object). *Peak RSS growth* is `VmHWM` after the measured upload minus before it;
  the worst over rounds is shown."""


def method(results: dict[str, Any]) -> str:
    """The paragraph of 'How each figure is measured' for the upload figures."""
    data = results.get("uploads")
    if not data:
        return ""
    return METHOD.format(mib=data["mib"], rounds=len(data["rounds"]))
