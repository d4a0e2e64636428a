"""The body of an upload: a file streamed in chunks, re-opened from its start for each attempt.

An upload never holds the file in memory: it is read one chunk at a time as httpx sends it,
with its exact length declared up front (`Content-Length`), as presigned object-store URLs
require. Each attempt gets a fresh stream from the start of the source, so a PUT can be retried.
The same stream object serves both clients: httpx's sync client iterates it, the asyncio client
iterates it asynchronously (disk reads then run in a worker thread, so the event loop never
waits on the disk).
"""

from __future__ import annotations

import io
import os
import typing
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Final

import httpx

from ._errors import OctoAIClientError

__all__ = ["UploadProgress", "UploadSource"]

#: Bytes `OctoAI` reads and hands to httpx at a time: large enough that the per-chunk work is
#: noise, small enough that a progress bar moves every megabyte.
CHUNK_BYTES: Final = 1024 * 1024
#: The same for `AsyncOctoAI`, which pays more per chunk: the read's hop to a worker thread, and
#: asyncio copying what the socket does not take at once into its transport buffer. Uploading
#: 256 MiB to a loopback server, 1, 2 and 4 MiB chunks cost 1.14x, 1.00x and 0.91x the CPU per
#: MiB of a sync httpx PUT, for 1.2, 3.2 and 7.2 MiB of peak memory growth.
ASYNC_CHUNK_BYTES: Final = 4 * 1024 * 1024

#: `on_progress(sent, total)`: bytes handed to the connection so far, and the whole size.
UploadProgress = Callable[[int, int], None]


class UploadSource:
    """What to upload: a path, bytes, or a binary file object that can seek.

    Raises:
        OctoAIClientError: The file does not exist, is not a regular file, or the file object
            cannot seek (its size must be known before sending, and a retry restarts it).
    """

    def __init__(self, source: str | os.PathLike[str] | bytes | IO[bytes]) -> None:
        self._path: Path | None = None
        self._data: bytes | None = None
        self._file: IO[bytes] | None = None
        if isinstance(source, bytes | bytearray | memoryview):
            self._data = bytes(source)
            self.size = len(self._data)
        elif isinstance(source, str | os.PathLike):
            path = Path(source)
            if not path.is_file():
                raise OctoAIClientError(f"no such file to upload: {str(path)!r}")
            self._path = path
            self.size = path.stat().st_size
        elif isinstance(source, io.IOBase) or hasattr(source, "read"):
            if not (hasattr(source, "seekable") and source.seekable()):
                raise OctoAIClientError(
                    "an upload's file object must be seekable: its size is declared before "
                    "sending and a retry starts again from the beginning"
                )
            self._file = source
            self._start = source.tell()
            self.size = source.seek(0, io.SEEK_END) - self._start
            source.seek(self._start)
        else:
            raise OctoAIClientError(
                f"file must be a path, bytes or a binary file object, not {type(source).__name__}"
            )

    @property
    def in_memory(self) -> bool:
        """Whether the bytes are already in memory (reading them never waits on a disk)."""
        return self._data is not None

    @property
    def name(self) -> str | None:
        """The file's name, when the source is a path."""
        return self._path.name if self._path is not None else None

    def stream(self, on_progress: UploadProgress | None) -> _Body:
        """A fresh body that reads the source from its beginning."""
        return _Body(self, on_progress)

    def _open(self) -> IO[bytes]:
        if self._path is not None:
            return self._path.open("rb")
        if self._file is not None:
            self._file.seek(self._start)
            return typing.cast(IO[bytes], _Borrowed(self._file))
        return io.BytesIO(self._data or b"")


class _Borrowed(io.RawIOBase):
    """The caller's file object, which closing the body must leave open."""

    def __init__(self, inner: IO[bytes]) -> None:
        self._inner = inner

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._inner.read(size)


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """One attempt's body: the source's bytes in chunks, with progress."""

    def __init__(self, source: UploadSource, on_progress: UploadProgress | None) -> None:
        self._source = source
        self._on_progress = on_progress

    def _check(self, sent: int) -> None:
        if sent != self._source.size:
            raise OctoAIClientError(
                f"the file changed while it was uploaded: {sent:,} bytes read, "
                f"{self._source.size:,} declared"
            )

    # A file that grew since its size was taken is sent up to that size; one that shrank fails.

    def __iter__(self) -> Iterator[bytes]:
        total, on_progress, sent = self._source.size, self._on_progress, 0
        with self._source._open() as handle:
            while sent < total and (chunk := handle.read(min(CHUNK_BYTES, total - sent))):
                yield chunk
                sent += len(chunk)
                if on_progress is not None:
                    on_progress(sent, total)
        self._check(sent)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        import asyncio  # loaded only by the asyncio client, which has it loaded already

        total, on_progress, sent = self._source.size, self._on_progress, 0
        handle = self._source._open()
        # Bytes in memory are sliced in place; only reads that may touch a disk leave the loop,
        # all on one thread of their own: glibc gives every thread that allocates its own arena
        # and keeps what is freed there, so reads spread over the default executor's threads
        # raised peak memory by 10 to 20 MiB in some runs.
        reader = None if self._source.in_memory else ThreadPoolExecutor(1, "octoai-upload")
        loop = asyncio.get_running_loop()
        try:
            while sent < total:
                want = min(ASYNC_CHUNK_BYTES, total - sent)
                chunk = (
                    handle.read(want)
                    if reader is None
                    else await loop.run_in_executor(reader, handle.read, want)
                )
                if not chunk:
                    break
                yield chunk
                sent += len(chunk)
                if on_progress is not None:
                    on_progress(sent, total)
        finally:
            if reader is not None:
                reader.shutdown(wait=False)
            handle.close()
        self._check(sent)
