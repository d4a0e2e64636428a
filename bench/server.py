"""A lean asyncio HTTP/1.1 server on 127.0.0.1 that answers the benchmark's requests.

Run it in its own process (`python -m bench.server`, or `ServerProcess` from `bench.serverproc`)
so that its CPU never counts as client CPU. Responses are pre-encoded; every accepted socket gets
`TCP_NODELAY` (small writes would otherwise wait ~40 ms for delayed ACKs); connections are kept
alive. Routes:

- `POST /v1/chat/completions`: the chat completion of `payloads.chat_body()`; with `"stream": true`
  an SSE stream of `max_tokens` chunks then `[DONE]`, one HTTP chunk per event, written all at
  once (model `bench-burst`) or one event per millisecond (model `bench-paced`).
- `POST /infer/bench`: outputs at once; with `X-OctoAI-Async: 1` a queued job (202) that completes
  `inputs["duration"]` seconds later, polled at `GET /v1/requests/{id}` and fetched at
  `GET /v1/responses/{id}`.
- `GET /healthcheck`.
- The asset library of `bench.asset_api` (create, complete-upload, get), and `PUT /_objects/<id>`,
  the presigned upload, whose body is counted and dropped as it arrives, never buffered.
- `GET /_bench/stats`, `POST /_bench/reset`: request counts per route and the poll rate.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import json
import socket
import sys
import time

from bench import payloads
from bench.asset_api import OBJECTS_PREFIX, AssetApi
from bench.jobs import Jobs

_REASONS = {200: b"OK", 202: b"Accepted", 400: b"Bad Request", 404: b"Not Found"}


def response(status: int, body: bytes, content_type: bytes = b"application/json") -> bytes:
    """A complete HTTP/1.1 response with `Content-Length`."""
    head = b"HTTP/1.1 %d %s\r\ncontent-type: %s\r\ncontent-length: %d\r\n" % (
        status,
        _REASONS[status],
        content_type,
        len(body),
    )
    return head + b"x-user-request-id: bench\r\n\r\n" + body


_STREAM_HEAD = (
    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
    b"transfer-encoding: chunked\r\nx-user-request-id: bench\r\n\r\n"
)
_CHAT = response(200, payloads.chat_body())
_HEALTH = response(200, b'{"status":"ok"}')
_NOT_FOUND = response(404, b'{"message":"not found","type":"not_found_error"}')


def _http_chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


@functools.cache
def stream_frames(count: int) -> tuple[bytes, ...]:
    """The HTTP chunks of a stream of `count` chunk events, `[DONE]` and the last chunk."""
    frames = [_http_chunk(payloads.chunk_event(i, count)) for i in range(count)]
    frames.append(_http_chunk(payloads.DONE_EVENT) + b"0\r\n\r\n")
    return tuple(frames)


@functools.cache
def stream_burst(count: int) -> bytes:
    """The whole stream of `count` chunks as one write."""
    return _STREAM_HEAD + b"".join(stream_frames(count))


class State:
    """Counters and queued jobs, shared by every connection."""

    def __init__(self) -> None:
        self.base = "http://127.0.0.1"
        self.counts: collections.Counter[str] = collections.Counter()
        self.jobs = Jobs()
        self.assets = AssetApi()

    def reset(self) -> None:
        """Forget counts, jobs, poll times and assets."""
        self.counts.clear()
        self.jobs.clear()
        self.assets.clear()

    def stats(self) -> bytes:
        """Counts per route and the polling statistics of `Jobs.stats`."""
        return json.dumps({"counts": dict(self.counts), **self.jobs.stats()}).encode()

    def submit(self, body: bytes) -> bytes:
        """Queue a job; answer its `response_id` and absolute `poll_url`."""
        job = self.jobs.submit(json.loads(body))
        answer = {"response_id": job, "poll_url": f"{self.base}/v1/requests/{job}"}
        return response(202, json.dumps(answer).encode())

    def poll(self, job: str) -> bytes:
        """The status of a job: `running`, or `completed` with its `response_url`."""
        done = self.jobs.poll(job)
        if done is None:
            return _NOT_FOUND
        if not done:
            return response(200, b'{"status":"running","response_id":"%s"}' % job.encode())
        url = f"{self.base}/v1/responses/{job}"
        body = {"status": "completed", "response_id": job, "response_url": url}
        return response(200, json.dumps(body).encode())

    def fetch(self, job: str) -> bytes:
        """The outputs of a completed job."""
        outputs = self.jobs.fetch(job)
        return _NOT_FOUND if outputs is None else response(200, outputs)


class HttpProtocol(asyncio.Protocol):
    """One keep-alive connection; requests are answered in order."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.busy = False
        # The upload in progress: its path, its declared size and the bytes still to come.
        self.upload = ""
        self.upload_size = 0
        self.upload_left = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.state.counts["connections"] += 1
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        if self.upload_left:
            data = self.drop(data)
        self.buffer += data
        if not self.busy and not self.upload_left:
            self.process()

    def drop(self, data: bytes) -> bytes:
        """Count and drop the upload's bytes in `data`, answer once all came; return the rest."""
        taken = min(len(data), self.upload_left)
        self.upload_left -= taken
        if not self.upload_left:
            assert self.transport is not None
            self.state.assets.uploaded(self.upload, self.upload_size)
            self.state.counts["upload"] += 1
            self.transport.write(response(200, b""))
        return data[taken:]

    def process(self) -> None:
        """Answer every complete request in the buffer (stop at a paced stream or an upload)."""
        while not self.busy and not self.upload_left:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1").split("\r\n")
            method, target, _ = head[0].split(" ", 2)
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if method == "PUT" and target.startswith(OBJECTS_PREFIX):
                # Never buffered: a server that copied 256 MiB around would be what is measured.
                self.upload = target.split("?", 1)[0]
                self.upload_size = self.upload_left = length
                self.buffer = self.drop(self.buffer[end + 4 :])
                continue
            if len(self.buffer) < end + 4 + length:
                return
            body = self.buffer[end + 4 : end + 4 + length]
            self.buffer = self.buffer[end + 4 + length :]
            self.dispatch(method, target.split("?", 1)[0], headers, body)

    def dispatch(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        """Route one request."""
        transport = self.transport
        assert transport is not None
        state = self.state
        if path.endswith("/chat/completions"):
            request = json.loads(body)
            if request.get("stream"):
                state.counts["stream"] += 1
                count = int(request["max_tokens"])
                if request["model"] == payloads.PACED_MODEL:
                    self.busy = True
                    asyncio.get_running_loop().create_task(self.paced(count))
                else:
                    transport.write(stream_burst(count))
            else:
                state.counts["chat"] += 1
                transport.write(_CHAT)
        elif path == payloads.INFER_PATH:
            if headers.get("x-octoai-async") == "1":
                state.counts["submit"] += 1
                transport.write(state.submit(body))
            else:
                state.counts["infer"] += 1
                tag = int(json.loads(body)["tag"])
                transport.write(response(200, json.dumps(payloads.job_outputs(tag)).encode()))
        elif path.startswith("/v1/requests/"):
            state.counts["poll"] += 1
            transport.write(state.poll(path.rsplit("/", 1)[1]))
        elif path.startswith("/v1/responses/"):
            state.counts["fetch"] += 1
            transport.write(state.fetch(path.rsplit("/", 1)[1]))
        elif state.assets.handles(method, path):
            state.counts["assets"] += 1
            status, answer = state.assets.answer(method, path, body, state.base)
            transport.write(response(status, answer))
        elif path == "/healthcheck":
            state.counts["health"] += 1
            transport.write(_HEALTH)
        elif path == "/_bench/stats":
            transport.write(response(200, state.stats()))
        elif path == "/_bench/reset" and method == "POST":
            state.reset()
            transport.write(response(200, b"{}"))
        else:
            transport.write(_NOT_FOUND)

    async def paced(self, count: int) -> None:
        """Write one event per millisecond on a fixed schedule (late events are not merged)."""
        transport = self.transport
        assert transport is not None
        frames = stream_frames(count)
        transport.write(_STREAM_HEAD)
        start = time.monotonic()
        for index, frame in enumerate(frames):
            delay = start + index / 1000 - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if transport.is_closing():
                return
            transport.write(frame)
        self.busy = False
        self.process()


async def serve(port: int, ready: asyncio.Future[int] | None = None) -> None:
    """Serve on 127.0.0.1:`port` (0 picks a free port) until cancelled."""
    loop = asyncio.get_running_loop()
    state = State()
    server = await loop.create_server(
        lambda: HttpProtocol(state), "127.0.0.1", port, backlog=1024, reuse_address=True
    )
    bound = server.sockets[0].getsockname()[1]
    state.base = f"http://127.0.0.1:{bound}"
    print(f"PORT {bound}", flush=True)
    if ready is not None:
        ready.set_result(bound)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    """Command line: `python -m bench.server [--port N]`; prints `PORT <n>` once listening."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    try:
        asyncio.run(serve(args.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
