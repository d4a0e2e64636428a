"""Small helpers shared by the development server's tests."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
from support.control import client

__all__ = ["CHAT_MODEL", "client", "sse_data", "sse_json", "wait_for_request"]

CHAT_MODEL = "meta-llama-3.1-8b-instruct"


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


def wait_for_request(http: httpx.Client, fault_key: str, *, limit: float = 30) -> dict[str, Any]:
    """Wait until the server has received a request whose fault header has ``key=fault_key``.

    This waits for a request sent from another thread or process to arrive, never for the
    server's clock.
    """
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        entries = http.get("/_devserver/requests", params={"fault_key": fault_key}).json()
        if entries:
            return dict(entries[0])
        time.sleep(0.01)
    raise AssertionError(f"no request with the fault key {fault_key} after {limit} s")
