"""Reaching a development server from a test: an httpx client, and the control API.

A server started with fault injection has the ``/_devserver/`` routes: the request log, faults
armed on a path (for requests that cannot carry the ``X-OctoAI-Fault`` header, such as uploads
to signed URLs), and, with the test clock, the clock. Tests that check those routes themselves
call them directly; every other test goes through these helpers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from octoai_ext.devserver import DevServer

#: The header of fault directives.
FAULT_HEADER = "X-OctoAI-Fault"
#: Control requests are answered at once; this only keeps a broken server from hanging a test.
CONTROL_TIMEOUT = 10.0


def client(server: DevServer, token: str | None = None, **kwargs: Any) -> httpx.Client:
    """An httpx client for the server with a tenant's token (the server's first by default).

    `kwargs` go to `httpx.Client`; its ``headers`` are added to the token's, and ``timeout``
    is 60 s unless given.
    """
    headers = {"Authorization": f"Bearer {token or server.token}", **kwargs.pop("headers", {})}
    kwargs.setdefault("timeout", 60)
    return httpx.Client(base_url=server.base_url, headers=headers, **kwargs)


def _control(server: DevServer, method: str, route: str, **kwargs: Any) -> httpx.Response:
    return httpx.request(
        method, f"{server.base_url}/_devserver/{route}", timeout=CONTROL_TIMEOUT, **kwargs
    )


def keyed(directive: str, key: str | None = None) -> str:
    """`directive` with a counter key (a fresh one by default), so no other request shares
    its ``times`` count, and the request log can be filtered to this test's requests."""
    return f"{directive};key={key or uuid.uuid4().hex}"


def fault_headers(directive: str) -> dict[str, str]:
    """The request headers that carry a fault directive."""
    return {FAULT_HEADER: directive}


def request_log(server: DevServer, fault_key: str | None = None) -> list[dict[str, Any]]:
    """The server's log of the requests it received, oldest first; with `fault_key`, only
    those whose fault header has ``key=fault_key``.

    The log is shared by every test that uses the server: filter it by key or path.
    """
    params = {"fault_key": fault_key} if fault_key is not None else None
    answer = _control(server, "GET", "requests", params=params)
    assert answer.status_code == 200, answer.text
    return list(answer.json())


def clear_request_log(server: DevServer) -> None:
    """Empty the server's request log."""
    answer = _control(server, "DELETE", "requests")
    assert answer.status_code == 204, answer.text


def arm(server: DevServer, path: str, directive: str, method: str | None = None) -> dict[str, Any]:
    """Arm a fault on requests whose path starts with `path` (and of `method`, if given);
    return the armed fault as the server lists it.

    An armed fault stays until its ``times`` run out or it is cleared (`disarm`, `armed`).
    """
    body = {"path": path, "directive": directive}
    if method is not None:
        body["method"] = method
    answer = _control(server, "POST", "faults", json=body)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def armed_faults(server: DevServer) -> list[dict[str, Any]]:
    """The faults armed on the server, with the ``remaining`` count of each."""
    answer = _control(server, "GET", "faults")
    assert answer.status_code == 200, answer.text
    return list(answer.json())


def disarm(server: DevServer) -> None:
    """Clear every fault armed on the server."""
    answer = _control(server, "DELETE", "faults")
    assert answer.status_code == 204, answer.text


@contextmanager
def armed(
    server: DevServer, path: str, directive: str, method: str | None = None
) -> Iterator[dict[str, Any]]:
    """`arm` for the with-block; every armed fault is cleared when it ends, however it ends."""
    fault = arm(server, path, directive, method)
    try:
        yield fault
    finally:
        disarm(server)


def advance(http: httpx.Client, seconds: float) -> None:
    """Move the clock of the client's server forward: `DevServer.advance_clock` for a helper
    that holds only an httpx client of the server.

    Every asset and tune of the server moves with it, those of earlier tests too; a test
    reads only its own.
    """
    answer = http.post("/_devserver/clock", json={"advance": seconds})
    assert answer.status_code == 200, answer.text
