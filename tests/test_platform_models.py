"""The generated platform models read every shape the service sends, by the right class.

openapi-python-client ignores OpenAPI's `discriminator` and tries a union's members in order,
so these tests pin that each `data` object, transfer API and tune details parse to the class
their constant field names, and that values added to OctoAI's enums later still parse.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from octoai_api.models import (
    Asset,
    AssetStatus,
    AssetType,
    BaseEngine,
    CheckpointData,
    CreateAssetRequest,
    CreateAssetResponse,
    DataType,
    FileData,
    FileExtension,
    GcsOauthTransferApi,
    LatentData,
    ListTunesResponse,
    LoraData,
    LoraTune,
    NoTransferApi,
    OtherAssetData,
    OtherTuneDetails,
    PresignedUrlTransferApi,
    RetrieveAssetResponse,
    StsTransferApi,
    TextToSpeechLatentTune,
    TextualInversionData,
    Tune,
    TuneStatus,
    TuneType,
    VAEData,
)

SDXL = "image/stable-diffusion-xl-v1-0"

ASSET: dict[str, Any] = {
    "id": "asset_01hf3a2qw7ek6vshbhd9c9yywd",
    "asset_type": "checkpoint",
    "name": "default-sdxl",
    "description": "Stable Diffusion XL 1.0",
    "size_bytes": 6938078334,
    "status": "ready",
    "status_details": "",
    "status_info": {},
    "created_at": "2024-01-01T00:00:00+00:00",
    "data": {
        "asset_type": "checkpoint",
        "engine": SDXL,
        "data_type": "fp16",
        "file_format": "safetensors",
    },
    "file_structure": "single_file",
    "hf_repo": None,
    "is_public": True,
    "tenant_uuid": "0b8f6e84-5a55-5b0a-9cb6-0c0e4c3b7f55",
    "url": None,
}

DATA_CASES: list[tuple[dict[str, Any], type]] = [
    ({"asset_type": "file", "file_format": "png", "preview_url": None, "version": ""}, FileData),
    (
        {"asset_type": "checkpoint", "engine": SDXL, "data_type": "fp16", "file_format": "pt"},
        CheckpointData,
    ),
    (
        {
            "asset_type": "lora",
            "engine": SDXL,
            "data_type": "fp16",
            "file_format": "safetensors",
            "checkpoint": None,
            "trigger_words": ["crayon"],
        },
        LoraData,
    ),
    (
        {
            "asset_type": "textual_inversion",
            "engine": SDXL,
            "data_type": "fp32",
            "file_format": "safetensors",
            "trigger_words": ["<cat-toy>"],
        },
        TextualInversionData,
    ),
    (
        {"asset_type": "vae", "engine": SDXL, "data_type": "fp16", "file_format": "safetensors"},
        VAEData,
    ),
    (
        {"asset_type": "latent", "engine": "audio/tortoise-tts", "file_format": "safetensors"},
        LatentData,
    ),
]


@pytest.mark.parametrize(("data", "kind"), DATA_CASES, ids=lambda v: getattr(v, "__name__", ""))
def test_each_data_object_parses_to_its_own_class(data: dict[str, Any], kind: type) -> None:
    body = {**copy.deepcopy(ASSET), "asset_type": data["asset_type"], "data": data}
    asset = Asset.from_dict(body)
    assert type(asset.data) is kind
    assert asset.asset_type == AssetType(data["asset_type"])
    assert asset.to_dict() == body


def test_a_file_is_not_mistaken_for_weights_nor_weights_for_a_file() -> None:
    # FileData comes first in the union and has no required field but its constant, so a
    # weights object must fail it by its asset_type alone.
    weights = Asset.from_dict(ASSET)
    assert isinstance(weights.data, CheckpointData)
    assert weights.data.engine == BaseEngine.IMAGESTABLE_DIFFUSION_XL_V1_0
    assert weights.data.data_type == DataType.FP16
    file_body = {
        **ASSET,
        "asset_type": "file",
        "data": {"asset_type": "file", "file_format": "jpeg"},
    }
    parsed = Asset.from_dict(file_body)
    assert isinstance(parsed.data, FileData)
    assert parsed.data.file_format == FileExtension.JPEG


def test_unknown_asset_type_engine_and_status_parse_and_round_trip() -> None:
    body = copy.deepcopy(ASSET)
    body["status"] = "quarantined"
    body["asset_type"] = "controlnet"
    body["file_structure"] = "archive"
    body["data"] = {"asset_type": "controlnet", "engine": "image/flux-pro", "scale": 2}
    asset = Asset.from_dict(body)
    assert asset.status == "quarantined" and not isinstance(asset.status, AssetStatus)
    assert asset.asset_type == "controlnet"
    assert isinstance(asset.data, OtherAssetData)
    assert asset.data.asset_type == "controlnet"
    assert asset.data.additional_properties == {"engine": "image/flux-pro", "scale": 2}
    assert asset.to_dict() == body


def test_unknown_engine_data_type_and_format_inside_a_known_object() -> None:
    data = {
        "asset_type": "lora",
        "engine": "image/flux-pro-1.1",
        "data_type": "bf16",
        "file_format": "gguf",
        "trigger_words": None,
    }
    asset = Asset.from_dict({**ASSET, "asset_type": "lora", "data": data})
    assert isinstance(asset.data, LoraData)
    assert asset.data.engine == "image/flux-pro-1.1"
    assert not isinstance(asset.data.engine, BaseEngine)
    assert asset.data.data_type == "bf16"
    assert asset.data.file_format == "gguf"
    assert asset.to_dict()["data"] == data


TRANSFER_CASES: list[tuple[dict[str, Any], type]] = [
    (
        {
            "type": "presigned-url",
            "put_url": "https://s3.example/put?sig=1",
            "get_url": "https://s3.example/get?sig=2",
        },
        PresignedUrlTransferApi,
    ),
    (
        {
            "type": "sts",
            "aws_region": "us-east-1",
            "aws_access_key_id": "AKIA...",
            "aws_secret_access_key": "secret",
            "aws_session_token": "session",
            "s3_bucket": "bucket",
            "s3_key": "key",
            "s3_url": "s3://bucket/key",
            "s3_endpoint_url": None,
        },
        StsTransferApi,
    ),
    (
        {
            "type": "gcp-oauth",
            "gcp_region": "us-central1",
            "token": "ya29...",
            "gs_bucket": "bucket",
            "gs_key": "key",
            "gs_url": "gs://bucket/key",
        },
        GcsOauthTransferApi,
    ),
    ({"type": "none"}, NoTransferApi),
]


@pytest.mark.parametrize(
    ("transfer", "kind"), TRANSFER_CASES, ids=lambda v: getattr(v, "__name__", "")
)
def test_each_transfer_api_parses_to_its_own_class(transfer: dict[str, Any], kind: type) -> None:
    for model in (CreateAssetResponse, RetrieveAssetResponse):
        body = {"asset": copy.deepcopy(ASSET), "transfer_api": transfer}
        parsed = model.from_dict(body)
        assert type(parsed.transfer_api) is kind
        assert parsed.to_dict() == body


def test_a_new_asset_request_writes_its_discriminator_by_default() -> None:
    request = CreateAssetRequest(
        asset_type=AssetType.LORA,
        name="origami-paper",
        data=LoraData(engine=BaseEngine.IMAGESTABLE_DIFFUSION_XL_V1_0, trigger_words=["origami"]),
    )
    assert request.to_dict()["data"] == {
        "asset_type": "lora",
        "engine": SDXL,
        "trigger_words": ["origami"],
    }


TUNE: dict[str, Any] = {
    "id": "tune_01hf3a2qw7ek6vshbhd9c9yywd",
    "tenant_id": "0b8f6e84-5a55-5b0a-9cb6-0c0e4c3b7f55",
    "name": "sks1-bulldog-01",
    "description": "",
    "tune_type": "lora_tune",
    "details": {
        "tune_type": "lora_tune",
        "base_checkpoint": {"checkpoint_id": "asset_01", "engine": SDXL, "name": "default-sdxl"},
        "files": [{"file_id": "asset_02", "caption": "sks1"}],
        "steps": 500,
        "trigger_words": ["sks1"],
        "seed": None,
        "resize_images": False,
    },
    "status": "succeeded",
    "status_details": "",
    "output_lora_ids": ["asset_03"],
    "result": {
        "number_of_available_assets": 1,
        "output_assets": ["asset_03"],
        "rejected_assets": [],
        "unready_assets": [],
    },
    "created_at": "2024-05-01T10:00:00+00:00",
    "updated_at": "2024-05-01T10:12:00+00:00",
    "succeeded_at": "2024-05-01T10:12:00+00:00",
    "deleted_at": None,
}


def test_tune_details_parse_by_tune_type() -> None:
    lora = Tune.from_dict(TUNE)
    assert isinstance(lora.details, LoraTune)
    assert lora.status == TuneStatus.SUCCEEDED
    assert lora.created_at.year == 2024 and lora.succeeded_at is not None
    assert lora.to_dict() == TUNE
    speech = {
        **TUNE,
        "tune_type": "text_to_speech_latent_tune",
        "details": {
            "tune_type": "text_to_speech_latent_tune",
            "asset_ids": ["asset_04"],
            "inline_assets": False,
        },
    }
    parsed = Tune.from_dict(speech)
    assert isinstance(parsed.details, TextToSpeechLatentTune)
    assert parsed.tune_type == TuneType.TEXT_TO_SPEECH_LATENT_TUNE
    assert parsed.to_dict() == speech


def test_tune_types_without_a_details_schema_and_new_statuses_still_parse() -> None:
    rvc = {
        **TUNE,
        "tune_type": "text_to_speech_rvc_tune",
        "status": "queued",
        "details": {"tune_type": "text_to_speech_rvc_tune", "asset_ids": ["asset_05"]},
    }
    page = ListTunesResponse.from_dict({"data": [TUNE, rvc], "has_more": False, "total": 2})
    assert isinstance(page.data[0].details, LoraTune)
    other = page.data[1]
    assert isinstance(other.details, OtherTuneDetails)
    assert other.tune_type == TuneType.TEXT_TO_SPEECH_RVC_TUNE
    assert other.status == "queued" and not isinstance(other.status, TuneStatus)
    assert other.details.additional_properties == {"asset_ids": ["asset_05"]}
    assert other.to_dict() == rvc
