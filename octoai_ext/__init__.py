"""A typed client for the OctoAI inference API.

from octoai_ext import OctoAI

with OctoAI() as client:  # the token comes from OCTOAI_TOKEN
    completion = client.text_gen.create_chat_completion(
        model="meta-llama-3.1-8b-instruct",
        messages=[{"role": "user", "content": "Write a haiku about octopuses"}],
    )
    print(completion.choices[0].message.content)
"""

import typing as _typing

from ._batch.errors import BatchInputError, LedgerError, LedgerMismatchError
from ._errors import (
    AssetDeletedError,
    AssetFailedError,
    AssetRejectedError,
    AuthenticationError,
    ConflictError,
    FutureExpiredError,
    InferenceFailedError,
    NotFoundError,
    OctoAIClientError,
    OctoAIConnectionError,
    OctoAIError,
    OctoAIServerError,
    OctoAITimeoutError,
    PayloadTooLargeError,
    RateLimitError,
    RequestValidationError,
    StreamError,
    TuneCancelledError,
    TuneFailedError,
)
from ._futures import AsyncStatus, InferenceFuture
from ._response import APIResponse
from ._streaming import AsyncStream, Stream
from ._text_models import TextModel, get_model_list
from ._types import (
    NOT_GIVEN,
    BodyOptions,
    ChatParams,
    CompletionParams,
    ImageParams,
    Message,
    NotGiven,
    ProgressCallback,
    RequestOptions,
    WaitProgress,
)
from ._version import __version__
from .client import OctoAI

if _typing.TYPE_CHECKING:
    from octoai_api.models import (
        Asset,
        ChatCompletionChunk,
        ChatCompletionResponse,
        ChatMessage,
        CheckpointData,
        CompletionChunk,
        CompletionResponse,
        FileData,
        ImageGenerationResponse,
        ListAssetsResponse,
        ListTunesResponse,
        LoraData,
        LoraTune,
        Tune,
    )

    from ._batch.ledger import BatchLedger, LedgerSummary
    from ._batch.progress import BatchProgress, BatchProgressCallback
    from .aio import AsyncOctoAI
    from .resources.batch import AsyncBatch, Batch

# Loaded on first access: the generated models and asyncio are not needed to build a client.
_LAZY = {
    "Asset": "octoai_api.models",
    "AsyncBatch": "octoai_ext.resources.batch",
    "AsyncOctoAI": "octoai_ext.aio",
    "Batch": "octoai_ext.resources.batch",
    "BatchLedger": "octoai_ext._batch.ledger",
    "BatchProgress": "octoai_ext._batch.progress",
    "BatchProgressCallback": "octoai_ext._batch.progress",
    "ChatCompletionChunk": "octoai_api.models",
    "ChatCompletionResponse": "octoai_api.models",
    "ChatMessage": "octoai_api.models",
    "CheckpointData": "octoai_api.models",
    "CompletionChunk": "octoai_api.models",
    "CompletionResponse": "octoai_api.models",
    "FileData": "octoai_api.models",
    "ImageGenerationResponse": "octoai_api.models",
    "LedgerSummary": "octoai_ext._batch.ledger",
    "ListAssetsResponse": "octoai_api.models",
    "ListTunesResponse": "octoai_api.models",
    "LoraData": "octoai_api.models",
    "LoraTune": "octoai_api.models",
    "Tune": "octoai_api.models",
}

__all__ = [
    "NOT_GIVEN",
    "APIResponse",
    "Asset",
    "AssetDeletedError",
    "AssetFailedError",
    "AssetRejectedError",
    "AsyncBatch",
    "AsyncOctoAI",
    "AsyncStatus",
    "AsyncStream",
    "AuthenticationError",
    "Batch",
    "BatchInputError",
    "BatchLedger",
    "BatchProgress",
    "BatchProgressCallback",
    "BodyOptions",
    "ChatCompletionChunk",
    "ChatCompletionResponse",
    "ChatMessage",
    "ChatParams",
    "CheckpointData",
    "CompletionChunk",
    "CompletionParams",
    "CompletionResponse",
    "ConflictError",
    "FileData",
    "FutureExpiredError",
    "ImageGenerationResponse",
    "ImageParams",
    "InferenceFailedError",
    "InferenceFuture",
    "LedgerError",
    "LedgerMismatchError",
    "LedgerSummary",
    "ListAssetsResponse",
    "ListTunesResponse",
    "LoraData",
    "LoraTune",
    "Message",
    "NotFoundError",
    "NotGiven",
    "OctoAI",
    "OctoAIClientError",
    "OctoAIConnectionError",
    "OctoAIError",
    "OctoAIServerError",
    "OctoAITimeoutError",
    "PayloadTooLargeError",
    "ProgressCallback",
    "RateLimitError",
    "RequestOptions",
    "RequestValidationError",
    "Stream",
    "StreamError",
    "TextModel",
    "Tune",
    "TuneCancelledError",
    "TuneFailedError",
    "WaitProgress",
    "__version__",
    "get_model_list",
]


def _home(obj: _typing.Any) -> _typing.Any:
    # Public names report this package as their home, as httpx does.
    if getattr(obj, "__module__", "").startswith("octoai_ext."):
        obj.__module__ = "octoai_ext"
    return obj


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'octoai_ext' has no attribute {name!r}")
    import importlib

    value = _home(getattr(importlib.import_module(module), name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


for _name in __all__:
    if _name not in _LAZY:
        _home(globals()[_name])
del _name
