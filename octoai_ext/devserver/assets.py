"""The asset library's routes: ``/v1/assets`` and its sub-paths."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.responses import Response
from starlette.routing import Route

from . import queryparams as q
from .apierrors import answer
from .ids import tenant_of_token
from .library import Library
from .listing import MAX_PAGE, AssetQuery
from .pipeline import Call, Operation
from .routing import Endpoint, route

__all__ = ["AssetRoutes", "caller"]


def caller(call: Call) -> str:
    """The tenant of the request's token (the pipeline has already checked the token)."""
    return tenant_of_token(call.request.headers.get("authorization", "").partition(" ")[2].strip())


class AssetRoutes:
    """The handlers of the asset operations."""

    def __init__(self, library: Library) -> None:
        self.library = library

    async def _list(self, call: Call) -> Response:
        query = call.request.query_params
        filters = AssetQuery(
            caller=caller(call),
            is_public=q.flag(query, "is_public"),
            name=q.text(query, "name"),
            owner=q.text(query, "owner"),
            asset_types=frozenset(q.items(query, "asset_type")),
            engines=frozenset(q.items(query, "engine")),
            engine_type=q.text(query, "engine_type"),
            data_type=q.text(query, "data_type"),
            file_formats=frozenset(q.items(query, "file_format")),
            asset_ids=frozenset(q.items(query, "asset_ids")),
        )
        return answer(
            lambda: self.library.list(
                filters,
                offset=q.number(query, "offset", 0),
                limit=q.number(query, "limit", MAX_PAGE),
                previews=q.flag(query, "get_preview_urls"),
                base_url=call.base_url,
            )
        )

    async def _create(self, call: Call) -> Response:
        return answer(lambda: self.library.create(caller(call), call.body, call.base_url))

    async def _get(self, call: Call) -> Response:
        reference = call.request.path_params["asset"]
        transfer = q.text(call.request.query_params, "transfer_api_type") or "presigned-url"
        return answer(
            lambda: self.library.retrieve(caller(call), reference, transfer, call.base_url)
        )

    async def _delete(self, call: Call) -> Response:
        asset_id = call.request.path_params["asset"]
        return answer(lambda: self.library.delete(caller(call), asset_id))

    async def _complete(self, call: Call) -> Response:
        asset_id = call.request.path_params["asset"]
        skip = bool((call.body or {}).get("skip_validation", False))
        return answer(lambda: self.library.complete(caller(call), asset_id, skip_validation=skip))

    def routes(self, run: Callable[[Operation], Endpoint]) -> list[Route]:
        """The routes, each through the pipeline (no cold start: this is not an endpoint)."""

        def op(handler: Callable[[Call], Awaitable[Response]]) -> Endpoint:
            return run(Operation(handler, cold=False))

        return [
            route("/v1/assets", {"GET": op(self._list), "POST": op(self._create)}),
            # GET and DELETE both name an asset by id, own name or owner:name (`resolve_asset`);
            # DELETE then takes only the caller's own asset.
            route("/v1/assets/{asset}", {"GET": op(self._get), "DELETE": op(self._delete)}),
            route("/v1/assets/{asset}/complete-upload", {"POST": op(self._complete)}),
        ]
