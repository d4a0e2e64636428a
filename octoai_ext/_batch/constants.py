"""Batch defaults, importable without loading the batch machinery (SQLite, the scheduler)."""

from __future__ import annotations

from typing import Final

#: Items in flight at once, by default.
DEFAULT_CONCURRENCY: Final = 100
