"""One route per path with several methods, so a 405 answer lists every allowed method."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

__all__ = ["Endpoint", "route"]

Endpoint = Callable[[Request], Awaitable[Response]]


def route(path: str, endpoints: Mapping[str, Endpoint]) -> Route:
    """Return a route answering each method with its endpoint (``HEAD`` with ``GET``'s).

    Starlette takes the ``Allow`` header of a 405 from the first route whose path matches,
    so a path's methods must share one route for that header to name them all.
    """

    async def dispatch(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" and "HEAD" not in endpoints else request.method
        return await endpoints[method](request)

    return Route(path, dispatch, methods=list(endpoints))
