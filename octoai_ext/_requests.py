"""Turn the arguments of a public method into a request body, catching bad input before sending."""

from __future__ import annotations

import base64
import difflib
import enum
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._constants import MAX_ASYNC_REQUEST_BYTES
from ._errors import OctoAIClientError, PayloadTooLargeError
from ._lazy import lazy_module

if TYPE_CHECKING:
    from . import _generated
else:
    _generated = lazy_module("octoai_ext._generated")

#: Keyword arguments every method accepts (`RequestOptions`).
REQUEST_OPTION_NAMES = frozenset({"timeout", "max_retries", "extra_headers"})
#: Keyword arguments every method that sends a body accepts besides its fields (`BodyOptions`).
OPTION_NAMES = REQUEST_OPTION_NAMES | {"extra_body"}


def jsonable(value: Any) -> Any:
    """Generated models, enums and bytes turned into plain JSON values (bytes become base64)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise OctoAIClientError(
        f"cannot send a {type(value).__name__} as JSON; "
        "convert it to a string, number, list or dict"
    )


def split_options(
    params: Mapping[str, Any], names: frozenset[str] = OPTION_NAMES
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Separate per-call options (`names`: `timeout`, `max_retries`, ...) from the rest."""
    rest: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in params.items():
        (options if key in names else rest)[key] = value
    return rest, options


def check_names(given: Iterable[str], allowed: frozenset[str], method: str) -> None:
    """Refuse a keyword argument that is not a field of the request, suggesting the closest.

    Raises:
        OctoAIClientError: An unknown name.
    """
    for name in given:
        if name not in allowed:
            close = difflib.get_close_matches(name, sorted(allowed | OPTION_NAMES), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise OctoAIClientError(
                f"{method}() got an unexpected argument {name!r}{hint} "
                "(pass fields this client does not know with extra_body={...})"
            )


def _message_dict(index: int, message: Any) -> Any:
    if isinstance(message, _generated.ChatMessage):
        return message.to_dict()
    if isinstance(message, Mapping):
        if not isinstance(message.get("role"), str):
            raise OctoAIClientError(f"messages[{index}] needs a string 'role'")
        return jsonable(message)
    raise OctoAIClientError(
        f"messages[{index}] must be a ChatMessage or a dict such as "
        f"{{'role': 'user', 'content': '...'}}, not {type(message).__name__}"
    )


def _body_fields(params: Mapping[str, Any]) -> dict[str, Any]:
    # Unset (None) optional arguments are left out so the service applies its own defaults.
    return {key: jsonable(value) for key, value in params.items() if value is not None}


def _model_name(model: Any) -> str:
    name = model.value if isinstance(model, enum.Enum) else model
    if not isinstance(name, str) or not name:
        raise OctoAIClientError(f"model must be a non-empty string, not {model!r}")
    return name


def chat_request(
    model: Any, messages: Any, params: Mapping[str, Any], *, stream: bool, extra_body: Any = None
) -> dict[str, Any]:
    """The JSON body of a `ChatCompletionRequest`, checked.

    The body is built as plain JSON rather than through the generated model and back: the
    model adds no check the server does not make (with a 422 naming the field), and the round
    trip was a tenth of the client's cost per call.

    Raises:
        OctoAIClientError: An argument is unknown or has the wrong shape.
    """
    check_names(params, _generated.CHAT_REQUEST_FIELDS, "create_chat_completion")
    if isinstance(messages, str | bytes) or not isinstance(messages, Iterable):
        raise OctoAIClientError("messages must be a list of messages")
    body = _body_fields(params)
    body["model"] = _model_name(model)
    body["messages"] = [_message_dict(i, m) for i, m in enumerate(messages)]
    if not body["messages"]:
        raise OctoAIClientError("messages must not be empty")
    body["stream"] = stream
    return _with_extra_body(body, extra_body)


def completion_request(
    model: Any, prompt: Any, params: Mapping[str, Any], *, stream: bool, extra_body: Any = None
) -> dict[str, Any]:
    """The JSON body of a `CompletionRequest`, checked.

    Raises:
        OctoAIClientError: An argument is unknown or has the wrong shape.
    """
    check_names(params, _generated.COMPLETION_REQUEST_FIELDS, "create_completion")
    if prompt is None:
        raise OctoAIClientError("prompt is required")
    body = _body_fields(params)
    body["model"] = _model_name(model)
    body["prompt"] = jsonable(prompt)
    body["stream"] = stream
    return _with_extra_body(body, extra_body)


def image_request(
    prompt: str, params: Mapping[str, Any], *, extra_body: Any = None
) -> dict[str, Any]:
    """The JSON body of an `ImageGenerationRequest`, checked.

    Raises:
        OctoAIClientError: An argument is unknown or cannot be sent as JSON.
    """
    check_names(params, _generated.IMAGE_REQUEST_FIELDS - {"prompt"}, "generate")
    body = _body_fields(params)
    body["prompt"] = prompt
    return _with_extra_body(body, extra_body)


def _with_extra_body(body: dict[str, Any], extra_body: Any) -> dict[str, Any]:
    # Fields this client does not know, sent as given; they win over the arguments.
    if extra_body:
        body.update(jsonable(extra_body))
    return body


def encode_inputs(inputs: Any, *, limit: int | None = None, extra_body: Any = None) -> bytes:
    """JSON-encode inference inputs, with bytes as base64, optionally enforcing a size limit.

    The fields of `extra_body`, if any, are merged over the inputs.

    Raises:
        OctoAIClientError: The inputs are not a mapping or cannot be encoded.
        PayloadTooLargeError: The encoded body is over `limit` bytes.
    """
    if not isinstance(inputs, Mapping):
        raise OctoAIClientError(f"inputs must be a dict, not {type(inputs).__name__}")
    if extra_body:
        inputs = {**inputs, **extra_body}
    try:
        body = json.dumps(jsonable(inputs), separators=(",", ":"), allow_nan=False).encode()
    except ValueError as exc:
        raise OctoAIClientError(f"inputs cannot be sent as JSON: {exc}") from None
    if limit is not None and len(body) > limit:
        raise PayloadTooLargeError(
            f"the request body is {len(body):,} bytes; asynchronous inference requests are "
            f"limited to {MAX_ASYNC_REQUEST_BYTES:,} bytes (10 MB)"
        )
    return body
