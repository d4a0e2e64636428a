"""The benchmark server's asset routes and its streamed upload, over real HTTP.

The upload benchmark is only about the client if the server takes any body, however the
kernel splits it, without buffering it, and then goes on with the next request on the same
connection; these tests hold it to that.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from bench.serverproc import ServerProcess

TOKEN = {"Authorization": "Bearer bench-token"}


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    with ServerProcess() as running:
        yield running


def _create(http: httpx.Client, url: str) -> tuple[str, str]:
    body = {"asset_type": "file", "name": "x", "data": {"asset_type": "file"}}
    created = http.post(url + "/v1/assets", json=body, headers=TOKEN)
    assert created.status_code == 200
    answer = created.json()
    assert answer["asset"]["status"] == "ready_to_upload"
    return answer["asset"]["id"], answer["transfer_api"]["put_url"]


@pytest.mark.parametrize("size", [0, 1, 3 * 1024 * 1024 + 17])
def test_an_upload_is_counted_and_the_connection_goes_on(server: ServerProcess, size: int) -> None:
    server.reset()
    with httpx.Client() as http:
        asset_id, put_url = _create(http, server.url)
        assert http.put(put_url, content=b"\x00" * size).status_code == 200
        completed = http.post(f"{server.url}/v1/assets/{asset_id}/complete-upload", json={})
        assert completed.json() == {"error": None}
        asset = http.get(f"{server.url}/v1/assets/{asset_id}", headers=TOKEN).json()["asset"]
    assert (asset["status"], asset["size_bytes"]) == ("ready", size)
    counts = server.stats()["counts"]
    # One connection for the client's four requests, one for this `stats` request.
    assert (counts["connections"], counts["upload"], counts["assets"]) == (2, 1, 3)


def test_a_body_split_anywhere_ends_where_its_length_says(server: ServerProcess) -> None:
    with httpx.Client() as http:
        asset_id, put_url = _create(http, server.url)
    path = httpx.URL(put_url).raw_path.decode()
    body = bytes(range(256)) * 40
    head = f"PUT {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    then = f"GET /v1/assets/{asset_id} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    address = httpx.URL(server.url)
    with socket.create_connection((address.host, address.port or 80), timeout=10) as sock:
        # The head with a first piece of the body, then the rest with the next request behind it.
        sock.sendall(head + body[:10])
        sock.sendall(body[10:] + then)
        received = b""
        while received.count(b"HTTP/1.1 ") < 2 or not received.endswith(b"}"):
            chunk = sock.recv(65536)
            assert chunk, f"the server closed the connection after {received!r}"
            received += chunk
    first, second = received.split(b"HTTP/1.1 ")[1:]
    assert first.startswith(b"200 ")
    assert second.startswith(b"200 ")
    assert b'"size_bytes": %d' % len(body) in second
