"""The raw baseline on `httpx2`, the fork `openai` 3.x is built on (a reference for that peer)."""

from __future__ import annotations

import httpx2

from bench.clients import raw_httpx


class Sync(raw_httpx.Sync):
    def __init__(self, url: str) -> None:
        super().__init__(url, module=httpx2)


class Async(raw_httpx.Async):
    def __init__(self, url: str) -> None:
        super().__init__(url, module=httpx2)
