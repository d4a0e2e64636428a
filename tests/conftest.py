"""Fixtures shared by every test: a clean environment and the embedded development server."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from octoai_ext.devserver import DevServer

_OCTOAI_VARIABLES = ("OCTOAI_TOKEN", "OCTOAI_API_KEY", "OCTOAI_BASE_URL")
#: A cold start no test run comes near: a week.
COLD_FOR_GOOD = 7 * 24 * 3600.0


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own OctoAI settings out of every test."""
    for name in _OCTOAI_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def devserver() -> Iterator[DevServer]:
    """One development server for the session, with fault directives and the test clock.

    Tests advance its clock instead of sleeping. That cannot break another test: tests run
    one at a time and each reads only the jobs it submitted itself, so an advance only ends
    early the leftover jobs of earlier tests, which nobody reads again. A test that needs a
    job to stay pending or running while it looks holds it with a long ``pending`` directive
    or duration, and moves the clock itself.
    """
    with DevServer(faults=True, test_clock=True) as server:
        yield server


@pytest.fixture(scope="session")
def second_host_devserver() -> Iterator[DevServer]:
    """A second server for the session on another loopback address, with fault directives."""
    with DevServer(host="127.0.0.2", faults=True) as server:
        yield server


@pytest.fixture(scope="session")
def cold_devserver() -> Iterator[DevServer]:
    """A server for the session that stays cold: its health check and inference endpoints
    answer 503 ("starting up"); the platform API answers as usual.

    Its cold start outlasts any test run on real time, and it has no test clock, so nothing
    can warm it up. Tests only read its URL and its answers, and change nothing on it.
    """
    with DevServer(cold_start=COLD_FOR_GOOD) as server:
        yield server


@pytest.fixture
def dead_url() -> str:
    """A loopback URL on which nothing listens."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def start_devserver() -> Iterator[Callable[..., DevServer]]:
    """Start extra servers (own cold start, retention, tokens or spec); they stop after the test."""
    started: list[DevServer] = []

    def start(**kwargs: Any) -> DevServer:
        server = DevServer(**kwargs)
        started.append(server)
        return server.start()

    yield start
    for server in reversed(started):
        server.stop()
