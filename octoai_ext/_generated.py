"""The one module that reaches into the generated package's private request builders.

The generated endpoint functions read the whole body and return documented errors as values;
this package needs streaming, retries and typed exceptions, so it sends the requests itself.
It still takes method, path, headers and body encoding from the generated `_get_kwargs`, so
they come from `openapi.yaml`. A generator upgrade that renames them breaks here and only here.
"""

from __future__ import annotations

from typing import Any, Final

from octoai_api.api.async_inference.get_request_status import (
    _get_kwargs as request_status_kwargs,
)
from octoai_api.api.async_inference.get_response import _get_kwargs as response_kwargs
from octoai_api.api.health.health_check import _get_kwargs as health_check_kwargs
from octoai_api.api.inference.infer import _get_kwargs as infer_kwargs
from octoai_api.api.text_gen.create_chat_completion import (
    _get_kwargs as chat_completion_kwargs,
)
from octoai_api.api.text_gen.create_completion import _get_kwargs as completion_kwargs
from octoai_api.models import (
    AsyncInferenceResponse,
    AsyncInferenceStatus,
    ChatCompletionChunk,
    ChatCompletionRequest,
    ChatCompletionResponse,
    ChatMessage,
    CompletionChunk,
    CompletionRequest,
    CompletionResponse,
)

__all__ = [
    "CHAT_COMPLETION_ROUTE",
    "CHAT_REQUEST_FIELDS",
    "COMPLETION_REQUEST_FIELDS",
    "COMPLETION_ROUTE",
    "AsyncInferenceResponse",
    "AsyncInferenceStatus",
    "ChatCompletionChunk",
    "ChatCompletionRequest",
    "ChatCompletionResponse",
    "ChatMessage",
    "CompletionChunk",
    "CompletionRequest",
    "CompletionResponse",
    "chat_completion_kwargs",
    "completion_kwargs",
    "health_check_kwargs",
    "infer_kwargs",
    "request_status_kwargs",
    "response_kwargs",
]


def _field_names(model: Any) -> frozenset[str]:
    # The attrs fields of a generated request model are exactly the spec's properties.
    return frozenset(
        f.alias or f.name for f in model.__attrs_attrs__ if f.name != "additional_properties"
    )


CHAT_REQUEST_FIELDS: Final = _field_names(ChatCompletionRequest)
COMPLETION_REQUEST_FIELDS: Final = _field_names(CompletionRequest)


def _route(kwargs: dict[str, Any]) -> dict[str, Any]:
    # Method, path and headers of an operation whose body this package encodes itself.
    return {key: value for key, value in kwargs.items() if key != "json"}


CHAT_COMPLETION_ROUTE: Final = _route(
    chat_completion_kwargs(body=ChatCompletionRequest(model="", messages=[]))
)
COMPLETION_ROUTE: Final = _route(completion_kwargs(body=CompletionRequest(model="", prompt="")))
