"""The raw httpx baseline plus the generated attrs models: what typed parsing alone costs.

Same requests and SSE parse as `raw_httpx`, but each payload becomes the generated
`ChatCompletionResponse` / `ChatCompletionChunk` via `from_dict`, as `octoai_ext` returns.
"""

from __future__ import annotations

import json
import zlib

from octoai_api.models import ChatCompletionChunk, ChatCompletionResponse

from bench.clients import raw_httpx
from bench.clients.raw_httpx import _CHAT, _HEADERS


class Sync(raw_httpx.Sync):
    def chat(self) -> str:
        response = self.http.post(self.url, content=_CHAT, headers=_HEADERS)
        assert response.status_code == 200
        parsed = ChatCompletionResponse.from_dict(json.loads(response.content))
        text = parsed.choices[0].message.content
        assert isinstance(text, str)
        return text

    def stream(self, model: str, n: int) -> tuple[int, int]:
        body = raw_httpx.stream_body(model, n)
        count = crc = 0
        with self.http.stream("POST", self.url, content=body, headers=_HEADERS) as response:
            assert response.status_code == 200
            for line in response.iter_lines():
                if not line.startswith("data: "):
                    continue
                data = line[6:]
                if data == "[DONE]":
                    break
                chunk = ChatCompletionChunk.from_dict(json.loads(data))
                crc = zlib.crc32((chunk.choices[0].delta.content or "").encode(), crc)
                count += 1
        return count, crc


class Async(raw_httpx.Async):
    async def chat(self) -> str:
        response = await self.http.post(self.url, content=_CHAT, headers=_HEADERS)
        assert response.status_code == 200
        parsed = ChatCompletionResponse.from_dict(json.loads(response.content))
        text = parsed.choices[0].message.content
        assert isinstance(text, str)
        return text
