"""Small deterministic PNG images, written with the standard library alone (pure)."""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Sequence
from typing import Final

__all__ = ["BLOCKS", "encode_png", "render"]

_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
#: A rendered image is a grid of BLOCKS x BLOCKS coloured blocks.
BLOCKS: Final = 4


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def encode_png(width: int, height: int, rows: Sequence[bytes]) -> bytes:
    """Encode 8-bit RGB rows (``3 * width`` bytes each) as a PNG file.

    Raises:
        ValueError: The rows do not match the size.
    """
    if width < 1 or height < 1 or len(rows) != height or any(len(r) != 3 * width for r in rows):
        raise ValueError("the rows do not match the image size")
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # Each row starts with its filter type, 0 (none).
    raw = b"".join(b"\x00" + row for row in rows)
    return (
        _SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 6))
        + _chunk(b"IEND", b"")
    )


def render(material: bytes, width: int, height: int) -> bytes:
    """Return a PNG whose colours depend only on ``material``: the same input, the same image.

    The image is a grid of coloured blocks; each block's colour comes from a hash of the
    material, so any change of the material changes the picture.
    """
    digest = hashlib.sha256(material).digest()
    colours = digest + hashlib.sha256(digest).digest()
    palette = [colours[i : i + 3] for i in range(0, 3 * BLOCKS * BLOCKS, 3)]
    rows = []
    for y in range(height):
        block_row = y * BLOCKS // height
        row = bytearray()
        for x in range(width):
            row += palette[block_row * BLOCKS + x * BLOCKS // width]
        rows.append(bytes(row))
    return encode_png(width, height, rows)
