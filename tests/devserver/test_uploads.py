"""The signed-URL object store over real HTTP: credentials, sizes, faults and memory."""

from __future__ import annotations

import socket
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from support.control import clear_request_log, request_log

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.settings import DEFAULT_URL_SECONDS

from .platform import advance, client, clocked_server, create, unique, weights

#: The largest upload this module's server takes: more than any other test here sends.
LIMIT = 5 * 1024 * 1024


@pytest.fixture(scope="module")
def platform_server() -> Iterator[DevServer]:
    """This module's server, on a test clock, takes uploads of at most `LIMIT` bytes."""
    with clocked_server(max_upload_bytes=LIMIT) as server:
        yield server


def put_url(server: DevServer, asset_type: str = "lora") -> tuple[str, str]:
    with client(server) as http:
        created = create(http, asset_type, unique("up"))
    return created["asset"]["id"], created["transfer_api"]["put_url"]


def complete(server: DevServer, asset_id: str) -> dict:
    with client(server) as http:
        return http.post(f"/v1/assets/{asset_id}/complete-upload", json={}).json()


def test_an_upload_with_an_authorization_header_is_refused(platform_server: DevServer) -> None:
    asset_id, url = put_url(platform_server)
    clear_request_log(platform_server)
    with_token = httpx.put(url, content=b"x", headers={"Authorization": "Bearer secret"})
    without = httpx.put(url, content=weights())
    log = request_log(platform_server)
    assert with_token.status_code == 400
    assert with_token.json()["param"] == "Authorization"
    assert without.status_code == 200
    puts = [entry for entry in log if entry["method"] == "PUT"]
    path = f"/_objects/{asset_id}"
    assert [(e["path"], e["has_authorization"]) for e in puts] == [(path, True), (path, False)]
    assert all("signature" not in entry["path"] for entry in log), "the log keeps no query"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda q: {**q, "signature": ["0" * 64]},
        lambda q: {**q, "expires": [str(int(q["expires"][0]) + 10)]},
        lambda q: {"expires": q["expires"]},
    ],
)
def test_tampered_upload_urls_are_forbidden(platform_server: DevServer, tamper) -> None:
    _, url = put_url(platform_server)
    parts = urllib.parse.urlsplit(url)
    query = tamper(urllib.parse.parse_qs(parts.query))
    forged = parts._replace(query=urllib.parse.urlencode(query, doseq=True)).geturl()
    answer = httpx.put(forged, content=b"x")
    assert answer.status_code == 403
    assert answer.json()["type"] == "access_denied"


def test_urls_are_bound_to_their_asset_and_method(platform_server: DevServer) -> None:
    first_id, first_url = put_url(platform_server)
    second_id, _ = put_url(platform_server)
    other_asset = first_url.replace(first_id, second_id)
    assert httpx.put(other_asset, content=b"x").status_code == 403
    with client(platform_server) as http:
        get_url = http.get(f"/v1/assets/{first_id}").json()["transfer_api"]["get_url"]
    assert httpx.put(get_url, content=b"x").status_code == 403
    assert httpx.get(first_url).status_code == 403


def test_urls_expire(platform_server: DevServer) -> None:
    _, url = put_url(platform_server)
    with client(platform_server) as http:
        advance(http, DEFAULT_URL_SECONDS - 60)
        a_minute_before = httpx.put(url, content=b"x")
        advance(http, 60)
        answer = httpx.put(url, content=b"x")
    assert a_minute_before.status_code == 200
    assert answer.status_code == 403
    assert "expired" in answer.json()["message"]


def test_an_upload_must_declare_its_length(platform_server: DevServer) -> None:
    _, url = put_url(platform_server)

    def chunks() -> Iterator[bytes]:
        yield b"abc"

    answer = httpx.put(url, content=chunks())
    assert "content-length" not in answer.request.headers
    assert answer.status_code == 411


def test_an_upload_over_the_limit_is_refused(platform_server: DevServer) -> None:
    _, url = put_url(platform_server)
    assert httpx.put(url, content=b"x" * LIMIT).status_code == 200
    too_big = httpx.put(url, content=b"x" * (LIMIT + 1))
    assert too_big.status_code == 400
    assert too_big.json()["type"] == "entity_too_large"


