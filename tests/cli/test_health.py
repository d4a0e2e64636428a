"""``octoai health`` end to end: ready, cold start, not found, timeouts and no server."""

from __future__ import annotations

from collections.abc import Callable

from support.control import clear_request_log, request_log

from octoai_ext.devserver import DevServer

from .conftest import Octoai, environment


def test_a_ready_endpoint_exits_0(octoai: Octoai) -> None:
    result = octoai("health", octoai.url("/healthcheck"))
    assert (result.code, result.stdout, result.stderr) == (0, "200 OK\n", "")


def test_health_sends_no_token(octoai: Octoai) -> None:
    # The log is shared by every test (other health checks may carry a token): start
    # it afresh, so what it holds afterwards is this command's requests alone.
    clear_request_log(octoai.server)
    assert octoai("health", octoai.url("/healthcheck")).code == 0
    entries = request_log(octoai.server)
    assert entries == [
        {"method": "GET", "path": "/healthcheck", "has_authorization": False, "fault": None}
    ]


def test_health_needs_no_token(devserver: DevServer) -> None:
    env = environment(None, OCTOAI_BASE_URL=devserver.base_url)
    result = Octoai(devserver)("health", devserver.base_url + "/healthcheck", env=env)
    assert result.code == 0, result.stderr


def test_health_waits_through_a_cold_start(start_devserver: Callable[..., DevServer]) -> None:
    cold = start_devserver(cold_start=600.0, test_clock=True)
    # The server stays cold until the command has said it waits; then the clock moves on.
    result = Octoai(cold).run_until(
        "health",
        cold.base_url + "/healthcheck",
        "--interval",
        "0.1",
        when=lambda _out, err: "octoai: warning: " in err,
        then=lambda _process: cold.advance_clock(600),
    )
    assert result.code == 0, result.stderr
    assert result.stdout == "200 OK\n"
    # One warning about the cold start, no progress noise (stderr is not a terminal).
    assert result.error_lines[0].startswith("octoai: warning: ")
    assert "\r" not in result.stderr


def test_a_cold_start_longer_than_the_timeout_exits_4(cold_devserver: DevServer) -> None:
    cold = cold_devserver
    result = Octoai(cold)(
        "health", cold.base_url + "/healthcheck", "--timeout", "0.3", "--interval", "0.1"
    )
    assert result.code == 4
    assert result.stdout == ""
    assert result.error_lines[-1] == (
        f"octoai: error: not healthy: {cold.base_url}/healthcheck still answered "
        "503 Service Unavailable after 0.3 s"
    )


def test_a_4xx_answer_is_not_healthy(octoai: Octoai) -> None:
    result = octoai("health", octoai.url("/no-such-path"))
    assert result.code == 1
    assert result.error_lines == [
        f"octoai: error: not healthy: {octoai.url('/no-such-path')} answered 404 Not Found"
    ]


def test_no_server_exits_4(octoai: Octoai, dead_url: str) -> None:
    result = octoai("health", dead_url + "/healthcheck", "--timeout", "0.3", "--interval", "0.1")
    assert result.code == 4
    assert result.error_lines[-1].startswith("octoai: error: not healthy: ")
    assert "did not answer within 0.3 s" in result.error_lines[-1]
    assert "Traceback" not in result.stderr
