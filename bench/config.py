"""The two run modes and the targets the results are held to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    """Sizes and round counts of one run."""

    name: str
    rounds: int  # rounds of the sync suite; each client runs once per round, order rotated
    warmup: int  # chat calls before anything is timed
    chat_calls: int  # timed non-streamed chat calls per round
    stream_n: int  # chunks per burst stream (also the call-count stream)
    stream_reps: int  # burst streams per round
    paced_n: int  # chunks of the paced stream (one per ms, so this many ms of wall time)
    count_chat_calls: int  # chat calls under the call counter
    count_every_round: bool  # call counts are deterministic: once is enough for a quick look
    sync_clients: tuple[str, ...]
    import_reps: int  # fresh interpreters per client for import time and RSS
    import_clients: tuple[str, ...]
    rss_stream_ns: tuple[int, int]  # the short and the long stream of the peak-RSS check
    rss_clients: tuple[str, ...]
    async_rounds: int
    async_requests: int
    async_concurrency: int
    async_clients: tuple[str, ...]
    scaling: tuple[int, ...]  # extra concurrencies for the raw-vs-ours pool-cost evidence
    futures_ns: tuple[int, ...]
    batch_ns: tuple[int, ...] = (1_000, 10_000)  # items of `AsyncOctoAI.batch` (peak RSS flat)
    seed: int = 20240917
    connection_streams: int = 100  # sequential streams whose connections are counted
    upload_rounds: int = 2  # rounds of the upload CPU figure, clients interleaved
    upload_mib: int = 256  # the uploaded file (CPU and peak RSS)
    upload_peers: tuple[str, ...] = ("octoai[async]",)  # run once each (10 s wait per upload)


def rotate(items: Sequence[str], by: int) -> list[str]:
    """`items` rotated left by `by`, so each round starts with a different client."""
    shift = by % len(items) if items else 0
    return [*items[shift:], *items[:shift]]


_PEERS = ("httpx", "octoai_ext", "openai", "octoai")

QUICK = Mode(
    name="quick",
    rounds=2,
    warmup=20,
    chat_calls=100,
    stream_n=2000,
    stream_reps=1,
    paced_n=300,
    count_chat_calls=20,
    count_every_round=False,
    sync_clients=_PEERS,
    import_reps=3,
    import_clients=_PEERS,
    rss_stream_ns=(10_000, 100_000),
    rss_clients=("octoai_ext",),
    async_rounds=1,
    async_requests=200,
    async_concurrency=100,
    async_clients=(*_PEERS, "httpx[pool=100]"),
    scaling=(),
    futures_ns=(100,),
)

FULL = Mode(
    name="full",
    rounds=5,
    warmup=100,
    chat_calls=500,
    stream_n=2000,
    stream_reps=3,
    paced_n=2000,
    count_chat_calls=100,
    count_every_round=True,
    sync_clients=(*_PEERS, "httpx2", "httpx+attrs"),
    import_reps=7,
    import_clients=(*_PEERS, "httpx2"),
    rss_stream_ns=(10_000, 100_000),
    rss_clients=_PEERS,
    async_rounds=3,
    async_requests=1000,
    async_concurrency=100,
    async_clients=(*_PEERS, "httpx2", "httpx[pool=100]"),
    scaling=(1, 10),
    futures_ns=(100, 1000),
    upload_rounds=5,
    upload_peers=("octoai", "octoai[async]"),
)


@dataclass(frozen=True)
class Target:
    """A goal for `octoai_ext`: `value <= limit`, where value is a ratio or an absolute."""

    figure: str
    limit: float
    unit: str  # "x" for a ratio to raw httpx, "MiB" and so on for absolutes
    peers: str  # what the issue measured for openai / octoai, for reference


TARGETS = {
    "chat_cpu": Target("CPU per chat call", 1.2, "x", "~3.0x / ~1.5x"),
    "chunk_cpu_burst": Target("CPU per streamed chunk (typed), burst", 1.3, "x", "~9.7x / ~3.5x"),
    "chunk_cpu_paced": Target("CPU per streamed chunk (typed), paced", 1.3, "x", "~9.7x / ~3.5x"),
    "chunk_calls": Target("Python calls per streamed chunk", 1.5, "x", "~7.9x / ~3.2x"),
    "chat_calls": Target("Python calls per chat call", 1.3, "x", "- (regression budget)"),
    "import": Target("cold import of the client class", 1.5, "x", "~6.6x / ~4.1x"),
    "rss": Target("RSS after import + client", 45.0, "MiB", "55 / 53 MiB"),
    "rss_flat": Target("peak RSS growth, 100k vs 10k chunks", 2.0, "MiB", "-"),
    "async_cpu": Target("asyncio CPU per request @100", 1.1, "x", "~1.3x / ~1.0x"),
    "futures": Target("HTTP requests per resolved future", 1.5, "x min", "- / -"),
    "connections": Target("connections opened per 100 sequential streams", 1, "", "-"),
    "upload_cpu": Target("CPU per MiB uploaded by `asset.create`", 1.1, "x", "-"),
    "upload_rss": Target("peak RSS growth uploading 256 MiB", 16.0, "MiB", "-"),
}
#: The poll rate is "bounded" when no future was polled twice within this many milliseconds.
MIN_POLL_GAP_MS = 100.0
