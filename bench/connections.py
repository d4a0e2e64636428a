"""Connections opened per 100 sequential streams: does a stream read to its end keep the socket?

Each client opens `streams` burst streams one after another on one client object and reads each
to its end (until its iterator stops). A client that leaves the stream's last bytes (the
chunked-encoding terminator after `data: [DONE]`) unread cannot put the connection back in the
pool, so the next stream connects again. The loopback server counts the connections it accepts,
so the figure needs no clock and no hook inside any client. The clients:

- `httpx` (the reference): raw httpx reading the body to its end after `[DONE]`;
- `httpx[break]`: raw httpx leaving the stream at `[DONE]`, as the speed adapter does;
- `octoai_ext` and `octoai_ext[async]`: `create_chat_completion_stream` on `OctoAI` and
  `AsyncOctoAI`;
- `openai`, `octoai`: their streaming chat iterators, as the other benchmarks use them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from bench import payloads
from bench.clients import load
from bench.config import TARGETS
from bench.markdown import verdict

#: Server connections that are not the client's: the harness's own `stats` request.
_STATS_CONNECTIONS = 1

#: Chunks per stream: enough that a stream spans several HTTP chunks, few enough to be quick.
CHUNKS = 20

CLIENTS = ("httpx", "httpx[break]", "octoai_ext", "octoai_ext[async]", "openai", "octoai")
#: The `bench.clients` entry each client needs (it is measured only if that one imports).
ADAPTERS = {
    "httpx": "httpx",
    "httpx[break]": "httpx",
    "octoai_ext": "octoai_ext",
    "octoai_ext[async]": "octoai_ext",
    "openai": "openai",
    "octoai": "octoai",
}

Stream = Callable[[str, int], tuple[int, int]]


def _raw_to_end(url: str) -> tuple[Stream, Callable[[], None]]:
    import httpx

    from bench.clients import raw_httpx

    http = httpx.Client()
    endpoint = url + "/v1/chat/completions"

    def stream(model: str, n: int) -> tuple[int, int]:
        body = raw_httpx.stream_body(model, n)
        headers = raw_httpx._HEADERS
        with http.stream("POST", endpoint, content=body, headers=headers) as response:
            assert response.status_code == 200
            lines = response.iter_lines()
            result = raw_httpx.parse_lines(lines)
            for _ in lines:  # the rest of the body: the end of the chunked encoding
                pass
        return result

    return stream, http.close


def _sync_adapter(name: str, url: str) -> tuple[Stream, Callable[[], None]]:
    if name == "httpx":
        return _raw_to_end(url)
    adapter = load("httpx" if name == "httpx[break]" else name).Sync(url)
    return adapter.stream, adapter.close


async def _ours_async(url: str, streams: int, n: int) -> list[tuple[int, int]]:
    adapter = load("octoai_ext").Async(url)
    try:
        return [await adapter.stream(payloads.BURST_MODEL, n) for _ in range(streams)]
    finally:
        await adapter.aclose()


def run(task: dict[str, Any]) -> dict[str, Any]:
    """Worker side: `streams` sequential streams of `chunks` chunks, each checked."""
    name, url, streams, n = task["client"], task["url"], task["streams"], task["chunks"]
    if name == "octoai_ext[async]":
        results = asyncio.run(_ours_async(url, streams, n))
    else:
        stream, close = _sync_adapter(name, url)
        results = [stream(payloads.BURST_MODEL, n) for _ in range(streams)]
        close()
    wrong = [result for result in results if result != payloads.expected_stream(n)]
    if wrong:
        raise AssertionError(f"{len(wrong)} streams failed their check, first {wrong[0]}")
    return {"streams": streams}


def measure(
    streams: int,
    server: Any,
    available: Sequence[str],
    run_worker: Callable[[str, dict[str, Any]], dict[str, Any]],
) -> dict[str, Any]:
    """Runner side: one fresh worker per client, the server's connection count around it."""
    results: dict[str, Any] = {}
    task = {"task": "connections", "url": server.url, "streams": streams, "chunks": CHUNKS}
    for name in (n for n in CLIENTS if ADAPTERS[n] in available):
        server.reset()
        entry = run_worker(f"connections {name}", {**task, "client": name})
        if "error" not in entry:
            counts = server.stats()["counts"]
            entry["connections"] = counts.get("connections", 0) - _STATS_CONNECTIONS
            entry["requests"] = counts.get("stream", 0)
        results[name] = entry
    return {"streams": streams, "chunks": CHUNKS, "clients": results}


def figure(results: dict[str, Any], client: str) -> int | None:
    """Connections `client` opened for its streams, None if it was not measured."""
    entry = results.get("connections", {}).get("clients", {}).get(client)
    if not entry or "error" in entry:
        return None
    connections: int = entry["connections"]
    return connections


def summary_row(results: dict[str, Any], peers: Sequence[str]) -> list[str] | None:
    """The target table's row: connections for the sequential streams, reference and peers."""
    data = results.get("connections")
    if not data:
        return None
    cells = [_cell(figure(results, name)) for name in ("httpx", *peers)]
    ours = figure(results, "octoai_ext")
    ours_async = figure(results, "octoai_ext[async]")
    if ours_async is not None:
        cells[1] += f"; asyncio {ours_async}"
    measured = [v for v in (ours, ours_async) if v is not None]
    limit = TARGETS["connections"].limit
    return [
        f"connections opened per {data['streams']} sequential streams",
        *cells,
        f"≤ {limit:g} (one, reused)",
        "-",
        verdict(None if not measured else max(measured) <= limit),
    ]


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def details(results: dict[str, Any]) -> list[str]:
    """The detail table: connections and streams per client."""
    data = results.get("connections")
    if not data:
        return []
    lines = [
        f"### Connections opened for {data['streams']} sequential streams "
        f"({data['chunks']} chunks each, each read to its end)",
        "",
        "| client | connections | stream requests the server saw | after `[DONE]` |",
        "|---|---|---|---|",
    ]
    how = {
        "httpx": "the rest of the body (the reference)",
        "httpx[break]": "none: leaves at `[DONE]`",
        "octoai_ext": "reads the rest (at most 64 KiB for at most 1 s)",
        "octoai_ext[async]": "reads the rest (at most 64 KiB for at most 1 s)",
        "openai": "`Stream.__stream__` stops and closes the response (sync client)",
        "octoai": "reads on: `httpx_sse.iter_sse` runs to the end of the body",
    }
    for name, entry in data["clients"].items():
        if "error" in entry:
            lines.append(f"| `{name}` | {entry['error']} | - | - |")
            continue
        lines.append(
            f"| `{name}` | {entry['connections']} | {entry['requests']} | {how.get(name, '-')} |"
        )
    return lines


METHOD = """- **Connections per {streams} sequential streams**: one fresh worker per client opens
  {streams} burst streams of {chunks} chunks one after another on one client object, reading each
  until its iterator stops; the server counts the TCP connections it accepted meanwhile (its own
  `stats` request excluded). No clock is involved. The reference is raw httpx reading the body to
  its end; `httpx[break]` leaves each stream at `[DONE]`, which closes the connection."""


def method(results: dict[str, Any]) -> str:
    """The paragraph of 'How each figure is measured' for this figure."""
    data = results.get("connections")
    if not data:
        return ""
    return METHOD.format(streams=data["streams"], chunks=data["chunks"])
