"""Fixtures of the development server's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from octoai_ext.devserver import DevServer

from .platform import fast_server


@pytest.fixture(scope="module")
def platform_server() -> Iterator[DevServer]:
    """One server per test module, with short asset and tune lifecycles and fault injection."""
    with fast_server() as server:
        yield server
