"""The chat and text-completion operations of the development server."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from starlette.responses import Response

from .._text_models import get_model_list
from .faults import Faults
from .payloads import chat_body, chat_stream, completion_body, completion_stream, new_id
from .responses import error_response, json_response
from .textgen import Generation, generate, prompt_from_completion, prompt_from_messages

__all__ = ["MAX_CHOICES", "chat_completion", "text_completion"]

#: The most choices (``n``) one request may ask for; a local server has no use for more.
MAX_CHOICES: Final = 16
_DEFAULT_MAX_TOKENS: Final = 512
_KNOWN_MODELS: Final = frozenset(get_model_list())


def _given(body: Mapping[str, Any]) -> dict[str, Any]:
    """The fields a request gives: wherever the spec allows null, null means "not given"."""
    return {name: value for name, value in body.items() if value is not None}


def _refusal(body: Mapping[str, Any]) -> Response | None:
    model = body["model"]
    if model not in _KNOWN_MODELS:
        return error_response(404, f"Model not found: {model}", "not_found_error", param="model")
    if body.get("n", 1) > MAX_CHOICES:
        return error_response(
            400,
            f"n must be at most {MAX_CHOICES} on this server.",
            "invalid_request_error",
            param="n",
        )
    return None


def generations(body: Mapping[str, Any], prompt: str) -> list[Generation]:
    """Generate every choice a request asks for."""
    return [
        generate(
            str(body["model"]),
            prompt,
            max_tokens=int(body.get("max_tokens", _DEFAULT_MAX_TOKENS)),
            stop=body.get("stop"),
            seed=body.get("seed"),
            index=index,
        )
        for index in range(int(body.get("n", 1)))
    ]


def _include_usage(body: Mapping[str, Any]) -> bool:
    options = body.get("stream_options") or {}
    return bool(options.get("include_usage", False))


def chat_completion(body: Mapping[str, Any], faults: Faults | None, *, created: int) -> Response:
    """Answer ``POST /v1/chat/completions`` for a validated body, dated ``created``."""
    body = _given(body)
    if (refusal := _refusal(body)) is not None:
        return refusal
    model = str(body["model"])
    choices = generations(body, prompt_from_messages(body["messages"]))
    completion_id = new_id("chatcmpl")
    if body.get("stream"):
        stream = chat_stream(
            completion_id, model, choices, include_usage=_include_usage(body), created=created
        )
        return stream.response(faults)
    return json_response(chat_body(completion_id, model, choices, created))


def text_completion(body: Mapping[str, Any], faults: Faults | None, *, created: int) -> Response:
    """Answer ``POST /v1/completions`` for a validated body, dated ``created``."""
    body = _given(body)
    if (refusal := _refusal(body)) is not None:
        return refusal
    model = str(body["model"])
    choices = generations(body, prompt_from_completion(body.get("prompt")))
    completion_id = new_id("cmpl")
    if body.get("stream"):
        stream = completion_stream(
            completion_id, model, choices, include_usage=_include_usage(body), created=created
        )
        return stream.response(faults)
    return json_response(completion_body(completion_id, model, choices, created))
