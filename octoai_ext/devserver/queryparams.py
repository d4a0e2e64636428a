"""Reading query parameters; lists may come as repeated keys, comma-joined, or both."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["flag", "items", "list_values", "number", "query_pairs", "text"]


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
        array_names: The parameters the spec declares as arrays (in any operation: a name
            that is a single value elsewhere never holds a comma there).
    """
    if hasattr(query, "multi_items"):
        pairs: list[tuple[str, str]] = list(query.multi_items())
    else:
        pairs = list(query.items())
    split: list[tuple[str, str]] = []
    for name, value in pairs:
        # A value without a comma stays as it is, empty or not, for the spec to judge.
        if name in array_names and "," in value:
            split.extend((name, item) for item in list_values([value]))
        else:
            split.append((name, value))
    return split


def text(query: Any, name: str) -> str | None:
    """The value of a single-valued parameter, or None when it is absent."""
    value = query.get(name)
    return None if value is None else str(value)


def flag(query: Any, name: str) -> bool:
    """A boolean parameter (absent is false); the spec's validation already checked its form."""
    return str(query.get(name, "false")).strip().lower() in {"true", "1"}


def number(query: Any, name: str, default: int) -> int:
    """An integer parameter, or ``default`` when it is absent."""
    value = query.get(name)
    return default if value is None else int(value)


def items(query: Any, name: str) -> list[str]:
    """The items of a list parameter, however it was sent (see `list_values`)."""
    values = query.getlist(name) if hasattr(query, "getlist") else [query.get(name, "")]
    return list_values(values)
