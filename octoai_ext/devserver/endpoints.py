"""The generic inference endpoints of the development server (``POST /infer/{endpoint}``).

``echo`` answers its inputs, ``slow`` first takes ``duration`` seconds of the server's clock,
``fail`` fails, ``tokens`` generates text (HuggingFace-style stream) and ``chat`` answers a chat
(OpenAI-style stream).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from .clock import Timeline
from .payloads import chat_body, chat_stream, new_id
from .streaming import EventStream, sse_event
from .textgen import generate, prompt_from_messages

__all__ = [
    "CHAT_ENDPOINT_MODEL",
    "ENDPOINTS",
    "MAX_SLEEP",
    "TOKENS_ENDPOINT_MODEL",
    "EndpointError",
    "run_endpoint",
    "stream_endpoint",
]

#: The endpoints this server offers.
ENDPOINTS: Final = frozenset({"echo", "slow", "fail", "tokens", "chat"})
#: ``slow`` never takes longer than this.
MAX_SLEEP: Final = 300.0
#: The model name ``tokens`` generates with (see `textgen.generate`).
TOKENS_ENDPOINT_MODEL: Final = "tokens"
#: The model name ``chat`` generates with when the inputs name none.
CHAT_ENDPOINT_MODEL: Final = "devserver-chat"
_DEFAULT_TOKENS: Final = 16


class EndpointError(Exception):
    """An endpoint refused or failed a request.

    Attributes:
        status: 400 for bad inputs, 500 for a failed inference.
        param: The input the error is about, if any.
    """

    def __init__(self, message: str, *, status: int, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.param = param


def _number(inputs: Mapping[str, Any], name: str, default: float) -> float:
    value = inputs.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EndpointError(f"{name} must be a number", status=400, param=name)
    return float(value)


def _positive_int(inputs: Mapping[str, Any], name: str, default: int) -> int:
    value = inputs.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise EndpointError(f"{name} must be a positive integer", status=400, param=name)
    return value


def _seed(inputs: Mapping[str, Any]) -> int | None:
    seed = inputs.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise EndpointError("seed must be an integer", status=400, param="seed")
    return seed


def _messages(inputs: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    messages = inputs.get("messages", [])
    if not isinstance(messages, list) or not all(isinstance(m, Mapping) for m in messages):
        raise EndpointError("messages must be a list of objects", status=400, param="messages")
    return messages


def _tokens(inputs: Mapping[str, Any]) -> list[str]:
    prompt = inputs.get("prompt", "")
    if not isinstance(prompt, str):
        raise EndpointError("prompt must be a string", status=400, param="prompt")
    max_tokens = _positive_int(inputs, "max_tokens", _DEFAULT_TOKENS)
    return generate(TOKENS_ENDPOINT_MODEL, prompt, max_tokens=max_tokens, seed=_seed(inputs)).tokens


def _chat(inputs: Mapping[str, Any]) -> tuple[str, list[Any]]:
    model = str(inputs.get("model", CHAT_ENDPOINT_MODEL))
    prompt = prompt_from_messages(_messages(inputs))
    max_tokens = _positive_int(inputs, "max_tokens", _DEFAULT_TOKENS)
    generation = generate(model, prompt, max_tokens=max_tokens, seed=_seed(inputs))
    return model, [generation]


async def run_endpoint(
    endpoint: str, inputs: Mapping[str, Any], timeline: Timeline
) -> dict[str, Any]:
    """Run an endpoint and return its outputs (the non-streaming answer).

    Args:
        endpoint: The endpoint's name.
        inputs: The request's inputs.
        timeline: The server's time for this inference: ``slow`` waits on it, from its start.

    Raises:
        KeyError: The endpoint does not exist.
        EndpointError: The inputs are bad, or the endpoint failed.
    """
    if endpoint == "echo":
        return {"echo": dict(inputs)}
    if endpoint == "slow":
        duration = min(max(_number(inputs, "duration", 1.0), 0.0), MAX_SLEEP)
        await timeline.wait(duration)
        return {"echo": dict(inputs), "slept": duration}
    if endpoint == "fail":
        raise EndpointError(str(inputs.get("message", "inference failed")), status=500)
    if endpoint == "tokens":
        return {"generated_text": "".join(_tokens(inputs))}
    if endpoint == "chat":
        model, choices = _chat(inputs)
        created = int(timeline.clock.time())
        return chat_body(new_id("chatcmpl"), model, choices, created)
    raise KeyError(endpoint)


def stream_endpoint(
    endpoint: str, inputs: Mapping[str, Any], *, created: int
) -> EventStream | None:
    """Return the event stream of a streaming request, or None when it does not stream.

    Args:
        endpoint: The endpoint's name.
        inputs: The request's inputs.
        created: The Unix time of the answer, for the chunks' ``created``.

    Raises:
        EndpointError: The inputs are bad.
    """
    if not inputs.get("stream"):
        return None
    if endpoint == "tokens":
        tokens = _tokens(inputs)
        events = [
            sse_event({"token": {"id": i, "text": text}, "generated_text": None, "done": False})
            for i, text in enumerate(tokens[:-1])
        ]
        last = len(tokens) - 1
        final = {
            "token": {"id": last, "text": tokens[-1]},
            "generated_text": "".join(tokens),
            "done": True,
        }
        return EventStream(events, sse_event(final))
    if endpoint == "chat":
        model, choices = _chat(inputs)
        options = inputs.get("stream_options")
        include_usage = isinstance(options, Mapping) and bool(options.get("include_usage"))
        return chat_stream(
            new_id("chatcmpl"), model, choices, include_usage=include_usage, created=created
        )
    return None
