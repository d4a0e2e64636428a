"""Every fault directive and the request log, over real HTTP."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.jobs import PENDING_SECONDS
from octoai_ext.devserver.streaming import ERROR_EVENT

from .helpers import CHAT_MODEL, client, sse_data

CHAT = {"model": CHAT_MODEL, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 6}
STREAM = {**CHAT, "stream": True}


def fault(text: str) -> dict[str, str]:
    """A fault header with a unique key, so counters never leak between tests."""
    return {"X-OctoAI-Fault": f"{text};key={uuid.uuid4()}"}


def chat(server: DevServer, directive: str, body: dict[str, Any] = CHAT) -> httpx.Response:
    with client(server) as http:
        return http.post("/v1/chat/completions", json=body, headers=fault(directive))


@pytest.mark.parametrize("status", [429, 499, 500, 503, 520, 529, 418])
def test_status_answers_an_error_response(devserver: DevServer, status: int) -> None:
    answer = chat(devserver, f"status={status}")
    assert answer.status_code == status
    assert answer.json() == {
        "message": f"injected fault {status}",
        "type": "injected_fault",
        "object": "error",
    }
    assert "X-User-Request-ID" in answer.headers


def test_times_then_normal(devserver: DevServer) -> None:
    headers = fault("status=503;times=2")
    with client(devserver) as http:
        codes = [
            http.post("/v1/chat/completions", json=CHAT, headers=headers).status_code
            for _ in range(4)
        ]
    assert codes == [503, 503, 200, 200]


def test_key_is_shared_between_different_headers(devserver: DevServer) -> None:
    key = uuid.uuid4()
    with client(devserver) as http:
        first = http.post(
            "/infer/echo", json={}, headers={"X-OctoAI-Fault": f"status=500;times=1;key={key}"}
        )
        second = http.post(
            "/infer/echo", json={}, headers={"X-OctoAI-Fault": f"key={key};times=1;status=500"}
        )
    assert (first.status_code, second.status_code) == (500, 200)


def test_default_key_is_the_whole_header(devserver: DevServer) -> None:
    header = {"X-OctoAI-Fault": f"status=502;times=1;retry-after={uuid.uuid4().int % 1000}"}
    with client(devserver) as http:
        codes = [http.post("/infer/echo", json={}, headers=header).status_code for _ in range(2)]
    assert codes == [502, 200]


@pytest.mark.parametrize("value", ["3", "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_retry_after_is_copied(devserver: DevServer, value: str) -> None:
    answer = chat(devserver, f"status=429;retry-after={value}")
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == value


def test_delay_waits_before_answering(devserver: DevServer) -> None:
    # The read timeout is far below the delay: only a waiting server misses it.
    with client(devserver) as http, pytest.raises(httpx.ReadTimeout):
        http.post(
            "/v1/chat/completions",
            json=CHAT,
            headers=fault("delay=5"),
            timeout=httpx.Timeout(10, read=0.5),
        )
    assert chat(devserver, "delay=0.05").status_code == 200


def test_faults_apply_to_the_health_check(devserver: DevServer) -> None:
    answer = httpx.get(f"{devserver.base_url}/healthcheck", headers=fault("status=503"))
    assert answer.status_code == 503


def test_malformed_json(devserver: DevServer) -> None:
    answer = chat(devserver, "malformed=json")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        answer.json()


def test_malformed_shape(devserver: DevServer) -> None:
    answer = chat(devserver, "malformed=shape")
    assert answer.status_code == 200
    assert answer.json() == {"unexpected": True}


def test_malformed_sse_sends_an_event_that_is_not_json(devserver: DevServer) -> None:
    data = sse_data(chat(devserver, "malformed=sse", STREAM).text)
    json.loads(data[0])
    with pytest.raises(json.JSONDecodeError):
        json.loads(data[1])


def test_cut_after_breaks_the_connection(devserver: DevServer) -> None:
    received: list[bytes] = []

    def read() -> None:
        with (
            client(devserver) as http,
            http.stream(
                "POST", "/v1/chat/completions", json=STREAM, headers=fault("cut-after=2")
            ) as answer,
        ):
            received.extend(answer.iter_bytes())

    with pytest.raises(httpx.RemoteProtocolError):
        read()
    assert len(sse_data(b"".join(received).decode())) == 2


def test_end_after_ends_cleanly_without_the_terminator(devserver: DevServer) -> None:
    answer = chat(devserver, "end-after=2", STREAM)
    data = sse_data(answer.text)
    assert len(data) == 2
    assert "[DONE]" not in data


def test_end_after_past_the_stream_drops_only_the_terminator(devserver: DevServer) -> None:
    data = sse_data(chat(devserver, "end-after=1000", STREAM).text)
    assert len(data) == 6
    assert "[DONE]" not in data


def test_end_after_drops_the_done_event_of_a_huggingface_stream(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post(
            "/infer/tokens",
            json={"prompt": "x", "max_tokens": 4, "stream": True},
            headers=fault("end-after=10"),
        )
    events = [json.loads(item) for item in sse_data(answer.text)]
    assert len(events) == 3
    assert not any(event["done"] for event in events)


def test_error_event_after(devserver: DevServer) -> None:
    text = chat(devserver, "error-event-after=1", STREAM).text
    assert text.endswith(ERROR_EVENT)
    assert "event: error" in text
    data = sse_data(text)
    assert len(data) == 2
    assert json.loads(data[1]) == {
        "message": "injected stream error",
        "type": "server_error",
        "object": "error",
    }


def read_events(server: DevServer, directive: str, read_timeout: float) -> list[str]:
    """Read a chat stream line by line; return the data seen, even if a read times out."""
    data: list[str] = []
    timeout = httpx.Timeout(10, read=read_timeout)
    with (
        client(server) as http,
        http.stream(
            "POST", "/v1/chat/completions", json=STREAM, headers=fault(directive), timeout=timeout
        ) as answer,
    ):
        try:
            data.extend(line[6:] for line in answer.iter_lines() if line.startswith("data: "))
        except httpx.ReadTimeout:
            data.append("<timeout>")
    return data


def test_stall_after_goes_silent_then_continues(devserver: DevServer) -> None:
    # A read timeout far below the stall shows the silence, after exactly two events.
    stalled = read_events(devserver, "stall-after=2;stall=5", read_timeout=0.5)
    assert len(stalled) == 3
    assert stalled[-1] == "<timeout>"
    # With a patient reader the stream continues to its end after the stall.
    finished = read_events(devserver, "stall-after=2;stall=0.2", read_timeout=10)
    assert len(finished) == 7
    assert finished[-1] == "[DONE]"


def test_poll_url_base(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post(
            "/infer/echo",
            json={},
            headers={"X-OctoAI-Async": "1", **fault("poll-url-base=http://127.0.0.2:9")},
        )
    body = answer.json()
    assert body["poll_url"] == f"http://127.0.0.2:9/v1/requests/{body['response_id']}"


@pytest.mark.parametrize(
    ("directive", "expected"),
    [
        ("status-override=mystery", {"status": "mystery"}),
        ("status-override=completed-without-url", {"status": "completed"}),
    ],
)
def test_status_override(devserver: DevServer, directive: str, expected: dict[str, str]) -> None:
    with client(devserver) as http:
        queued = http.post("/infer/echo", json={}, headers={"X-OctoAI-Async": "1"}).json()
        devserver.advance_clock(PENDING_SECONDS)
        assert http.get(queued["poll_url"]).json()["status"] == "completed"
        status = http.get(queued["poll_url"], headers=fault(directive)).json()
    assert status == {"response_id": queued["response_id"], **expected}


@pytest.mark.parametrize("status", [204, 304])
def test_status_without_a_body(devserver: DevServer, status: int) -> None:
    answer = chat(devserver, f"status={status}")
    assert answer.status_code == status
    assert answer.content == b""


def test_unknown_directive_is_a_400_naming_it(devserver: DevServer) -> None:
    answer = chat(devserver, "explode=1")
    assert answer.status_code == 400
    assert "explode" in answer.json()["message"]


def test_faults_are_ignored_without_the_flag(plain_devserver: DevServer) -> None:
    answer = chat(plain_devserver, "status=500")
    assert answer.status_code == 200
    with client(plain_devserver) as http:
        assert http.get("/_devserver/requests").status_code == 404


def test_request_log(devserver: DevServer) -> None:
    with client(devserver) as http:
        assert http.delete("/_devserver/requests").status_code == 204
        http.post("/infer/echo", json={}, headers={"X-OctoAI-Fault": "delay=0"})
        httpx.get(f"{devserver.base_url}/healthcheck")
        entries = http.get("/_devserver/requests").json()
    assert entries == [
        {"method": "POST", "path": "/infer/echo", "has_authorization": True, "fault": "delay=0"},
        {"method": "GET", "path": "/healthcheck", "has_authorization": False, "fault": None},
    ]
    assert devserver.token not in json.dumps(entries)


def test_request_log_picks_the_requests_of_one_fault_key(devserver: DevServer) -> None:
    mine, other = uuid.uuid4().hex, uuid.uuid4().hex
    with client(devserver) as http:
        http.post("/infer/echo", json={}, headers={"X-OctoAI-Fault": f"delay=0;key={mine}"})
        http.post("/infer/echo", json={}, headers={"X-OctoAI-Fault": f"key={other}"})
        http.get("/healthcheck", headers={"X-OctoAI-Fault": f"key={mine}"})
        # A header that cannot be parsed has no key at all.
        http.post("/infer/echo", json={}, headers={"X-OctoAI-Fault": f"explode=1;key={mine}"})
        entries = http.get("/_devserver/requests", params={"fault_key": mine}).json()
    assert [(entry["method"], entry["path"], entry["fault"]) for entry in entries] == [
        ("POST", "/infer/echo", f"delay=0;key={mine}"),
        ("GET", "/healthcheck", f"key={mine}"),
    ]


def test_pending_keeps_a_job_queued_for_that_long(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = http.post(
            "/infer/echo", json={"a": 1}, headers={"X-OctoAI-Async": "1", **fault("pending=30")}
        ).json()
        states = [http.get(queued["poll_url"]).json()["status"]]
        devserver.advance_clock(20)
        states.append(http.get(queued["poll_url"]).json()["status"])
        devserver.advance_clock(10)
        states.append(http.get(queued["poll_url"]).json()["status"])
    assert states == ["pending", "pending", "completed"]
