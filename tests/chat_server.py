"""A minimal OpenAI-style chat server on 127.0.0.1, in its own process, for call counting.

Started by `ChatServer` (this file runs as a script, with the standard library only). Its answers
are fixed and pre-encoded: a chat completion carrying `CHAT_TEXT`, or, with ``"stream": true``,
``max_tokens`` chunk events and ``[DONE]``, one HTTP chunk per event, sent in one write. A stream
that arrives all at once is read in the same few large pieces on every run, so the client's call
count barely varies with timing. Connections are kept alive and have ``TCP_NODELAY`` set.
"""

from __future__ import annotations

import functools
import json
import selectors
import socket
import subprocess
import sys
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self

TOKEN = "chat-server-token"  # the server accepts any token
MODEL = "meta-llama-3.1-8b-instruct"
MESSAGES = [{"role": "user", "content": "Describe Seattle in five sentences."}]
CHAT_TEXT = (
    "Seattle sits between Puget Sound and Lake Washington, on hills that once carried timber "
    "down to the water. Ferries cross the Sound all day, and Mount Rainier shows on clear days. "
    "The city grew on lumber, gold rush trade, aircraft and then software. Its markets, parks "
    "and bridges keep the water in view. Rain is frequent but rarely heavy."
)
_STARTUP_TIMEOUT = 30.0
_PORT_LINE = "PORT "


def token(index: int) -> str:
    """The text of chunk `index`, different for every index so a lost chunk changes the CRC."""
    return f" t{index}"


@functools.cache
def expected_stream(chunks: int) -> tuple[int, int]:
    """``(chunks, CRC-32 of their concatenated text)`` of a stream of `chunks` chunks."""
    crc = 0
    for index in range(chunks):
        crc = zlib.crc32(token(index).encode(), crc)
    return chunks, crc


def _answer(status: str, content_type: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {len(body)}"
    return f"{head}\r\n\r\n".encode() + body


def _chat_answer() -> bytes:
    message = {"role": "assistant", "content": CHAT_TEXT}
    completion = {
        "id": "chatcmpl-count",
        "object": "chat.completion",
        "created": 1727000000,
        "model": MODEL,
        "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 70, "total_tokens": 82},
    }
    return _answer("200 OK", "application/json", json.dumps(completion).encode())


def _http_chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


@functools.cache
def _stream_answer(chunks: int) -> bytes:
    parts = [
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
    ]
    for index in range(chunks):
        delta = {"role": "assistant", "content": token(index)}
        last = index == chunks - 1
        choice = {"index": 0, "delta": delta, "finish_reason": "stop" if last else None}
        chunk = {
            "id": "chatcmpl-count",
            "object": "chat.completion.chunk",
            "created": 1727000000,
            "model": MODEL,
            "choices": [choice],
        }
        parts.append(_http_chunk(b"data: " + json.dumps(chunk).encode() + b"\n\n"))
    parts.append(_http_chunk(b"data: [DONE]\n\n") + b"0\r\n\r\n")
    return b"".join(parts)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Small writes would otherwise wait for the client's delayed ACK.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != "/v1/chat/completions":
            self.wfile.write(_answer("404 Not Found", "application/json", b'{"message":"no"}'))
            return
        request = json.loads(body)
        if request.get("stream"):
            self.wfile.write(_stream_answer(int(request["max_tokens"])))
        else:
            self.wfile.write(_CHAT_ANSWER)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one stderr line per request would only be noise


_CHAT_ANSWER = _chat_answer()


def serve() -> None:
    """Serve on a free loopback port, announced as ``PORT <n>`` on stdout, until terminated."""
    with ThreadingHTTPServer(("127.0.0.1", 0), _Handler) as server:
        print(f"{_PORT_LINE}{server.server_address[1]}", flush=True)
        server.serve_forever()


class ChatServer:
    """``with ChatServer() as server:`` runs the server in a subprocess; `url` is its address."""

    def __init__(self) -> None:
        self.url = ""
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> Self:
        self._process = subprocess.Popen(  # noqa: S603 - this file, run by this interpreter
            [sys.executable, str(Path(__file__).resolve())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = ""
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            deadline = time.monotonic() + _STARTUP_TIMEOUT
            while not line.startswith(_PORT_LINE) and self._process.poll() is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                if selector.select(remaining):
                    line = self._process.stdout.readline()
        if not line.startswith(_PORT_LINE):
            self.__exit__(None, None, None)
            raise RuntimeError(f"the chat server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{int(line[len(_PORT_LINE) :])}"
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


if __name__ == "__main__":
    serve()
