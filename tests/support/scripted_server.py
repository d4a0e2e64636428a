"""A real HTTP/1.1 server on a loopback socket that answers with scripted bytes.

For what the development server never sends on purpose: answers trickled one byte at a time,
headers of other OpenAI-compatible servers, a proxy's exact stream bytes. Each answer is a list
of `(bytes, seconds to wait before sending them)`; every loop is bounded, so a test that goes
wrong ends when its client gives up or the server is stopped.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

Piece = tuple[bytes, float]
Script = Callable[["Request"], Sequence[Piece]]

_MAX_REQUESTS_PER_CONNECTION = 1000
_MAX_HEAD_BYTES = 64 * 1024


@dataclass
class Request:
    """What the server received: the request line, the headers and the body."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class ScriptedServer:
    """Serves `script(request)` for every request, keeping connections alive between them."""

    script: Script
    requests: list[Request] = field(default_factory=list)
    connections: int = 0
    _sock: socket.socket | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    @property
    def url(self) -> str:
        assert self._sock is not None
        host, port = self._sock.getsockname()[:2]
        return f"http://{host}:{port}"

    def start(self) -> ScriptedServer:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)
        if self._sock is not None:
            self._sock.close()

    def _accept(self) -> None:
        assert self._sock is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        buffer = b""
        with conn:
            for _ in range(_MAX_REQUESTS_PER_CONNECTION):
                request, buffer = self._read_request(conn, buffer)
                if request is None:
                    return
                self.requests.append(request)
                for data, delay in self.script(request):
                    if self._stop.wait(delay):
                        return
                    try:
                        conn.sendall(data)
                    except OSError:
                        return

    def _read_request(self, conn: socket.socket, buffer: bytes) -> tuple[Request | None, bytes]:
        while b"\r\n\r\n" not in buffer:
            if self._stop.is_set() or len(buffer) > _MAX_HEAD_BYTES:
                return None, b""
            try:
                data = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return None, b""
            if not data:
                return None, b""
            buffer += data
        head, _, rest = buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        deadline = time.monotonic() + 10
        while len(rest) < length and time.monotonic() < deadline and not self._stop.is_set():
            try:
                rest += conn.recv(65536)
            except TimeoutError:
                continue
        return Request(method, path, headers, rest[:length]), rest[length:]


@contextmanager
def scripted_server(script: Script) -> Iterator[ScriptedServer]:
    """Run a `ScriptedServer` for the duration of a `with` block."""
    server = ScriptedServer(script).start()
    try:
        yield server
    finally:
        server.stop()


def response(
    status: int = 200,
    body: bytes = b"",
    *,
    headers: dict[str, str] | None = None,
    content_type: str = "application/json",
) -> list[Piece]:
    """A whole answer sent at once."""
    head = [f"HTTP/1.1 {status} X", f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    head += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return [("\r\n".join(head).encode() + b"\r\n\r\n" + body, 0.0)]


def chunked(
    chunks: Sequence[bytes], *, content_type: str = "text/event-stream", delay: float = 0.0
) -> list[Piece]:
    """A 200 answer in chunked encoding: one HTTP chunk per item, then the end."""
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
    pieces: list[Piece] = [(head.encode(), 0.0)]
    for chunk in chunks:
        pieces.append((f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n", delay))
    pieces.append((b"0\r\n\r\n", 0.0))
    return pieces


def trickle(data: bytes, every: float) -> list[Piece]:
    """`data` one byte at a time, `every` seconds apart."""
    return [(data[i : i + 1], every) for i in range(len(data))]
