"""Generic inference endpoints: sync, streamed and queued, as flows over a core."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import httpx

from . import _constants as c
from ._errors import OctoAIClientError
from ._flows import Call, Deadline, Flow, start_deadline
from ._futures import InferenceFuture
from ._lazy import lazy_module
from ._requests import encode_inputs
from ._sse import StreamTerminator
from ._streaming import StreamPlan

if TYPE_CHECKING:
    from . import _generated
    from ._core import CallOptions, ClientCore
else:
    _generated = lazy_module("octoai_ext._generated")


def _infer_call(
    core: ClientCore,
    endpoint_url: str,
    inputs: Any,
    options: CallOptions,
    *,
    queue: bool = False,
    stream: bool = False,
) -> Call:
    if not isinstance(endpoint_url, str):
        raise OctoAIClientError(f"endpoint_url must be a string, not {type(endpoint_url).__name__}")
    limit = c.MAX_ASYNC_REQUEST_BYTES if queue else None
    body = encode_inputs(inputs, limit=limit, extra_body=options.extra_body)
    headers = {"Content-Type": "application/json"}
    if queue:
        headers[c.ASYNC_HEADER] = "1"
    return core.post_call(
        endpoint_url, options, explicit=True, headers=headers, stream=stream, content=body
    )


def infer(
    core: ClientCore, endpoint_url: str, inputs: Any, given: Mapping[str, Any]
) -> Flow[dict[str, Any]]:
    """A synchronous inference; any 2xx answer is a success (204 gives `{}`)."""
    options = core.options(given)
    return (yield from run(core, endpoint_url, inputs, options, options.deadline(core.clock)))


def run(
    core: ClientCore,
    endpoint_url: str,
    inputs: Any,
    options: CallOptions,
    deadline: Deadline | None,
) -> Flow[dict[str, Any]]:
    """`infer` with resolved options and a deadline shared with other calls (a batch's)."""
    spec = _infer_call(core, endpoint_url, inputs, options)
    response = yield from core.call(spec, deadline)
    return core.parse_object(response, "inference outputs")


def infer_async(
    core: ClientCore, endpoint_url: str, inputs: Any, given: Mapping[str, Any]
) -> Flow[InferenceFuture]:
    """Queue an inference and return its future."""
    options = core.options(given)
    return (yield from queue(core, endpoint_url, inputs, options, options.deadline(core.clock)))


def queue(
    core: ClientCore,
    endpoint_url: str,
    inputs: Any,
    options: CallOptions,
    deadline: Deadline | None,
) -> Flow[InferenceFuture]:
    """`infer_async` with resolved options and a deadline shared with other calls."""
    spec = _infer_call(core, endpoint_url, inputs, options, queue=True)
    response = yield from core.call(spec, deadline)
    queued = core.parse_model(
        _generated.AsyncInferenceResponse.from_dict, response, "a queued inference"
    )
    endpoint = str(spec.request.url)
    return InferenceFuture(queued.response_id, urljoin(endpoint, queued.poll_url), endpoint)


def infer_stream(
    core: ClientCore, endpoint_url: str, inputs: Any, given: Mapping[str, Any]
) -> StreamPlan[dict[str, Any]]:
    """A streamed inference: plain dicts until `[DONE]` or an event with `"done": true`."""
    options = core.options(given)
    spec = _infer_call(core, endpoint_url, inputs, options, stream=True)
    return StreamPlan(spec, options.budget, _as_is, StreamTerminator.EITHER)


def open_stream(core: ClientCore, plan: StreamPlan[Any]) -> Flow[httpx.Response]:
    """Send a streaming request (with retries) and return the answer with its body unread."""
    return core.call(plan.call, start_deadline(plan.budget, core.clock))


def future_for(core: ClientCore, response_id: str) -> InferenceFuture:
    """A future for a known `response_id`, polled on the configured async host.

    Raises:
        OctoAIClientError: `response_id` is empty.
    """
    if not isinstance(response_id, str) or not response_id:
        raise OctoAIClientError("response_id must be a non-empty string")
    path = _generated.request_status_kwargs(response_id)["url"]
    return InferenceFuture(response_id, core.settings.hosts.async_inference + path)


def _as_is(event: dict[str, Any]) -> dict[str, Any]:
    return event
