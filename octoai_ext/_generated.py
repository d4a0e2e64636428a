"""The one module that reaches into the generated package's private request builders.

The generated endpoint functions read the whole body and return documented errors as values;
this package needs streaming, retries and typed exceptions, so it sends the requests itself.
It still takes method, path, headers and body encoding from the generated `_get_kwargs`, so
they come from `openapi.yaml`. A generator upgrade that renames them breaks here and only here.
"""

from __future__ import annotations

from typing import Any, Final

from octoai_api.api.assets.complete_asset_upload import (
    _get_kwargs as complete_asset_upload_kwargs,
)
from octoai_api.api.assets.create_asset import _get_kwargs as create_asset_kwargs
from octoai_api.api.assets.delete_asset import _get_kwargs as delete_asset_kwargs
from octoai_api.api.assets.get_asset import _get_kwargs as get_asset_kwargs
from octoai_api.api.assets.list_assets import _get_kwargs as list_assets_kwargs
from octoai_api.api.async_inference.get_request_status import (
    _get_kwargs as request_status_kwargs,
)
from octoai_api.api.async_inference.get_response import _get_kwargs as response_kwargs
from octoai_api.api.health.health_check import _get_kwargs as health_check_kwargs
from octoai_api.api.image_gen.generate_sdxl import _get_kwargs as generate_sdxl_kwargs
from octoai_api.api.image_gen.generate_ssd import _get_kwargs as generate_ssd_kwargs
from octoai_api.api.inference.infer import _get_kwargs as infer_kwargs
from octoai_api.api.text_gen.create_chat_completion import (
    _get_kwargs as chat_completion_kwargs,
)
from octoai_api.api.text_gen.create_completion import _get_kwargs as completion_kwargs
from octoai_api.api.tune.cancel_tune import _get_kwargs as cancel_tune_kwargs
from octoai_api.api.tune.create_tune import _get_kwargs as create_tune_kwargs
from octoai_api.api.tune.delete_tune import _get_kwargs as delete_tune_kwargs
from octoai_api.api.tune.get_tune import _get_kwargs as get_tune_kwargs
from octoai_api.api.tune.list_tunes import _get_kwargs as list_tunes_kwargs
from octoai_api.models import (
    Asset,
    AssetType,
    AsyncInferenceResponse,
    AsyncInferenceStatus,
    ChatCompletionChunk,
    ChatCompletionRequest,
    ChatCompletionResponse,
    ChatMessage,
    CompleteAssetUploadResponse,
    CompletionChunk,
    CompletionRequest,
    CompletionResponse,
    CreateAssetRequest,
    CreateAssetResponse,
    CreateTuneRequest,
    DeleteAssetResponse,
    FileData,
    ImageGenerationRequest,
    ImageGenerationResponse,
    ListAssetsResponse,
    ListTunesResponse,
    PresignedUrlTransferApi,
    RetrieveAssetResponse,
    TextToSpeechLatentTune,
    Tune,
)

__all__ = [
    "ASSET_ROUTES",
    "CHAT_COMPLETION_ROUTE",
    "CHAT_REQUEST_FIELDS",
    "COMPLETION_REQUEST_FIELDS",
    "COMPLETION_ROUTE",
    "IMAGE_REQUEST_FIELDS",
    "IMAGE_ROUTES",
    "TUNE_ROUTES",
    "Asset",
    "AsyncInferenceResponse",
    "AsyncInferenceStatus",
    "ChatCompletionChunk",
    "ChatCompletionRequest",
    "ChatCompletionResponse",
    "ChatMessage",
    "CompleteAssetUploadResponse",
    "CompletionChunk",
    "CompletionRequest",
    "CompletionResponse",
    "CreateAssetResponse",
    "DeleteAssetResponse",
    "ImageGenerationResponse",
    "ListAssetsResponse",
    "ListTunesResponse",
    "PresignedUrlTransferApi",
    "RetrieveAssetResponse",
    "Tune",
    "cancel_tune_kwargs",
    "chat_completion_kwargs",
    "complete_asset_upload_kwargs",
    "completion_kwargs",
    "delete_asset_kwargs",
    "delete_tune_kwargs",
    "get_asset_kwargs",
    "get_tune_kwargs",
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


def _path(kwargs: dict[str, Any]) -> tuple[str, str]:
    return kwargs["method"].upper(), kwargs["url"]


class _Routes:
    """Method and path (with its parameter quoted, as the spec says) of a platform operation."""

    def __init__(self, **builders: Any) -> None:
        self._builders = builders

    def __call__(self, operation: str, *args: str) -> tuple[str, str]:
        return _path(self._builders[operation](*args))


ASSET_ROUTES: Final = _Routes(
    list=lambda: list_assets_kwargs(),
    create=lambda: create_asset_kwargs(
        body=CreateAssetRequest(asset_type=AssetType.FILE, name="", data=FileData())
    ),
    get=get_asset_kwargs,
    delete=delete_asset_kwargs,
    complete=complete_asset_upload_kwargs,
)
TUNE_ROUTES: Final = _Routes(
    list=lambda: list_tunes_kwargs(),
    create=lambda: create_tune_kwargs(
        body=CreateTuneRequest(name="", details=TextToSpeechLatentTune(asset_ids=[]))
    ),
    get=get_tune_kwargs,
    delete=delete_tune_kwargs,
    cancel=cancel_tune_kwargs,
)


#: Image generation, per engine: method and path, taken from the spec's operations.
IMAGE_ROUTES: Final = {
    engine: _route(build(body=ImageGenerationRequest(prompt="")))
    for engine, build in (("sdxl", generate_sdxl_kwargs), ("ssd", generate_ssd_kwargs))
}
IMAGE_REQUEST_FIELDS: Final = _field_names(ImageGenerationRequest)
