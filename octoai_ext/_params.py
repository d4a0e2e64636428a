"""Typed keyword arguments of the text-generation methods, shared by both clients.

The body fields mirror `ChatCompletionRequest` and `CompletionRequest` in `openapi.yaml`; a
field left out is not sent, so the service applies its documented default. Generated model
instances and plain dicts are both accepted wherever the spec has an object.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict

import httpx

if TYPE_CHECKING:
    from octoai_api.models import (
        ChatMessage,
        FunctionChoice,
        ResponseFormat,
        StreamOptions,
        ToolChoiceMode,
        ToolDefinition,
    )


#: A chat message: the generated `ChatMessage`, or a dict like `{"role": ..., "content": ...}`.
Message: TypeAlias = "ChatMessage | Mapping[str, Any]"


class RequestOptions(TypedDict, total=False):
    """Per-call options accepted by every method."""

    #: Seconds (or an `httpx.Timeout`) for this call instead of the client's default.
    timeout: float | httpx.Timeout | None
    #: Retries for this call instead of the client's `max_retries`.
    max_retries: int
    #: Extra headers for this call.
    extra_headers: Mapping[str, str]
    #: Extra JSON body fields this client does not know about.
    extra_body: Mapping[str, Any]


class InferOptions(TypedDict, total=False):
    """Per-call options of the inference methods."""

    #: Seconds (or an `httpx.Timeout`) for this call instead of the client's default.
    timeout: float | httpx.Timeout | None
    #: Retries for this call instead of the client's `max_retries`.
    max_retries: int | None
    #: Extra headers for this call.
    extra_headers: Mapping[str, str] | None


class _SamplingParams(RequestOptions, total=False):
    max_tokens: int
    temperature: float
    top_p: float
    min_p: float
    n: int
    stop: str | Sequence[str] | None
    presence_penalty: float
    frequency_penalty: float
    repetition_penalty: float
    seed: int | None
    logit_bias: Mapping[str, float] | None
    ignore_eos: bool
    log_prompt: bool
    loglikelihood: bool
    peft: str | None
    stream_options: StreamOptions | Mapping[str, Any]
    user: str | None


class ChatParams(_SamplingParams, total=False):
    """Optional fields of a chat completion request."""

    response_format: ResponseFormat | Mapping[str, Any] | None
    tools: Sequence[ToolDefinition | Mapping[str, Any]] | None
    tool_choice: ToolChoiceMode | str | FunctionChoice | Mapping[str, Any] | None
    logprobs: bool
    top_logprobs: int


class CompletionParams(_SamplingParams, total=False):
    """Optional fields of a text completion request."""

    suffix: str | None
    best_of: int
    echo: bool
    logprobs: int | None
