"""The safetensors format and what completing an upload makes of a file (pure, no server)."""

from __future__ import annotations

import json
import struct

import pytest

from octoai_ext.devserver.safetensors import (
    MAX_HEADER_BYTES,
    SafetensorsError,
    check_header,
    encode,
    header_length,
)
from octoai_ext.devserver.upload_checks import inspect_upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def reader(content: bytes):
    return lambda offset, length: content[offset : offset + length]


def parse(content: bytes) -> dict:
    length = header_length(content[:8], len(content))
    return check_header(content[8 : 8 + length], len(content))


def test_encoded_files_parse_and_align_their_data() -> None:
    content = encode({"name": "x"}, {"a": b"\x01\x02\x03", "b": b"\x04" * 5})
    header = parse(content)
    assert header["__metadata__"] == {"name": "x"}
    assert header["b"] == {"dtype": "U8", "shape": [5], "data_offsets": [3, 8]}
    assert (8 + header_length(content[:8], len(content))) % 8 == 0
    assert content.endswith(b"\x01\x02\x03" + b"\x04" * 5)


def _file(header: object, data: bytes = b"") -> bytes:
    text = json.dumps(header).encode() if not isinstance(header, bytes) else header
    return struct.pack("<Q", len(text)) + text + data


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x01\x02", "shorter than the 8-byte"),
        (struct.pack("<Q", 0) + b"{}", "header length is 0"),
        (struct.pack("<Q", MAX_HEADER_BYTES + 1) + b"{}", "over"),
        (struct.pack("<Q", 500) + b"{}", "runs past the end"),
        (_file(b"\xff\xfe not utf-8"), "not UTF-8 JSON"),
        (_file([1, 2]), "not a JSON object"),
        (_file({"t": {"dtype": "F16", "shape": [2], "data_offsets": [0, 4]}}), "outside the file"),
        (_file({"t": {"shape": [1], "data_offsets": [0, 1]}}, b"\x00"), "no dtype"),
        (
            _file({"t": {"dtype": "U8", "shape": [-1], "data_offsets": [0, 1]}}, b"\x00"),
            "no valid shape",
        ),
        (_file({"__metadata__": {"n": 1}}), "map of strings"),
        (_file({"t": "weights"}), "not described by an object"),
    ],
)
def test_broken_files_say_why(content: bytes, reason: str) -> None:
    with pytest.raises(SafetensorsError, match=reason):
        parse(content)


def test_a_text_file_is_not_safetensors() -> None:
    # The first 8 bytes of text read as an enormous header length.
    with pytest.raises(SafetensorsError, match=r"over|past the end"):
        parse(b"this is not a model, just text" * 4)


@pytest.mark.parametrize("asset_type", ["checkpoint", "lora", "textual_inversion", "vae", "latent"])
def test_weights_declared_safetensors_must_be_safetensors(asset_type: str) -> None:
    weights = encode({}, {"w": b"1" * 84})
    good = inspect_upload(
        asset_type, "safetensors", len(weights), reader(weights), skip_validation=False
    )
    assert good.status == "uploaded" and good.error is None
    text = b"not weights at all, " * 10
    bad = inspect_upload(asset_type, "safetensors", len(text), reader(text), skip_validation=False)
    assert bad.status == "rejected"
    assert "not in the safetensors format" in bad.details
    assert bad.error is None, "a rejection is not an upload error"


def test_pickled_weights_and_skipped_validation_are_not_checked() -> None:
    text = b"pickled bytes"
    assert (
        inspect_upload("lora", "pt", len(text), reader(text), skip_validation=False).status
        == "uploaded"
    )
    skipped = inspect_upload("lora", "safetensors", len(text), reader(text), skip_validation=True)
    assert skipped.status == "uploaded"


@pytest.mark.parametrize(("file_format", "content"), [("png", PNG), ("jpg", JPEG), ("jpeg", JPEG)])
def test_images_must_be_what_they_claim(file_format: str, content: bytes) -> None:
    assert (
        inspect_upload(
            "file", file_format, len(content), reader(content), skip_validation=False
        ).status
        == "uploaded"
    )
    other = JPEG if content == PNG else PNG
    verdict = inspect_upload("file", file_format, len(other), reader(other), skip_validation=False)
    assert verdict.status == "rejected"
    assert f"declared {file_format}" in verdict.details


def test_other_files_are_taken_as_they_are() -> None:
    assert (
        inspect_upload("file", "txt", 3, reader(b"abc"), skip_validation=False).status == "uploaded"
    )


@pytest.mark.parametrize("skip", [False, True])
def test_a_missing_or_empty_upload_is_an_error_even_unvalidated(skip: bool) -> None:
    missing = inspect_upload("lora", "safetensors", None, reader(b""), skip_validation=skip)
    assert missing.status == "error" and missing.error == missing.details
    assert "No file was uploaded" in missing.details
    empty = inspect_upload("file", "png", 0, reader(b""), skip_validation=skip)
    assert empty.status == "error" and "empty" in (empty.error or "")
