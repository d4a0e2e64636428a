"""`octoai` 1.11.0: its `OctoAI`/`AsyncOctoAI` with an `OctoAIEnvironment` naming the server.

The package reads `OCTOAI_TOKEN` at import time, so the token is passed as `api_key`; its
environment object has one URL per service, all set to the loopback server.
"""

from __future__ import annotations

import zlib
from typing import Any

from octoai.client import AsyncOctoAI, OctoAI
from octoai.environment import OctoAIEnvironment

from bench import payloads

# The SDKs type messages as their own classes; plain dicts are what they accept and send.
MESSAGES: Any = payloads.MESSAGES


def environment(url: str) -> OctoAIEnvironment:
    return OctoAIEnvironment(default=url, image_gen=url, text_gen=url)


class Sync:
    def __init__(self, url: str) -> None:
        self.client = OctoAI(api_key=payloads.TOKEN, environment=environment(url))

    def chat(self) -> str:
        completion = self.client.text_gen.create_chat_completion(
            model=payloads.CHAT_MODEL,
            messages=MESSAGES,
            max_tokens=payloads.CHAT_MAX_TOKENS,
        )
        text = completion.choices[0].message.content
        assert isinstance(text, str)
        return text

    def stream(self, model: str, n: int) -> tuple[int, int]:
        count = crc = 0
        for chunk in self.client.text_gen.create_chat_completion_stream(
            model=model, messages=MESSAGES, max_tokens=n
        ):
            crc = zlib.crc32((chunk.choices[0].delta.content or "").encode(), crc)
            count += 1
        return count, crc

    def close(self) -> None:
        self.client._client_wrapper.httpx_client.httpx_client.close()


class Async:
    def __init__(self, url: str) -> None:
        self.client = AsyncOctoAI(api_key=payloads.TOKEN, environment=environment(url))

    async def chat(self) -> str:
        completion = await self.client.text_gen.create_chat_completion(
            model=payloads.CHAT_MODEL,
            messages=MESSAGES,
            max_tokens=payloads.CHAT_MAX_TOKENS,
        )
        text = completion.choices[0].message.content
        assert isinstance(text, str)
        return text

    async def aclose(self) -> None:
        await self.client._client_wrapper.httpx_client.httpx_client.aclose()
