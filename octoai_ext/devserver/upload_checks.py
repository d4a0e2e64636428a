"""What completing an upload makes of the file that arrived (pure).

The verdict depends only on the asset's declared type and format and on the file's bytes,
read through a callable, so tests can check it without a server or a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from .safetensors import PREFIX_BYTES, SafetensorsError, check_header, header_length

__all__ = ["WEIGHT_TYPES", "Reader", "Verdict", "inspect_upload"]

#: Asset types whose file is model weights.
WEIGHT_TYPES: Final = frozenset({"checkpoint", "lora", "textual_inversion", "vae", "latent"})
#: The first bytes of each image format a `file` asset can declare.
_MAGIC: Final = {
    "png": (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    "jpg": (b"\xff\xd8\xff", "a JPEG image"),
    "jpeg": (b"\xff\xd8\xff", "a JPEG image"),
}

#: Reads ``length`` bytes of the file from ``offset`` (fewer at its end).
Reader = Callable[[int, int], bytes]


@dataclass(frozen=True)
class Verdict:
    """The outcome of completing an upload.

    Attributes:
        status: ``uploaded`` (valid; ``ready`` after validation), ``rejected`` or ``error``.
        details: Why it is not ``uploaded``; empty otherwise.
    """

    status: str
    details: str = ""

    @property
    def error(self) -> str | None:
        """The ``error`` of the complete-upload answer: set only when the upload failed."""
        return self.details if self.status == "error" else None


def _weights(file_format: str, size: int, read: Reader) -> Verdict:
    if file_format != "safetensors":
        # Pickled (`pt`) weights cannot be checked without running them.
        return Verdict("uploaded")
    try:
        length = header_length(read(0, PREFIX_BYTES), size)
        check_header(read(PREFIX_BYTES, length), size)
    except SafetensorsError as error:
        return Verdict("rejected", f"The file is not in the safetensors format: {error}.")
    return Verdict("uploaded")


def inspect_upload(
    asset_type: str, file_format: str, size: int | None, read: Reader, *, skip_validation: bool
) -> Verdict:
    """Judge an uploaded file.

    Args:
        asset_type: The asset's type.
        file_format: The ``file_format`` of the asset's data.
        size: The file's size, or None when nothing was uploaded.
        read: Reads the file's bytes.
        skip_validation: Skip the format checks (a missing or empty file is still an error).
    """
    if size is None:
        return Verdict("error", "No file was uploaded to the asset's put_url.")
    if size == 0:
        return Verdict("error", "The uploaded file is empty.")
    if skip_validation:
        return Verdict("uploaded")
    if asset_type in WEIGHT_TYPES:
        return _weights(file_format, size, read)
    if asset_type == "file" and file_format in _MAGIC:
        magic, what = _MAGIC[file_format]
        if read(0, len(magic)) != magic:
            return Verdict("rejected", f"The file is declared {file_format} but is not {what}.")
    return Verdict("uploaded")
