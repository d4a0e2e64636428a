"""Offset/limit listings: query parameters, and every item across pages, fetched lazily.

A listing is a flow for one page; `iterate` and `aiterate` drive it page after page, so the
next page is requested only when the caller has used the current one up. Both the asset
library and fine-tuning list this way.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

from ._errors import OctoAIClientError
from ._flows import Flow
from ._requests import REQUEST_OPTION_NAMES, split_options

if TYPE_CHECKING:
    from ._core import ClientCore

T = TypeVar("T")
P = TypeVar("P", bound="Page[Any]")

#: The most items one page holds (the service's limit).
MAX_PAGE: Final = 100


class Page(Protocol[T]):
    """A page of a listing, as the generated list responses are."""

    @property
    def data(self) -> list[T]:
        """The page's items."""

    @property
    def has_more(self) -> bool:
        """Whether items come after this page."""


def split_filters(given: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A listing's keyword arguments, split into filters and per-call options."""
    return split_options(given, REQUEST_OPTION_NAMES)


def page_params(limit: int, offset: int) -> dict[str, int]:
    """The paging parameters, checked.

    Raises:
        OctoAIClientError: `limit` is not 1 to 100, or `offset` is negative.
    """
    if not (isinstance(limit, int) and 1 <= limit <= MAX_PAGE):
        raise OctoAIClientError(f"limit must be between 1 and {MAX_PAGE}, not {limit!r}")
    if not (isinstance(offset, int) and offset >= 0):
        raise OctoAIClientError(f"offset must be 0 or more, not {offset!r}")
    return {"limit": limit, "offset": offset}


def query_params(
    filters: Mapping[str, Any], *, known: frozenset[str], multi: frozenset[str]
) -> dict[str, Any]:
    """Query parameters of a listing's filters.

    Enums go by value, booleans as `true`/`false`, several values as repeated keys, objects
    with an `id` (an `Asset`) by their id; `None` is left out.

    Raises:
        OctoAIClientError: A filter the listing does not have.
    """
    params: dict[str, Any] = {}
    for key, value in filters.items():
        if key not in known:
            raise OctoAIClientError(
                f"unknown filter {key!r}; the filters are {', '.join(sorted(known))}"
            )
        if value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            params[key] = [_query_value(item) for item in value]
        elif key in multi:
            params[key] = [_query_value(value)]
        else:
            params[key] = _query_value(value)
    return params


def list_page(
    core: ClientCore,
    route: tuple[str, str],
    filters: Mapping[str, Any],
    given: Mapping[str, Any],
    *,
    known: frozenset[str],
    multi: frozenset[str],
    limit: int,
    offset: int,
    parse: Callable[[dict[str, Any]], P],
    what: str,
) -> Flow[P]:
    """One page of a platform listing: `filters` as `query_params`, then the paging ones."""
    params = {**query_params(filters, known=known, multi=multi), **page_params(limit, offset)}
    options = core.options(given)
    spec = core.platform_call(route, options, params=params)
    response = yield from core.call(spec, options.deadline(core.clock))
    return core.parse_model(parse, response, what)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(getattr(value, "id", value))


def iterate(drive: Callable[[Flow[P]], P], fetch: Callable[[int], Flow[P]]) -> Iterator[Any]:
    """Every item, page after page from offset 0, each page fetched when it is needed."""
    offset = 0
    while True:
        page = drive(fetch(offset))
        yield from page.data
        if not page.has_more or not page.data:
            return
        offset += len(page.data)


async def aiterate(
    drive: Callable[[Flow[P]], Awaitable[P]], fetch: Callable[[int], Flow[P]]
) -> AsyncIterator[Any]:
    """`iterate` for the asyncio client."""
    offset = 0
    while True:
        page = await drive(fetch(offset))
        for item in page.data:
            yield item
        if not page.has_more or not page.data:
            return
        offset += len(page.data)
