"""Cold start, the command line and the `DevServer` launcher."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import httpx
import pytest

from octoai_ext.devserver import DEFAULT_TOKEN, DevServer, DevServerError
from octoai_ext.devserver.validation import find_spec

from .helpers import CHAT_MODEL, client

CHAT = {"model": CHAT_MODEL, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 2}


def test_cold_start_answers_503_then_200(start_devserver) -> None:
    server = start_devserver(cold_start=600.0, test_clock=True)
    with client(server) as http:
        cold = http.get("/healthcheck")
        cold_chat = http.post("/v1/chat/completions", json=CHAT)
        cold_infer = http.post("/infer/echo", json={})
        server.advance_clock(300)
        halfway = http.get("/healthcheck")
        server.advance_clock(300)
        warm = http.get("/healthcheck")
        warm_chat = http.post("/v1/chat/completions", json=CHAT)
    assert cold.status_code == 503
    assert cold.headers["Retry-After"] == "1"
    assert cold.json()["type"] == "service_unavailable"
    assert cold_chat.status_code == 503
    assert cold_infer.status_code == 503
    assert halfway.status_code == 503
    assert warm.status_code == 200
    assert warm.json() == {"status": "ok"}
    assert warm_chat.status_code == 200


def test_launcher_exposes_its_address(devserver: DevServer) -> None:
    assert devserver.token == DEFAULT_TOKEN
    assert devserver.host == "127.0.0.1"
    assert devserver.base_url == f"http://127.0.0.1:{devserver.port}"
    assert DEFAULT_TOKEN not in repr(devserver)


def test_second_loopback_host(second_host_devserver: DevServer) -> None:
    server = second_host_devserver
    assert server.base_url.startswith("http://127.0.0.2:")
    assert httpx.get(f"{server.base_url}/healthcheck").status_code == 200


def test_start_and_stop_without_a_with_block() -> None:
    server = DevServer().start()
    base_url = server.base_url
    assert httpx.get(f"{base_url}/healthcheck").status_code == 200
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base_url}/healthcheck")
    with pytest.raises(DevServerError):
        _ = server.base_url


def test_start_failure_carries_the_server_error_output(tmp_path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(DevServerError, match=r"missing\.yaml"):
        DevServer(extra_args=["--spec", str(missing)]).start()


def test_spec_option_is_used(tmp_path, start_devserver) -> None:
    spec = find_spec().read_text(encoding="utf-8").replace("maximum: 2\n", "maximum: 9\n")
    path = tmp_path / "openapi.yaml"
    path.write_text(spec, encoding="utf-8")
    server = start_devserver(extra_args=["--spec", str(path)])
    with client(server) as http:
        answer = http.post("/v1/chat/completions", json={**CHAT, "temperature": 5})
    assert answer.status_code == 200


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_command_line_prints_its_address_and_stops_on_signals(sig: signal.Signals) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "octoai_ext.devserver", "--port", "0", "--token", "t1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.fullmatch(r"octoai-devserver listening on (http://127\.0\.0\.1:(\d+))\n", line)
        assert match, line
        answer = httpx.post(
            f"{match[1]}/infer/echo", json={"a": 1}, headers={"Authorization": "Bearer t1"}
        )
        assert answer.json() == {"echo": {"a": 1}}
        process.send_signal(sig)
        process.wait(timeout=10)
    finally:
        process.kill()
        process.wait()
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        process.stderr.close()
    assert process.returncode in {0, -sig}
