"""Chat and text completions, plain and streamed, as flows and stream plans over a core."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._flows import Call, Flow
from ._lazy import lazy_module
from ._requests import chat_request, completion_request, split_options
from ._sse import StreamTerminator
from ._streaming import StreamPlan

if TYPE_CHECKING:
    from . import _fast_models, _generated
    from ._core import CallOptions, ClientCore
    from ._generated import (
        ChatCompletionChunk,
        ChatCompletionResponse,
        CompletionChunk,
        CompletionResponse,
    )
else:
    _fast_models = lazy_module("octoai_ext._fast_models")
    _generated = lazy_module("octoai_ext._generated")


def _text_call(
    core: ClientCore,
    route: Mapping[str, Any],
    body: dict[str, Any],
    options: CallOptions,
    *,
    stream: bool,
) -> Call:
    url = core.settings.hosts.text_gen + route["url"]
    headers = route.get("headers", {})
    return core.post_call(url, options, explicit=False, headers=headers, stream=stream, json=body)


def _chat_call(
    core: ClientCore, model: Any, messages: Any, params: Mapping[str, Any], *, stream: bool
) -> tuple[Call, CallOptions]:
    body, given = split_options(params)
    options = core.options(given)
    request = chat_request(model, messages, body, stream=stream, extra_body=options.extra_body)
    return _text_call(
        core, _generated.CHAT_COMPLETION_ROUTE, request, options, stream=stream
    ), options


def _completion_call(
    core: ClientCore, model: Any, prompt: Any, params: Mapping[str, Any], *, stream: bool
) -> tuple[Call, CallOptions]:
    body, given = split_options(params)
    options = core.options(given)
    request = completion_request(model, prompt, body, stream=stream, extra_body=options.extra_body)
    route = _generated.COMPLETION_ROUTE
    return _text_call(core, route, request, options, stream=stream), options


def chat(
    core: ClientCore, model: Any, messages: Any, params: Mapping[str, Any]
) -> Flow[ChatCompletionResponse]:
    """A chat completion, parsed."""
    spec, options = _chat_call(core, model, messages, params, stream=False)
    response = yield from core.call(spec, options.deadline(core.clock))
    return core.parse_model(_fast_models.chat_completion, response, "a chat completion")


def completion(
    core: ClientCore, model: Any, prompt: Any, params: Mapping[str, Any]
) -> Flow[CompletionResponse]:
    """A text completion, parsed."""
    spec, options = _completion_call(core, model, prompt, params, stream=False)
    response = yield from core.call(spec, options.deadline(core.clock))
    return core.parse_model(_generated.CompletionResponse.from_dict, response, "a completion")


def chat_stream(
    core: ClientCore, model: Any, messages: Any, params: Mapping[str, Any]
) -> StreamPlan[ChatCompletionChunk]:
    """A streamed chat completion: typed chunks until `data: [DONE]`."""
    spec, options = _chat_call(core, model, messages, params, stream=True)
    return StreamPlan(spec, options.budget, _fast_models.chat_chunk, StreamTerminator.DONE_SENTINEL)


def completion_stream(
    core: ClientCore, model: Any, prompt: Any, params: Mapping[str, Any]
) -> StreamPlan[CompletionChunk]:
    """A streamed text completion: typed chunks until `data: [DONE]`.

    A chunk's choice may lack `text` (the last one of some proxies carries only
    `finish_reason`), so chunks are `CompletionChunk`, not whole `CompletionResponse`s.
    """
    spec, options = _completion_call(core, model, prompt, params, stream=True)
    parse = _generated.CompletionChunk.from_dict
    return StreamPlan(spec, options.budget, parse, StreamTerminator.DONE_SENTINEL)
