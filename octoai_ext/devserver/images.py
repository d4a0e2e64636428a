"""The image generation routes (``/generate/sdxl``, ``/generate/ssd``), sync and async."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any, Final

from starlette.responses import Response
from starlette.routing import Route

from .apierrors import ApiError
from .assets import caller
from .clock import Timeline
from .imagegen import generate_images, size_problem
from .jobs import JobStore, queue_job
from .library import Library
from .lifecycle import asset_status
from .pipeline import Call, Operation
from .responses import json_response
from .routing import Endpoint

__all__ = ["IMAGE_ENGINES", "ImageRoutes"]

#: The generation paths and the engine each runs.
IMAGE_ENGINES: Final = {
    "/generate/sdxl": "image/stable-diffusion-xl-v1-0",
    "/generate/ssd": "image/stable-diffusion-ssd",
}
# Request fields naming assets, the asset type each takes, and how messages call it.
_CUSTOMISATIONS: Final = (
    ("checkpoint", "checkpoint", "Checkpoint"),
    ("vae", "vae", "VAE"),
    ("loras", "lora", "LoRA"),
    ("textual_inversions", "textual_inversion", "Textual inversion"),
)


class ImageRoutes:
    """The handlers of the image generation endpoints.

    Args:
        library: Finds the assets a request names.
        jobs: Runs asynchronous requests (``X-OctoAI-Async: 1``).
    """

    def __init__(self, library: Library, jobs: JobStore) -> None:
        self.library = library
        self.jobs = jobs

    def _asset_id(
        self,
        tenant: str,
        field: str,
        reference: str,
        kind: str,
        label: str,
        engine: str,
        now: float,
    ) -> str:
        asset = self.library.resolve(tenant, reference)
        if asset is None:
            raise ApiError.not_found(f"{label} not found: {reference}", field)
        problem = None
        if asset.asset_type != kind:
            problem = f"{reference} is a {asset.asset_type}, not a {label}."
        elif asset.engine != engine:
            problem = f"{label} {reference} is made for {asset.engine}, not {engine}."
        elif (status := asset_status(asset, now)) != "ready":
            problem = f"{label} {reference} is not ready (it is {status})."
        if problem is not None:
            raise ApiError(400, problem, "invalid_request_error", param=field)
        return asset.id

    def _customisations(self, tenant: str, body: Mapping[str, Any], engine: str) -> dict[str, Any]:
        """The assets the request names, as ids, checked for type, engine and readiness.

        Raises:
            ApiError: An asset is unknown (404), or unsuitable (400).
        """
        # One reading for the whole request, settled so that LoRAs of tunes that have just
        # ended are found; every asset is judged ready or not at that same time.
        now = self.library.now()
        resolved: dict[str, Any] = {}
        for field, kind, label in _CUSTOMISATIONS:
            value = body.get(field)
            if isinstance(value, str):
                resolved[field] = self._asset_id(tenant, field, value, kind, label, engine, now)
            elif isinstance(value, Mapping):
                resolved[field] = sorted(
                    (self._asset_id(tenant, field, name, kind, label, engine, now), setting)
                    for name, setting in value.items()
                )
        return resolved

    async def _generate(self, call: Call) -> Response:
        engine = IMAGE_ENGINES[call.request.url.path]
        body: dict[str, Any] = call.body
        problem = size_problem(body.get("width"), body.get("height"))
        if problem is not None:
            return ApiError(400, problem, "invalid_request_error", param="width").response()
        try:
            customisations = self._customisations(caller(call), body, engine)
        except ApiError as error:
            return error.response()

        async def work(timeline: Timeline | None = None) -> dict[str, Any]:
            started = time.perf_counter()
            images = generate_images(engine, body, customisations)
            elapsed = (time.perf_counter() - started) * 1000
            return {"images": images, "prediction_time_ms": round(elapsed, 3)}

        if call.is_async:
            return queue_job(call, self.jobs, work)
        return json_response(await work())

    def routes(self, run: Callable[[Operation], Endpoint]) -> list[Route]:
        """The routes; like every endpoint they answer 503 during the cold start."""
        endpoint = run(Operation(self._generate))
        return [Route(path, endpoint, methods=["POST"]) for path in IMAGE_ENGINES]
