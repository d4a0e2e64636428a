"""The floor: a hand-built request on `httpx.Client`/`AsyncClient`, `json.loads`, dicts.

Streams are read with `iter_lines()` and a minimal SSE parse (`data: ` lines, `[DONE]`), with one
`json.loads` per chunk and no typed objects.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from types import ModuleType
from typing import Any

import httpx

from bench import payloads

_HEADERS = {"Authorization": f"Bearer {payloads.TOKEN}", "Content-Type": "application/json"}
_CHAT = json.dumps(
    {
        "model": payloads.CHAT_MODEL,
        "messages": payloads.MESSAGES,
        "max_tokens": payloads.CHAT_MAX_TOKENS,
    }
).encode()


def stream_body(model: str, n: int) -> bytes:
    return json.dumps(
        {"model": model, "messages": payloads.MESSAGES, "max_tokens": n, "stream": True}
    ).encode()


def parse_lines(lines: Iterable[str]) -> tuple[int, int]:
    """Count the chunks of an SSE line iterator and CRC their text."""
    count = crc = 0
    for line in lines:
        if not line.startswith("data: "):
            continue
        data = line[6:]
        if data == "[DONE]":
            break
        chunk = json.loads(data)
        crc = zlib.crc32(chunk["choices"][0]["delta"]["content"].encode(), crc)
        count += 1
    return count, crc


class Sync:
    def __init__(self, url: str, module: ModuleType = httpx, **options: Any) -> None:
        self.http = module.Client(**options)
        self.url = url + "/v1/chat/completions"

    def chat(self) -> str:
        response = self.http.post(self.url, content=_CHAT, headers=_HEADERS)
        assert response.status_code == 200
        text: str = json.loads(response.content)["choices"][0]["message"]["content"]
        return text

    def stream(self, model: str, n: int) -> tuple[int, int]:
        body = stream_body(model, n)
        with self.http.stream("POST", self.url, content=body, headers=_HEADERS) as response:
            assert response.status_code == 200
            return parse_lines(response.iter_lines())

    def close(self) -> None:
        self.http.close()


class Async:
    def __init__(self, url: str, module: ModuleType = httpx, **options: Any) -> None:
        self.http = module.AsyncClient(**options)
        self.url = url + "/v1/chat/completions"

    async def chat(self) -> str:
        response = await self.http.post(self.url, content=_CHAT, headers=_HEADERS)
        assert response.status_code == 200
        text: str = json.loads(response.content)["choices"][0]["message"]["content"]
        return text

    async def aclose(self) -> None:
        await self.http.aclose()
