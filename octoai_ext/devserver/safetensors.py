"""The safetensors file format: checking a file's header, and writing small files (pure).

A safetensors file starts with 8 bytes, the little-endian length N of a JSON header; the N
header bytes follow, then the tensors' bytes. The header maps each tensor name to its
``dtype``, ``shape`` and ``data_offsets`` (begin and end within the data), and may hold a
``__metadata__`` map of strings.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Mapping
from typing import Any, Final

__all__ = [
    "MAX_HEADER_BYTES",
    "PREFIX_BYTES",
    "SafetensorsError",
    "check_header",
    "encode",
    "header_length",
]

#: The length prefix of every file.
PREFIX_BYTES: Final = 8
#: Headers longer than this are refused, as the reference implementation does.
MAX_HEADER_BYTES: Final = 100 * 1024 * 1024


class SafetensorsError(ValueError):
    """The bytes are not a safetensors file; the message says why."""


def header_length(prefix: bytes, file_size: int) -> int:
    """Return the header length announced by a file's first 8 bytes.

    Raises:
        SafetensorsError: The prefix is short, or announces an impossible length.
    """
    if len(prefix) < PREFIX_BYTES or file_size < PREFIX_BYTES:
        raise SafetensorsError("the file is shorter than the 8-byte header length")
    (length,) = struct.unpack("<Q", prefix[:PREFIX_BYTES])
    if length == 0:
        raise SafetensorsError("the header length is 0")
    if length > MAX_HEADER_BYTES:
        raise SafetensorsError(f"the header length {length} is over {MAX_HEADER_BYTES} bytes")
    if PREFIX_BYTES + length > file_size:
        raise SafetensorsError(
            f"the header length {length} runs past the end of the {file_size}-byte file"
        )
    return int(length)


def _check_tensor(name: str, entry: Any, data_size: int) -> None:
    if not isinstance(entry, dict):
        raise SafetensorsError(f"tensor {name!r} is not described by an object")
    if not isinstance(entry.get("dtype"), str):
        raise SafetensorsError(f"tensor {name!r} has no dtype")
    shape = entry.get("shape")
    if not isinstance(shape, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape
    ):
        raise SafetensorsError(f"tensor {name!r} has no valid shape")
    offsets = entry.get("data_offsets")
    if (
        not isinstance(offsets, list)
        or len(offsets) != 2
        or not all(isinstance(o, int) and not isinstance(o, bool) for o in offsets)
        or not 0 <= offsets[0] <= offsets[1] <= data_size
    ):
        raise SafetensorsError(f"tensor {name!r} has data offsets outside the file")


def check_header(header: bytes, file_size: int) -> dict[str, Any]:
    """Check the JSON header of a file of ``file_size`` bytes and return it.

    Raises:
        SafetensorsError: The header is not UTF-8 JSON of the safetensors shape.
    """
    try:
        parsed = json.loads(header.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SafetensorsError("the header is not UTF-8 JSON") from None
    if not isinstance(parsed, dict):
        raise SafetensorsError("the header is not a JSON object")
    data_size = file_size - PREFIX_BYTES - len(header)
    for name, entry in parsed.items():
        if name == "__metadata__":
            if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
                raise SafetensorsError("__metadata__ is not a map of strings")
            continue
        _check_tensor(name, entry, data_size)
    return parsed


def encode(metadata: Mapping[str, str], tensors: Mapping[str, bytes] | None = None) -> bytes:
    """Return a safetensors file holding ``tensors`` as flat ``U8`` arrays, and ``metadata``."""
    header: dict[str, Any] = {"__metadata__": dict(metadata)}
    data = bytearray()
    for name, payload in (tensors or {}).items():
        header[name] = {
            "dtype": "U8",
            "shape": [len(payload)],
            "data_offsets": [len(data), len(data) + len(payload)],
        }
        data += payload
    text = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8")
    # The format aligns the data to 8 bytes by padding the header with spaces.
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + bytes(data)
