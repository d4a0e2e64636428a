"""Asset files on disk, and the signed URLs that upload and download them."""

from __future__ import annotations

import os
import secrets
import uuid
from pathlib import Path
from typing import IO, Final

from .signing import signed_query
from .upload_checks import Reader

__all__ = ["OBJECTS_PREFIX", "ObjectStore", "PartialFile", "load_signing_key"]

#: The path under which the server answers signed upload and download URLs.
OBJECTS_PREFIX: Final = "/_objects/"
_KEY_BYTES: Final = 32


def load_signing_key(path: Path) -> bytes:
    """Return the signing key kept in ``path``, creating it the first time.

    Keeping the key with the data lets URLs handed out before a restart work after it.
    """
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        key = secrets.token_bytes(_KEY_BYTES)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(key.hex())
        return key


class PartialFile:
    """An upload being written: it replaces the asset's file only once `commit` is called."""

    def __init__(self, final: Path) -> None:
        self._final = final
        self._path = final.with_name(f"{final.name}.{uuid.uuid4().hex}.partial")
        self._stream: IO[bytes] = self._path.open("wb")
        self.size = 0

    def write(self, chunk: bytes) -> None:
        """Append bytes."""
        self._stream.write(chunk)
        self.size += len(chunk)

    def commit(self) -> None:
        """Make the written bytes the asset's file, at once."""
        self._stream.close()
        self._path.replace(self._final)

    def discard(self) -> None:
        """Forget the written bytes."""
        self._stream.close()
        self._path.unlink(missing_ok=True)


class ObjectStore:
    """One file per asset in a directory, and signed URLs for them.

    Args:
        root: The directory of the files.
        key: The key URLs are signed with.
    """

    def __init__(self, root: Path, key: bytes) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self._root = root
        self.key = key

    def path(self, asset_id: str) -> Path:
        """The file of an asset (which may not exist)."""
        return self._root / asset_id

    def size(self, asset_id: str) -> int | None:
        """The size of an asset's file, or None when nothing was uploaded."""
        try:
            return self.path(asset_id).stat().st_size
        except FileNotFoundError:
            return None

    def reader(self, asset_id: str) -> Reader:
        """Read parts of an asset's file."""
        path = self.path(asset_id)

        def read(offset: int, length: int) -> bytes:
            with path.open("rb") as stream:
                stream.seek(offset)
                return stream.read(length)

        return read

    def writer(self, asset_id: str) -> PartialFile:
        """Start writing an asset's file."""
        return PartialFile(self.path(asset_id))

    def write(self, asset_id: str, content: bytes) -> None:
        """Write an asset's whole file at once."""
        partial = self.writer(asset_id)
        partial.write(content)
        partial.commit()

    def remove(self, asset_id: str) -> None:
        """Delete an asset's file, if any."""
        self.path(asset_id).unlink(missing_ok=True)

    def url(self, base_url: str, method: str, asset_id: str, expires: int) -> str:
        """A URL that lets ``method`` (``PUT`` or ``GET``) on an asset's file until ``expires``."""
        path = f"{OBJECTS_PREFIX}{asset_id}"
        return f"{base_url}{path}?{signed_query(self.key, method, path, expires)}"
