"""The raw httpx baseline with `octoai_ext`'s pool limits (100 connections, all kept alive).

httpx keeps at most 20 idle connections by default. At concurrency 100 a pool that keeps all 100
alive pays httpcore's per-request scan of every connection (`_assign_requests_to_connections`)
on a larger list; this reference separates that pool cost from the client's own.
"""

from __future__ import annotations

import httpx

from bench.clients import raw_httpx

_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)


class Sync(raw_httpx.Sync):
    def __init__(self, url: str) -> None:
        super().__init__(url, limits=_LIMITS)


class Async(raw_httpx.Async):
    def __init__(self, url: str) -> None:
        super().__init__(url, limits=_LIMITS)
