"""Small helpers shared by the development server's tests."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from octoai_ext.devserver import DevServer

CHAT_MODEL = "meta-llama-3.1-8b-instruct"


def client(server: DevServer, **kwargs: Any) -> httpx.Client:
    """An httpx client for the server, with its token."""
    headers = {"Authorization": f"Bearer {server.token}", **kwargs.pop("headers", {})}
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=30, **kwargs)


def sse_data(text: str) -> list[str]:
    """The ``data`` of every event of a complete SSE body, in order."""
    events = []
    for block in text.split("\n\n"):
        lines = [line[len("data: ") :] for line in block.split("\n") if line.startswith("data: ")]
        if lines:
            events.append("\n".join(lines))
    return events


def sse_json(text: str) -> list[Any]:
    """The JSON events of an OpenAI-style stream, checking that it ends with ``[DONE]``."""
    data = sse_data(text)
    assert data[-1] == "[DONE]"
    return [json.loads(item) for item in data[:-1]]


def poll(http: httpx.Client, poll_url: str, *, until: set[str], limit: float = 30) -> list[str]:
    """Poll a status URL until a state in ``until``; return every distinct state seen, in order."""
    seen: list[str] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        status = http.get(poll_url).json()["status"]
        if not seen or seen[-1] != status:
            seen.append(status)
        if status in until:
            return seen
        time.sleep(0.01)
    raise AssertionError(f"no state in {until} after {limit} s; saw {seen}")
