"""The development server's ASGI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from .armed import fault_routes
from .clock import Clock, ControlledClock, Timeline
from .control import clock_routes, log_routes
from .endpoints import ENDPOINTS, EndpointError, run_endpoint, stream_endpoint
from .jobs import JobExpiredError, JobState, JobStore, queue_job
from .middleware import LOG_PREFIX, RequestLog, RequestMiddleware
from .pipeline import Call, Operation, Pipeline
from .platform_api import Platform
from .responses import error_response, json_response
from .settings import ServerSettings
from .text import chat_completion, text_completion
from .validation import SpecValidator, find_spec

__all__ = ["create_app"]


class _Handlers:
    """The operations' handlers, sharing the server's state."""

    def __init__(self, pipeline: Pipeline, jobs: JobStore, clock: Clock) -> None:
        self.pipeline = pipeline
        self.jobs = jobs
        self.clock = clock

    def _created(self) -> int:
        return int(self.clock.time())

    async def health(self, call: Call) -> Response:
        if self.pipeline.cold():
            return error_response(
                503,
                "The endpoint is starting up.",
                "service_unavailable",
                headers={"Retry-After": "1"},
            )
        return json_response({"status": "ok"})

    async def chat(self, call: Call) -> Response:
        return chat_completion(call.body, call.faults, created=self._created())

    async def completion(self, call: Call) -> Response:
        return text_completion(call.body, call.faults, created=self._created())

    async def infer(self, call: Call) -> Response:
        endpoint = call.request.path_params["endpoint"]
        if endpoint not in ENDPOINTS:
            return error_response(
                404, f"Endpoint not found: {endpoint}", "not_found_error", param="endpoint"
            )
        inputs: dict[str, Any] = call.body
        if call.is_async:
            return queue_job(
                call, self.jobs, lambda timeline: run_endpoint(endpoint, inputs, timeline)
            )
        try:
            stream = stream_endpoint(endpoint, inputs, created=self._created())
            if stream is not None:
                return stream.response(call.faults)
            timeline = Timeline(self.clock, call.received_at)
            return json_response(await run_endpoint(endpoint, inputs, timeline))
        except EndpointError as error:
            kind = "internal_error" if error.status >= 500 else "invalid_request_error"
            return error_response(error.status, str(error), kind, param=error.param)

    def _expired(self, response_id: str) -> Response:
        return error_response(
            404,
            f"The result of request {response_id} expired after the retention period "
            f"({self.jobs.retention:g} seconds).",
            "not_found_error",
            param="response_id",
        )

    def _unknown(self, response_id: str) -> Response:
        return error_response(
            404, f"Request not found: {response_id}", "not_found_error", param="response_id"
        )

    async def status(self, call: Call) -> Response:
        response_id = call.request.path_params["response_id"]
        try:
            job = self.jobs.get(response_id)
        except JobExpiredError:
            return self._expired(response_id)
        except KeyError:
            return self._unknown(response_id)
        body: dict[str, Any] = {"response_id": job.id, "status": str(job.state)}
        if job.state is JobState.COMPLETED:
            body["response_url"] = f"{call.base_url}/v1/responses/{job.id}"
        if job.state is JobState.FAILED:
            body["error"] = job.error
        override = call.faults.status_override if call.faults else None
        if override == "completed-without-url":
            body = {"response_id": job.id, "status": "completed"}
        elif override is not None:
            body = {"response_id": job.id, "status": override}
        return json_response(body)

    async def response(self, call: Call) -> Response:
        response_id = call.request.path_params["response_id"]
        try:
            job = self.jobs.get(response_id)
        except JobExpiredError:
            return self._expired(response_id)
        except KeyError:
            return self._unknown(response_id)
        if job.state is not JobState.COMPLETED or job.output is None:
            return error_response(
                404,
                f"Request {response_id} has no result: it is {job.state}.",
                "not_found_error",
                param="response_id",
            )
        return json_response(job.output)


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(404, f"Not found: {request.url.path}", "not_found_error")


async def _not_allowed(request: Request, exc: Exception) -> Response:
    headers = exc.headers if isinstance(exc, HTTPException) else None
    return error_response(
        405,
        f"Method {request.method} is not allowed here.",
        "invalid_request_error",
        headers=headers,
    )


async def _failed(request: Request, exc: Exception) -> Response:
    return error_response(500, "The development server failed.", "internal_error")


def create_app(settings: ServerSettings) -> ASGIApp:
    """Build the ASGI application of one development server.

    The spec is read and the validators are built here, once.
    """
    validator = SpecValidator(settings.spec_path or find_spec())
    clock = ControlledClock() if settings.test_clock else Clock()
    pipeline = Pipeline(settings, validator, clock)
    jobs = JobStore(settings.retention, clock)
    # The platform keeps its state across restarts, so it reads wall-clock seconds.
    platform = Platform(settings, jobs, validator.spec, clock=clock.time)
    handlers = _Handlers(pipeline, jobs, clock)
    run = pipeline.endpoint
    routes = [
        Route(
            "/healthcheck",
            run(Operation(handlers.health, needs_token=False, cold=False)),
            methods=["GET"],
        ),
        Route("/v1/chat/completions", run(Operation(handlers.chat)), methods=["POST"]),
        Route("/v1/completions", run(Operation(handlers.completion)), methods=["POST"]),
        Route(
            "/infer/{endpoint}",
            run(Operation(handlers.infer, params_not_found=True)),
            methods=["POST"],
        ),
        Route(
            "/v1/requests/{response_id}",
            run(Operation(handlers.status, cold=False, params_not_found=True)),
            methods=["GET"],
        ),
        Route(
            "/v1/responses/{response_id}",
            run(Operation(handlers.response, cold=False, params_not_found=True)),
            methods=["GET"],
        ),
        *platform.routes(run),
    ]
    log = RequestLog() if settings.faults else None
    if log is not None:
        routes.extend(log_routes(log))
        routes.extend(fault_routes(pipeline.armed, f"{LOG_PREFIX}faults"))
    if isinstance(clock, ControlledClock):
        routes.extend(clock_routes(clock))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        await jobs.close()
        platform.close()

    app = Starlette(
        routes=routes,
        exception_handlers={404: _not_found, 405: _not_allowed, Exception: _failed},
        lifespan=lifespan,
    )
    return RequestMiddleware(app, log)