def _raw_put(url: str, declared: int, body: bytes) -> bytes:
    """Send a PUT whose body is shorter than its Content-Length, then half-close."""
    parts = urllib.parse.urlsplit(url)
    request = (
        f"PUT {parts.path}?{parts.query} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    ).encode() + body
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def test_a_body_shorter_than_its_length_is_not_kept(platform_server: DevServer) -> None:
    asset_id, url = put_url(platform_server)
    _raw_put(url, 1000, b"x" * 400)
    outcome = complete(platform_server, asset_id)
    assert "No file was uploaded" in (outcome["error"] or "")


def test_an_upload_after_completion_is_refused(platform_server: DevServer) -> None:
    asset_id, url = put_url(platform_server)
    assert httpx.put(url, content=weights()).status_code == 200
    assert complete(platform_server, asset_id) == {"error": None}
    again = httpx.put(url, content=weights("other"))
    assert again.status_code == 409


def test_a_second_upload_replaces_the_first(platform_server: DevServer) -> None:
    asset_id, url = put_url(platform_server)
    httpx.put(url, content=b"first version, not weights")
    httpx.put(url, content=weights("second"))
    assert complete(platform_server, asset_id) == {"error": None}
    with client(platform_server) as http:
        get_url = http.get(f"/v1/assets/{asset_id}").json()["transfer_api"]["get_url"]
    assert httpx.get(get_url).content == weights("second")


def test_downloads_support_ranges_and_head(platform_server: DevServer) -> None:
    content = weights("ranged")
    asset_id, url = put_url(platform_server)
    httpx.put(url, content=content)
    complete(platform_server, asset_id)
    with client(platform_server) as http:
        get_url = http.get(f"/v1/assets/{asset_id}").json()["transfer_api"]["get_url"]
    part = httpx.get(get_url, headers={"Range": "bytes=2-9"})
    head = httpx.head(get_url)
    assert part.status_code == 206 and part.content == content[2:10]
    assert head.status_code == 200 and int(head.headers["content-length"]) == len(content)


def test_nothing_to_download_before_the_upload(platform_server: DevServer) -> None:
    asset_id, _ = put_url(platform_server)
    with client(platform_server) as http:
        get_url = http.get(f"/v1/assets/{asset_id}").json()["transfer_api"]["get_url"]
    assert httpx.get(get_url).status_code == 404


def test_armed_faults_reach_uploads_that_carry_no_fault_header(platform_server: DevServer) -> None:
    asset_id, url = put_url(platform_server)
    with client(platform_server) as http:
        armed = http.post(
            "/_devserver/faults",
            json={
                "path": "/_objects/",
                "method": "PUT",
                "directive": "status=503;retry-after=1;times=2",
            },
        )
        statuses = [httpx.put(url, content=weights()) for _ in range(3)]
        left = http.get("/_devserver/faults").json()
    assert armed.status_code == 201 and armed.json()["remaining"] == 2
    assert [answer.status_code for answer in statuses] == [503, 503, 200]
    assert statuses[0].headers["retry-after"] == "1"
    assert left == []
    assert complete(platform_server, asset_id) == {"error": None}


def test_cut_upload_after_drops_the_connection_mid_body(platform_server: DevServer) -> None:
    asset_id, url = put_url(platform_server, "file")
    with client(platform_server) as http:
        http.post(
            "/_devserver/faults",
            json={"path": f"/_objects/{asset_id}", "directive": "cut-upload-after=65536;times=1"},
        )
    with pytest.raises(httpx.TransportError):
        httpx.put(url, content=b"\x89PNG\r\n\x1a\n" + b"\x00" * (4 * 1024 * 1024))
    outcome = complete(platform_server, asset_id)
    assert "No file was uploaded" in (outcome["error"] or ""), "the cut upload was not kept"


def test_fault_headers_reach_the_object_routes(platform_server: DevServer) -> None:
    _, url = put_url(platform_server)
    answer = httpx.put(url, content=b"x", headers={"X-OctoAI-Fault": "status=500"})
    assert answer.status_code == 500 and answer.json()["type"] == "injected_fault"


def test_arming_checks_its_input(platform_server: DevServer) -> None:
    with client(platform_server) as http:
        bad_directive = http.post(
            "/_devserver/faults", json={"path": "/_objects/", "directive": "explode=1"}
        )
        bad_path = http.post(
            "/_devserver/faults", json={"path": "_objects", "directive": "status=500"}
        )
        not_json = http.post(
            "/_devserver/faults", content=b"{", headers={"Content-Type": "application/json"}
        )
        http.post("/_devserver/faults", json={"path": "/nowhere/", "directive": "status=500"})
        listed = http.get("/_devserver/faults").json()
        cleared = http.delete("/_devserver/faults")
        after = http.get("/_devserver/faults").json()
    assert [a.status_code for a in (bad_directive, bad_path, not_json)] == [400, 400, 400]
    assert bad_directive.json()["param"] == "directive"
    assert {
        "path": "/nowhere/",
        "method": None,
        "directive": "status=500",
        "remaining": None,
    } in listed
    assert cleared.status_code == 204 and after == []


def test_arming_needs_fault_injection(plain_devserver: DevServer) -> None:
    answer = httpx.post(
        f"{plain_devserver.base_url}/_devserver/faults",
        json={"path": "/", "directive": "status=500"},
    )
    assert answer.status_code == 404


def _high_water_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_large_upload_streams_to_disk_with_flat_memory() -> None:
    size = 96 * 1024 * 1024
    chunk = bytes(range(256)) * 256  # 64 KiB

    def body() -> Iterator[bytes]:
        for _ in range(size // len(chunk)):
            yield chunk

    with clocked_server() as server:
        asset_id, url = put_url(server, "file")
        httpx.put(url, content=b"warm up the route")
        before = _high_water_kib(server.pid)
        answer = httpx.put(url, content=body(), headers={"Content-Length": str(size)}, timeout=120)
        after = _high_water_kib(server.pid)
        with client(server) as http:
            http.post(f"/v1/assets/{asset_id}/complete-upload", json={})
            asset = http.get(f"/v1/assets/{asset_id}").json()["asset"]
    assert answer.status_code == 200
    assert asset["size_bytes"] == size
    # Memory, not time: the peak may grow by buffers, never by anything near the body's size.
    assert after - before < 24 * 1024, f"peak memory grew by {(after - before) // 1024} MiB"
