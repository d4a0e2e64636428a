"""The PNG writer and the image model: valid, deterministic, sensitive to every input (pure)."""

from __future__ import annotations

import base64
import struct
import zlib
from typing import Any

import pytest

from octoai_ext.devserver.imagegen import generate_images, image_seeds, size_problem
from octoai_ext.devserver.png import encode_png, render

SDXL = "image/stable-diffusion-xl-v1-0"


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Read back an 8-bit RGB PNG without filters, checking every chunk's CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks = 8, {}
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        chunks.setdefault(kind, b"")
        chunks[kind] += body
        position += 12 + length
    assert list(chunks)[-1] == b"IEND"
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert (depth, colour) == (8, 2)
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + 3 * width
    rows = [raw[i * stride : (i + 1) * stride] for i in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, height, [row[1:] for row in rows]


def test_encoded_pixels_read_back() -> None:
    rows = [bytes([10, 20, 30]) * 3, bytes([40, 50, 60]) * 3]
    assert decode_png(encode_png(3, 2, rows)) == (3, 2, rows)
    with pytest.raises(ValueError, match="do not match"):
        encode_png(3, 2, rows[:1])


def test_renders_are_deterministic_and_differ_with_their_material() -> None:
    first = render(b"a cat", 64, 40)
    assert render(b"a cat", 64, 40) == first
    assert render(b"a dog", 64, 40) != first
    width, height, rows = decode_png(first)
    assert (width, height) == (64, 40)
    assert len({row[i : i + 3] for row in rows for i in range(0, len(row), 3)}) > 1


def test_seeds() -> None:
    assert image_seeds(7, 3, "p") == [7, 8, 9]
    assert image_seeds([5, None, 9], 3, "p")[::2] == [5, 9]
    derived = image_seeds(None, 2, "p")
    assert derived == image_seeds(None, 2, "p") and derived[1] == derived[0] + 1
    assert image_seeds(None, 1, "q") != image_seeds(None, 1, "p")
    assert image_seeds(2**32 + 1, 1, "p") == [1]


def test_sizes() -> None:
    assert size_problem(None, None) is None
    assert size_problem(832, 1216) is None
    problem = size_problem(512, 512)
    assert problem is not None and "512x512" in problem and "1024x1024" in problem


def images(
    request: dict[str, Any], customisations: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    return generate_images(SDXL, {"prompt": "a dog", **request}, customisations or {})


def test_generated_images_follow_the_request() -> None:
    answer = images({"num_images": 2, "seed": 3, "width": 1152, "height": 896})
    assert [image["seed"] for image in answer] == [3, 4]
    for image in answer:
        assert image["removed_for_safety"] is False
        width, height, _ = decode_png(base64.b64decode(image["image_b64"]))
        assert (width, height) == (1152 // 16, 896 // 16)
    assert answer[0]["image_b64"] != answer[1]["image_b64"], "another seed, another image"
    assert images({"num_images": 2, "seed": 3, "width": 1152, "height": 896}) == answer


@pytest.mark.parametrize(
    ("change", "customisations"),
    [
        ({"prompt": "a cat"}, None),
        ({"negative_prompt": "blurry"}, None),
        ({"steps": 31}, None),
        ({}, {"loras": [("asset_1", 0.9)]}),
        ({}, {"loras": [("asset_1", 0.5)]}),
        ({}, {"loras": [("asset_2", 0.9)]}),
    ],
)
def test_every_input_changes_the_picture(
    change: dict[str, Any], customisations: dict[str, Any] | None
) -> None:
    base = images({"seed": 1})[0]["image_b64"]
    assert images({"seed": 1, **change}, customisations)[0]["image_b64"] != base


def test_whole_numbers_written_as_floats_are_integers() -> None:
    # JSON Schema counts 7.0 as an integer, so requests may carry it.
    answer = images({"seed": 7.0, "width": 1024.0, "height": 1024.0, "num_images": 2})
    assert [image["seed"] for image in answer] == [7, 8]
    assert all(isinstance(image["seed"], int) for image in answer)
    assert image_seeds([3.0, None], 2, "p")[0] == 3
    assert size_problem(1024.0, 1024.0) is None  # type: ignore[arg-type]
