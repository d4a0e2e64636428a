"""`octoai_ext`: `OctoAI` and `AsyncOctoAI`, pointed at the loopback server with `base_url`."""

from __future__ import annotations

import zlib

from bench import payloads
from octoai_ext import AsyncOctoAI, OctoAI


class Sync:
    def __init__(self, url: str) -> None:
        self.client = OctoAI(token=payloads.TOKEN, base_url=url, max_retries=0)

    def chat(self) -> str:
        completion = self.client.text_gen.create_chat_completion(
            model=payloads.CHAT_MODEL,
            messages=payloads.MESSAGES,
            max_tokens=payloads.CHAT_MAX_TOKENS,
        )
        text = completion.choices[0].message.content
        assert isinstance(text, str)
        return text

    def stream(self, model: str, n: int) -> tuple[int, int]:
        count = crc = 0
        for chunk in self.client.text_gen.create_chat_completion_stream(
            model=model, messages=payloads.MESSAGES, max_tokens=n
        ):
            crc = zlib.crc32((chunk.choices[0].delta.content or "").encode(), crc)
            count += 1
        return count, crc

    def close(self) -> None:
        self.client.close()


class Async:
    def __init__(self, url: str) -> None:
        self.client = AsyncOctoAI(token=payloads.TOKEN, base_url=url, max_retries=0)

    async def chat(self) -> str:
        completion = await self.client.text_gen.create_chat_completion(
            model=payloads.CHAT_MODEL,
            messages=payloads.MESSAGES,
            max_tokens=payloads.CHAT_MAX_TOKENS,
        )
        text = completion.choices[0].message.content
        assert isinstance(text, str)
        return text

    async def stream(self, model: str, n: int) -> tuple[int, int]:
        """`Sync.stream` on the asyncio client: the stream read until its iterator stops."""
        count = crc = 0
        chunks = await self.client.text_gen.create_chat_completion_stream(
            model=model, messages=payloads.MESSAGES, max_tokens=n
        )
        async for chunk in chunks:
            crc = zlib.crc32((chunk.choices[0].delta.content or "").encode(), crc)
            count += 1
        return count, crc

    async def aclose(self) -> None:
        await self.client.aclose()
