"""The types users write in their own code: the `NOT_GIVEN` sentinel, per-call options, params.

Every method that sends a request takes the same per-call options (`RequestOptions`:
`timeout`, `max_retries`, `extra_headers`), and methods that send a JSON body also take
`extra_body` (`BodyOptions`). The text-generation body fields mirror `ChatCompletionRequest`
and `CompletionRequest` in `openapi.yaml`; a field left out is not sent, so the service applies
its documented default. Generated model instances and plain dicts are both accepted wherever the
spec has an object.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypedDict, Union

import httpx

if TYPE_CHECKING:
    from octoai_api.models import (
        AssetType,
        BaseEngine,
        BaseEngineType,
        ChatMessage,
        DataType,
        FileExtension,
        FileFormat,
        FunctionChoice,
        ResponseFormat,
        StreamOptions,
        ToolChoiceMode,
        ToolDefinition,
        TuneType,
    )

__all__ = [
    "NOT_GIVEN",
    "AssetFilters",
    "BodyOptions",
    "ChatParams",
    "CompletionParams",
    "ImageParams",
    "Message",
    "NotGiven",
    "ProgressCallback",
    "RequestOptions",
    "Timeout",
    "TuneFilters",
    "WaitProgress",
]


class NotGiven(enum.Enum):
    """The type of `NOT_GIVEN`, which tells "not passed" apart from an explicit `None`."""

    NOT_GIVEN = enum.auto()

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False


#: "Not passed": the client's default applies. `None` is a value (for `timeout`: no limit).
NOT_GIVEN: Final = NotGiven.NOT_GIVEN

#: A timeout: seconds for the whole operation, per-phase `httpx.Timeout` limits, or None.
Timeout: TypeAlias = float | httpx.Timeout | None


class RequestOptions(TypedDict, total=False):
    """Per-call options accepted by every method that sends a request.

    `timeout` in seconds bounds the whole operation: every attempt, the pauses between
    retries and the request in flight. An `httpx.Timeout` sets per-phase limits (connect, read,
    write, pool) for each request of the call instead, with no overall bound; `None` turns every
    limit off. For a stream, the operation is opening it (up to the first byte of the answer);
    its events are then bounded by the client's `stream_idle_timeout`, per read.
    """

    #: Seconds for the whole call, per-phase `httpx.Timeout` limits, or None for no limit.
    timeout: float | httpx.Timeout | None
    #: Retries for this call instead of the client's `max_retries` (0 turns them off).
    max_retries: int
    #: Extra headers for every request of this call.
    extra_headers: Mapping[str, str] | None


class BodyOptions(RequestOptions, total=False):
    """Per-call options of the methods that send a JSON body: `RequestOptions` and `extra_body`."""

    #: Extra JSON body fields this client does not know about; they win over known fields.
    extra_body: Mapping[str, Any] | None


#: A chat message: the generated `ChatMessage`, or a dict like `{"role": ..., "content": ...}`.
Message: TypeAlias = Union["ChatMessage", Mapping[str, Any]]


class _SamplingParams(BodyOptions, total=False):
    max_tokens: int | None
    temperature: float | None
    top_p: float | None
    min_p: float | None
    n: int | None
    stop: str | Sequence[str] | None
    presence_penalty: float | None
    frequency_penalty: float | None
    repetition_penalty: float | None
    seed: int | None
    logit_bias: Mapping[str, float] | None
    ignore_eos: bool | None
    log_prompt: bool | None
    loglikelihood: bool | None
    peft: str | None
    stream_options: StreamOptions | Mapping[str, Any] | None
    user: str | None


class ChatParams(_SamplingParams, total=False):
    """Optional fields of a chat completion request, and the per-call options."""

    response_format: ResponseFormat | Mapping[str, Any] | None
    tools: Sequence[ToolDefinition | Mapping[str, Any]] | None
    tool_choice: ToolChoiceMode | str | FunctionChoice | Mapping[str, Any] | None
    logprobs: bool | None
    top_logprobs: int | None


class CompletionParams(_SamplingParams, total=False):
    """Optional fields of a text completion request, and the per-call options."""

    suffix: str | None
    best_of: int | None
    echo: bool | None
    logprobs: int | None


class ImageParams(BodyOptions, total=False):
    """Optional fields of an image generation request, and the per-call options.

    Fields this list leaves out (inpainting, ControlNet, ...) go in `extra_body`.
    """

    negative_prompt: str | None
    width: int | None
    height: int | None
    num_images: int | None
    steps: int | None
    cfg_scale: float | None
    seed: int | Sequence[int | None] | None
    sampler: str | None
    style_preset: str | None
    image_encoding: str | None
    checkpoint: str | None
    vae: str | None
    #: LoRAs by name (an asset name, your own or `owner:name`) and weight.
    loras: Mapping[str, float] | None
    textual_inversions: Mapping[str, str] | None
    clip_skip: int | None
    init_image: str | None
    strength: float | None
    use_refiner: bool | None
    high_noise_frac: float | None
    log_prompt: bool | None


class AssetFilters(RequestOptions, total=False):
    """Filters of an asset listing (each may be left out), and the per-call options.

    `asset_type`, `engine`, `file_format` and `asset_ids` take one value or several.
    """

    name: str | None
    is_public: bool | None
    owner: str | None
    asset_type: AssetType | str | Sequence[AssetType | str] | None
    engine: BaseEngine | str | Sequence[BaseEngine | str] | None
    engine_type: BaseEngineType | str | None
    data_type: DataType | str | None
    file_format: (
        FileFormat | FileExtension | str | Sequence[FileFormat | FileExtension | str] | None
    )
    asset_ids: Sequence[str] | None
    get_preview_urls: bool | None


class TuneFilters(RequestOptions, total=False):
    """Filters of a tune listing (each may be left out), and the per-call options.

    `base_checkpoint` takes an `Asset` or its id (sent as `base_checkpoint_id`).
    """

    name: str | None
    tune_type: TuneType | str | None
    base_checkpoint: Any
    base_checkpoint_id: str | None
    trigger_words: str | Sequence[str] | None
    engine: BaseEngine | str | None


@dataclass(frozen=True, slots=True)
class WaitProgress:
    """What a wait reports to its `on_progress` callback after each check.

    Attributes:
        subject: What is awaited: a request id, a URL, an asset or tune id.
        state: Its state as last seen: a status (`pending`, `running`, `uploaded`, ...), an
            HTTP status code as text (`503`), or `unreachable`.
        elapsed: Seconds since the wait began.
        checks: How many checks (polls, probes) were made so far.
        next_check_in: Seconds until the next check, or None once the wait is over.
    """

    subject: str
    state: str
    elapsed: float
    checks: int
    next_check_in: float | None


#: A callback that waits call after every check; it must return quickly.
ProgressCallback: TypeAlias = Callable[[WaitProgress], None]
