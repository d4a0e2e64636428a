"""Fixtures that run each client test once with `OctoAI` and once with `AsyncOctoAI`."""

from __future__ import annotations

import inspect
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from octoai_ext import AsyncOctoAI, OctoAI

Client = OctoAI | AsyncOctoAI


class Flavour:
    """Calls a client method the same way for both flavours, so one test body serves both."""

    def __init__(self, client: Client, server: Any) -> None:
        self.client = client
        self.server = server
        self.sleeps: list[float] = []
        self.is_async = isinstance(client, AsyncOctoAI)

    async def call(self, result: Any) -> Any:
        return await result if inspect.isawaitable(result) else result

    async def collect(self, stream: Any) -> list[Any]:
        if self.is_async:
            opened = await stream if inspect.isawaitable(stream) else stream
            return [item async for item in opened]
        return list(stream)

    async def close(self) -> None:
        await self.call(
            self.client.aclose() if isinstance(self.client, AsyncOctoAI) else self.client.close()
        )

    def url(self, path: str) -> str:
        return self.server.base_url + path

    def requests(self, fault_key: str | None = None) -> list[dict[str, Any]]:
        params = {"fault_key": fault_key} if fault_key is not None else None
        return httpx.get(self.url("/_devserver/requests"), params=params, timeout=10).json()

    async def advance_clock(self, seconds: float) -> None:
        """Let `seconds` pass on the server's clock, without blocking the event loop."""
        async with httpx.AsyncClient(timeout=10) as http:
            answer = await http.post(self.url("/_devserver/clock"), json={"advance": seconds})
        answer.raise_for_status()


def make_client(flavour: str, server: Any, **kwargs: Any) -> Client:
    kwargs.setdefault("token", server.token)
    kwargs.setdefault("base_url", server.base_url)
    cls = AsyncOctoAI if flavour == "async" else OctoAI
    return cls(**kwargs)


def record_sleeps(flavour: Flavour) -> None:
    """Replace the client's sleep: record the delay and let it pass on the server's clock.

    The client then sees the server exactly as after a real sleep (a job due by then is
    done), without the wait. The server must run with the test clock.
    """
    client = flavour.client
    if isinstance(client, AsyncOctoAI):

        async def fake_async_sleep(seconds: float) -> None:
            flavour.sleeps.append(seconds)
            await flavour.advance_clock(seconds)

        client._sleep = fake_async_sleep
    else:

        def fake_sleep(seconds: float) -> None:
            flavour.sleeps.append(seconds)
            flavour.server.advance_clock(seconds)

        client._sleep = fake_sleep


@pytest.fixture(params=["sync", "async"])
async def octo(request: pytest.FixtureRequest, devserver: Any) -> AsyncIterator[Flavour]:
    """A client of either flavour on the shared development server; its sleeps move the
    server's clock instead of waiting (see `record_sleeps`)."""
    client = make_client(request.param, devserver)
    flavour = Flavour(client, devserver)
    record_sleeps(flavour)
    yield flavour
    await flavour.call(client.aclose() if isinstance(client, AsyncOctoAI) else client.close())


@pytest.fixture(params=["sync", "async"])
def flavour_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def fault_key() -> Callable[[str], str]:
    """Fault directives with a fresh counter key, so tests never share fault state."""
    key = uuid.uuid4().hex

    def directive(text: str) -> str:
        return f"{text};key={key}"

    return directive
