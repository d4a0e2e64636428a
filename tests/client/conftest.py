"""Fixtures that run each client test once with `OctoAI` and once with `AsyncOctoAI`."""

from __future__ import annotations

import contextlib
import inspect
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from support.control import fault_headers, keyed, request_log

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
        return request_log(self.server, fault_key)

    async def advance_clock(self, seconds: float) -> None:
        """Let `seconds` pass on the server's clock, without blocking the event loop."""
        async with httpx.AsyncClient(timeout=10) as http:
            answer = await http.post(self.url("/_devserver/clock"), json={"advance": seconds})
        answer.raise_for_status()


def make_client(flavour: str, server: Any, **kwargs: Any) -> Client:
    """A client of the flavour (``"sync"`` or ``"async"``) for the server, with its token and
    URL unless `kwargs` give others (a server of another kind then needs neither)."""
    if "token" not in kwargs:
        kwargs["token"] = server.token
    if "base_url" not in kwargs:
        kwargs["base_url"] = server.base_url
    cls = AsyncOctoAI if flavour == "async" else OctoAI
    return cls(**kwargs)


@contextlib.asynccontextmanager
async def open_flavour(
    flavour: str, server: Any, *, record: bool = False, **kwargs: Any
) -> AsyncIterator[Flavour]:
    """A `Flavour` of a new client (`make_client`'s arguments), closed however the block ends;
    with `record`, its sleeps move the server's clock (`record_sleeps`)."""
    octo = Flavour(make_client(flavour, server, **kwargs), server)
    if record:
        record_sleeps(octo)
    try:
        yield octo
    finally:
        await octo.close()


def fault(directive: str) -> dict[str, Any]:
    """The keyword argument that sends a fault directive with a call."""
    return {"extra_headers": fault_headers(directive)}


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


@pytest.fixture
def octo_server(devserver: Any) -> Any:
    """The server `octo` talks to: the session's; a module overrides it to use its own."""
    return devserver


@pytest.fixture(params=["sync", "async"])
async def octo(request: pytest.FixtureRequest, octo_server: Any) -> AsyncIterator[Flavour]:
    """A client of either flavour on `octo_server` (the shared development server); its
    sleeps move the server's clock instead of waiting (see `record_sleeps`)."""
    async with open_flavour(request.param, octo_server, record=True) as flavour:
        yield flavour


@pytest.fixture(params=["sync", "async"])
def flavour_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def fault_key() -> Callable[[str], str]:
    """Fault directives with a fresh counter key, so tests never share fault state."""
    key = uuid.uuid4().hex

    def directive(text: str) -> str:
        return keyed(text, key)

    return directive
