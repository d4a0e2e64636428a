"""`openai`: `OpenAI(base_url=<server>/v1)` and `AsyncOpenAI`, on the OpenAI-compatible route."""

from __future__ import annotations

import zlib
from typing import Any

from openai import AsyncOpenAI, OpenAI

from bench import payloads

# The SDKs type messages as their own classes; plain dicts are what they accept and send.
MESSAGES: Any = payloads.MESSAGES


class Sync:
    def __init__(self, url: str) -> None:
        self.client = OpenAI(api_key=payloads.TOKEN, base_url=url + "/v1", max_retries=0)

    def chat(self) -> str:
        completion = self.client.chat.completions.create(
            model=payloads.CHAT_MODEL,
            messages=MESSAGES,
            max_tokens=payloads.CHAT_MAX_TOKENS,
        )
        text = completion.choices[0].message.content
        assert isinstance(text, str)
        return text

    def stream(self, model: str, n: int) -> tuple[int, int]:
        count = crc = 0
        for chunk in self.client.chat.completions.create(
            model=model, messages=MESSAGES, max_tokens=n, stream=True
        ):
            crc = zlib.crc32((chunk.choices[0].delta.content or "").encode(), crc)
            count += 1
        return count, crc

    def close(self) -> None:
        self.client.close()


class Async:
    def __init__(self, url: str) -> None:
        self.client = AsyncOpenAI(api_key=payloads.TOKEN, base_url=url + "/v1", max_retries=0)

    async def chat(self) -> str:
        completion = await self.client.chat.completions.create(
            model=payloads.CHAT_MODEL,
            messages=MESSAGES,
            max_tokens=payloads.CHAT_MAX_TOKENS,
        )
        text = completion.choices[0].message.content
        assert isinstance(text, str)
        return text

    async def aclose(self) -> None:
        await self.client.close()
