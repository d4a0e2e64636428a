"""Fixtures of the batch tests: the flavour parameter shared with the client tests."""

from __future__ import annotations

from tests.client.conftest import flavour_name

__all__ = ["flavour_name"]
