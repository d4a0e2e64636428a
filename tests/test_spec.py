"""openapi.yaml is valid, complete and has no unused or dangling pieces."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
ERROR_STATUSES = {"400", "401", "404", "413", "422", "429", "500", "503"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text())


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in {"get", "post", "put", "delete", "patch"}:
                yield path, method, op


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_ref_resolves(spec: dict[str, Any]) -> None:
    for ref in _refs(spec):
        assert ref.startswith("#/"), ref
        node: Any = spec
        for part in ref[2:].split("/"):
            assert part in node, f"dangling $ref {ref}"
            node = node[part]


def test_no_unused_components(spec: dict[str, Any]) -> None:
    used = set(_refs(spec))
    # The vendor extension names the streamed event schemas by pointer too.
    for _, _, op in _operations(spec):
        if "x-octoai-stream" in op:
            used.add(op["x-octoai-stream"]["event_schema"])
    for kind in ("schemas", "responses", "parameters", "headers"):
        for name in spec["components"].get(kind, {}):
            assert f"#/components/{kind}/{name}" in used, f"unused component {kind}/{name}"


def test_operations_have_ids_descriptions_and_errors(spec: dict[str, Any]) -> None:
    ids = set()
    for path, method, op in _operations(spec):
        ids.add(op["operationId"])
        assert op.get("description"), f"{method} {path} has no description"
        codes = set(op["responses"])
        assert {"401", "500", "503"} & codes, f"{method} {path} documents no errors"
    assert ids == {
        "create_chat_completion",
        "create_completion",
        "infer",
        "get_request_status",
        "get_response",
        "health_check",
        "generate_sdxl",
        "generate_ssd",
        "list_assets",
        "create_asset",
        "get_asset",
        "delete_asset",
        "complete_asset_upload",
        "create_tune",
        "get_tune",
        "delete_tune",
        "cancel_tune",
        "list_tunes",
    }


def test_inference_documents_every_error(spec: dict[str, Any]) -> None:
    infer = spec["paths"]["/infer/{endpoint}"]["post"]
    assert set(infer["responses"]) >= ERROR_STATUSES | {"200", "202"}
    async_header = [p for p in infer["parameters"] if p["name"] == "X-OctoAI-Async"]
    assert async_header and async_header[0]["in"] == "header"


def test_rate_limit_and_unavailable_carry_retry_after(spec: dict[str, Any]) -> None:
    for name in ("RateLimited", "ServiceUnavailable"):
        assert "Retry-After" in spec["components"]["responses"][name]["headers"]


def test_every_response_carries_the_request_id(spec: dict[str, Any]) -> None:
    for path, method, op in _operations(spec):
        for code, response in op["responses"].items():
            if "$ref" in response:
                name = response["$ref"].rsplit("/", 1)[1]
                response = spec["components"]["responses"][name]
            assert "X-User-Request-ID" in response.get("headers", {}), f"{method} {path} {code}"


def test_security_applies_everywhere_but_the_health_check(spec: dict[str, Any]) -> None:
    assert spec["security"] == [{"BearerAuth": []}]
    assert spec["components"]["securitySchemes"]["BearerAuth"]["scheme"] == "bearer"
    for path, _, op in _operations(spec):
        if path == "/healthcheck":
            assert op["security"] == []
        else:
            assert "security" not in op


def test_streaming_operations_name_their_event_schema(spec: dict[str, Any]) -> None:
    streaming = {
        (path, method): op
        for path, method, op in _operations(spec)
        if "text/event-stream" in op["responses"].get("200", {}).get("content", {})
    }
    assert len(streaming) == 3
    for op in streaming.values():
        ext = op["x-octoai-stream"]
        assert ext["content_type"] == "text/event-stream"
        assert ext["terminator"] == "[DONE]"
        name = ext["event_schema"].rsplit("/", 1)[1]
        assert name in spec["components"]["schemas"]
    chat = spec["paths"]["/v1/chat/completions"]["post"]["x-octoai-stream"]
    assert chat["event_schema"].endswith("/ChatCompletionChunk")
    completion = spec["paths"]["/v1/completions"]["post"]["x-octoai-stream"]
    assert completion["event_schema"].endswith("/CompletionChunk")


def test_servers_list_public_and_securelink_hosts(spec: dict[str, Any]) -> None:
    urls = {server["url"] for server in spec["servers"]}
    assert {
        "https://text.octoai.run",
        "https://image.octoai.run",
        "https://async.octoai.run",
        "https://api.octoai.cloud",
        "https://text.securelink.octo.ai",
        "https://image.securelink.octo.ai",
        "https://async.securelink.octoai.run",
        "https://api.securelink.octo.ai",
    } <= urls


def test_tolerant_fields_are_optional(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert "usage" not in schemas["ChatCompletionResponse"]["required"]
    assert "content" not in schemas["ChatMessage"].get("required", [])
    assert "id" not in schemas["ToolCall"]["required"]
    assert "object" not in schemas["ChatCompletionChunk"]["required"]
    # Stream events may end with a choice that has only a finish reason; whole answers may not.
    assert "delta" not in schemas["ChatCompletionChunkChoice"]["required"]
    assert "text" not in schemas["CompletionChunkChoice"]["required"]
    assert "text" in schemas["CompletionChoice"]["required"]
    message = schemas["ChatMessage"]["properties"]
    assert {"name", "tool_calls", "tool_call_id"} <= set(message)
    finish = schemas["OptionalFinishReason"]["anyOf"]
    assert {"type": "string"} in finish, "unknown finish reasons must be accepted"
    status = schemas["AsyncInferenceStatus"]["properties"]["status"]["anyOf"]
    assert {"type": "string"} in status, "unknown statuses must be accepted"


PLATFORM_HOSTS = {"https://api.octoai.cloud", "https://api.securelink.octo.ai"}
IMAGE_HOSTS = {"https://image.octoai.run", "https://image.securelink.octo.ai"}
DEVSERVER = "http://127.0.0.1:8000"


def test_platform_and_image_paths_name_their_hosts_and_the_devserver(spec: dict[str, Any]) -> None:
    hosts_by_tag = {"assets": PLATFORM_HOSTS, "tune": PLATFORM_HOSTS, "image_gen": IMAGE_HOSTS}
    for path, _, op in _operations(spec):
        tag = op["tags"][0]
        servers = {server["url"] for server in spec["paths"][path].get("servers", [])}
        if tag in hosts_by_tag:
            assert servers == hosts_by_tag[tag] | {DEVSERVER}, path
        else:
            assert not servers, f"{path} uses the root servers"
    assert DEVSERVER in {server["url"] for server in spec["servers"]}


def test_platform_operations_document_their_errors(spec: dict[str, Any]) -> None:
    for path, method, op in _operations(spec):
        if op["tags"][0] not in {"assets", "tune"}:
            continue
        codes = set(op["responses"])
        assert {"401", "429", "500", "503"} <= codes, f"{method} {path}"
        if "{" in path:
            assert "404" in codes, f"{method} {path}"
    assert "409" in spec["paths"]["/v1/assets"]["post"]["responses"]
    assert "409" in spec["paths"]["/v1/tune"]["post"]["responses"]
    assert "409" in spec["paths"]["/v1/tune/{tune_id}/cancel"]["post"]["responses"]
    assert "201" in spec["paths"]["/v1/tune"]["post"]["responses"]
    assert "200" in spec["paths"]["/v1/assets"]["post"]["responses"]


def _open(schema: dict[str, Any], enum: str) -> bool:
    return schema.get("anyOf", [])[:2] == [
        {"$ref": f"#/components/schemas/{enum}"},
        {"type": "string"},
    ]


def test_values_octoai_adds_over_time_are_open_in_answers(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    asset = schemas["Asset"]["properties"]
    assert _open(asset["status"], "AssetStatus")
    assert _open(asset["asset_type"], "AssetType")
    tune = schemas["Tune"]["properties"]
    assert _open(tune["status"], "TuneStatus") and _open(tune["tune_type"], "TuneType")
    assert _open(schemas["OpenBaseEngine"], "BaseEngine")
    assert _open(schemas["LoraTuneCheckpoint"]["properties"]["engine"], "BaseEngine")
    for name in ("CheckpointData", "LoraData", "TextualInversionData", "VAEData", "LatentData"):
        assert schemas[name]["properties"]["engine"] == {
            "$ref": "#/components/schemas/OpenBaseEngine"
        }
    members = [ref["$ref"].rsplit("/", 1)[1] for ref in asset["data"]["oneOf"]]
    assert members[-1] == "OtherAssetData" and "discriminator" not in asset["data"]
    assert len(schemas["AssetData"]["discriminator"]["mapping"]) == 6


def test_union_members_carry_a_required_constant(spec: dict[str, Any]) -> None:
    # The generated client tells members apart only by these constants (it ignores
    # `discriminator`), so each must be present and fixed.
    schemas = spec["components"]["schemas"]
    unions = {"AssetData": "asset_type", "TransferApi": "type", "TuneDetails": "tune_type"}
    for union, field in unions.items():
        for ref in schemas[union]["oneOf"]:
            member = schemas[ref["$ref"].rsplit("/", 1)[1]]
            assert field in member["required"], ref
            assert "const" in member["properties"][field], ref
