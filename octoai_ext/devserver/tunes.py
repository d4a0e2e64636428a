"""Fine-tuning's routes: ``/v1/tune`` and ``/v1/tunes``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.responses import Response
from starlette.routing import Route

from . import queryparams as q
from .apierrors import answer
from .assets import caller
from .listing import MAX_PAGE, TuneQuery
from .pipeline import Call, Operation
from .routing import Endpoint, route
from .training import Training

__all__ = ["TuneRoutes"]


class TuneRoutes:
    """The handlers of the tune operations."""

    def __init__(self, training: Training) -> None:
        self.training = training

    async def _create(self, call: Call) -> Response:
        fail = call.faults.tune_fail if call.faults else None
        return answer(lambda: self.training.create(caller(call), call.body, fail=fail), 201)

    async def _get(self, call: Call) -> Response:
        tune_id = call.request.path_params["tune_id"]
        return answer(lambda: self.training.get(caller(call), tune_id))

    async def _delete(self, call: Call) -> Response:
        tune_id = call.request.path_params["tune_id"]
        return answer(lambda: self.training.delete(caller(call), tune_id))

    async def _cancel(self, call: Call) -> Response:
        tune_id = call.request.path_params["tune_id"]
        return answer(lambda: self.training.cancel(caller(call), tune_id))

    async def _list(self, call: Call) -> Response:
        query = call.request.query_params
        filters = TuneQuery(
            caller=caller(call),
            name=q.text(query, "name"),
            tune_type=q.text(query, "tune_type"),
            base_checkpoint_id=q.text(query, "base_checkpoint_id"),
            trigger_words=frozenset(q.items(query, "trigger_words")),
            engine=q.text(query, "engine"),
        )
        return answer(
            lambda: self.training.list(
                filters,
                offset=q.number(query, "offset", 0),
                limit=q.number(query, "limit", MAX_PAGE),
            )
        )

    def routes(self, run: Callable[[Operation], Endpoint]) -> list[Route]:
        """The routes, each through the pipeline (no cold start: this is not an endpoint)."""

        def op(handler: Callable[[Call], Awaitable[Response]]) -> Endpoint:
            return run(Operation(handler, cold=False))

        return [
            route("/v1/tune", {"POST": op(self._create)}),
            route("/v1/tune/{tune_id}", {"GET": op(self._get), "DELETE": op(self._delete)}),
            route("/v1/tune/{tune_id}/cancel", {"POST": op(self._cancel)}),
            route("/v1/tunes", {"GET": op(self._list)}),
        ]
