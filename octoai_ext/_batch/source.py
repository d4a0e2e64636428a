"""Items read lazily from the caller's iterable, each with its position, key and inputs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from .errors import BatchInputError

__all__ = ["Item", "keyed"]


class Item(NamedTuple):
    """One item of the input: where it is, its key as JSON text, and what is sent."""

    position: int
    key: str
    inputs: Mapping[str, Any]


def keyed(items: Iterable[Any], id_field: str | None) -> Iterator[Item]:
    """Give each item its key: its `id_field` value, or its position (counting from 0).

    The id field is bookkeeping: it is left out of what is sent. With `id_field=None` every
    item is sent whole and keyed by its position.

    Raises:
        BatchInputError: An item is not a dict, or its id is not a string or an integer.
    """
    for position, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise BatchInputError(
                f"item {position} is a {type(item).__name__}; every item must be a dict of inputs"
            )
        if id_field is None or id_field not in item:
            yield Item(position, str(position), item)
            continue
        value = item[id_field]
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise BatchInputError(
                f"item {position}: its {id_field!r} must be a string or an integer, "
                f"not {type(value).__name__}"
            )
        inputs = {name: v for name, v in item.items() if name != id_field}
        yield Item(position, json.dumps(value, ensure_ascii=False), inputs)
