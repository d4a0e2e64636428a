"""Query parameters that carry lists: repeated keys, comma-joined values, or both."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["list_values", "query_pairs"]


def list_values(values: Iterable[str]) -> list[str]:
    """Return the items of a list parameter, whatever form the client sent.

    Clients send a list as repeated keys (``a=x&a=y``, what the generated clients do) or as one
    comma-joined value (``a=x,y``, what older SDKs did); both forms, and a mix, mean the same.
    Empty items are dropped.
    """
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def query_pairs(query: Any, array_names: frozenset[str]) -> list[tuple[str, str]]:
    """Return every query parameter as (name, value) pairs, list parameters split into items.

    Args:
        query: Starlette's ``QueryParams`` (or any mapping, which holds one value per name).
        array_names: The parameters the spec declares as arrays.
    """
    if hasattr(query, "multi_items"):
        pairs: list[tuple[str, str]] = list(query.multi_items())
    else:
        pairs = list(query.items())
    split: list[tuple[str, str]] = []
    for name, value in pairs:
        if name in array_names:
            split.extend((name, item) for item in list_values([value]))
        else:
            split.append((name, value))
    return split
