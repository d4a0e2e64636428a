"""Fixtures of the development server's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from octoai_ext.devserver import DevServer

from .platform import clocked_server


@pytest.fixture(scope="module")
def platform_server() -> Iterator[DevServer]:
    """One server per test module, on a test clock, with several tenants and fault injection."""
    with clocked_server() as server:
        yield server


@pytest.fixture(scope="session")
def plain_devserver() -> Iterator[DevServer]:
    """One server for the session as started with no options but two tokens.

    It has neither fault directives nor the test clock, and accepts ``first`` and ``second``
    (not the default token). No test changes its state.
    """
    with DevServer(tokens=["first", "second"]) as server:
        yield server
