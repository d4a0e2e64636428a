"""Which assets and tunes a list answers, and one page of them (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

from .records import AssetRecord, TuneRecord
from .references import owner_tenant

__all__ = [
    "MAX_PAGE",
    "AssetQuery",
    "Page",
    "TuneQuery",
    "asset_matches",
    "page",
    "tune_matches",
]

#: The largest page a list answers.
MAX_PAGE: Final = 100

T = TypeVar("T")


@dataclass(frozen=True)
class AssetQuery:
    """The filters of an asset list; empty collections and None filter nothing.

    ``is_public`` lists public assets of every owner; otherwise the caller's own.
    """

    caller: str
    is_public: bool = False
    name: str | None = None
    owner: str | None = None
    asset_types: frozenset[str] = frozenset()
    engines: frozenset[str] = frozenset()
    engine_type: str | None = None
    data_type: str | None = None
    file_formats: frozenset[str] = frozenset()
    asset_ids: frozenset[str] = frozenset()


def asset_matches(asset: AssetRecord, query: AssetQuery) -> bool:
    """Whether an asset belongs in the list."""
    engine = asset.engine or ""
    checks = (
        asset.deleted_at is None,
        asset.is_public if query.is_public else asset.tenant == query.caller,
        query.name is None or asset.name == query.name,
        query.owner is None or asset.tenant == owner_tenant(query.owner),
        not query.asset_types or asset.asset_type in query.asset_types,
        not query.engines or engine in query.engines,
        query.engine_type is None or engine.startswith(f"{query.engine_type}/"),
        query.data_type is None or asset.data.get("data_type") == query.data_type,
        not query.file_formats or asset.data.get("file_format") in query.file_formats,
        not query.asset_ids or asset.id in query.asset_ids,
    )
    return all(checks)


@dataclass(frozen=True)
class TuneQuery:
    """The filters of a tune list; the caller's own tunes only."""

    caller: str
    name: str | None = None
    tune_type: str | None = None
    base_checkpoint_id: str | None = None
    trigger_words: frozenset[str] = frozenset()
    engine: str | None = None


def tune_matches(tune: TuneRecord, query: TuneQuery) -> bool:
    """Whether a tune belongs in the list."""
    checks = (
        tune.deleted_at is None,
        tune.tenant == query.caller,
        query.name is None or tune.name == query.name,
        query.tune_type is None or tune.tune_type == query.tune_type,
        query.base_checkpoint_id is None or tune.checkpoint_id == query.base_checkpoint_id,
        not query.trigger_words or bool(query.trigger_words & set(tune.trigger_words)),
        query.engine is None or tune.engine == query.engine,
    )
    return all(checks)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, how many match in all, and whether more follow."""

    items: list[T]
    total: int
    has_more: bool


def page(matches: Sequence[T], offset: int, limit: int) -> Page[T]:
    """Cut one page from every match, in order.

    Raises:
        ValueError: ``offset`` is negative or ``limit`` is not between 1 and `MAX_PAGE`.
    """
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValueError("offset must be >= 0 and limit between 1 and 100")
    items = list(matches[offset : offset + limit])
    return Page(items, len(matches), offset + len(items) < len(matches))
