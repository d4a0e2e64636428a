"""Asynchronous inference: queueing, states, results, expiry and limits, over real HTTP."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import httpx

from octoai_ext._constants import ASYNC_RESULT_RETENTION_SECONDS, MAX_ASYNC_REQUEST_BYTES
from octoai_ext.devserver import DevServer
from octoai_ext.devserver.jobs import PENDING_SECONDS

from .helpers import client

ASYNC = {"X-OctoAI-Async": "1"}


def submit(
    http: httpx.Client, endpoint: str, inputs: object, *, fault: str | None = None
) -> dict[str, str]:
    headers = {**ASYNC, "X-OctoAI-Fault": fault} if fault else ASYNC
    answer = http.post(f"/infer/{endpoint}", json=inputs, headers=headers)
    assert answer.status_code == 202, answer.text
    return answer.json()


def status_of(http: httpx.Client, queued: dict[str, str]) -> str:
    return str(http.get(queued["poll_url"]).json()["status"])


def test_submit_answers_before_the_job_ends(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "slow", {"duration": 60})
        status = status_of(http, queued)
    # Nobody advances the clock in this test, so the job has most of its minute still to go.
    assert status in {"pending", "running"}
    assert queued["poll_url"] == f"{devserver.base_url}/v1/requests/{queued['response_id']}"


def test_lifecycle_pending_running_completed(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(
            http, "slow", {"duration": 30, "tag": "x"}, fault=f"pending=10;key={uuid.uuid4()}"
        )
        states = [status_of(http, queued)]
        devserver.advance_clock(10)
        states.append(status_of(http, queued))
        devserver.advance_clock(30)
        states.append(status_of(http, queued))
        status = http.get(queued["poll_url"]).json()
        result = http.get(status["response_url"])
    assert states == ["pending", "running", "completed"]
    assert status["response_id"] == queued["response_id"]
    assert status["response_url"] == f"{devserver.base_url}/v1/responses/{queued['response_id']}"
    assert result.status_code == 200
    assert result.json() == {"echo": {"duration": 30, "tag": "x"}, "slept": 30}


def test_a_job_runs_once_the_default_pending_window_has_passed(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "slow", {"duration": 60})
        devserver.advance_clock(PENDING_SECONDS)
        assert status_of(http, queued) == "running"


def test_failed_job_reports_the_error(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "fail", {"message": "CUDA out of memory"})
        devserver.advance_clock(PENDING_SECONDS)
        status = http.get(queued["poll_url"]).json()
        result = http.get(f"/v1/responses/{queued['response_id']}")
    assert status == {
        "response_id": queued["response_id"],
        "status": "failed",
        "error": "CUDA out of memory",
    }
    assert result.status_code == 404


def test_result_of_an_unfinished_job_is_not_found(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "slow", {"duration": 60}, fault=f"pending=60;key={uuid.uuid4()}")
        answer = http.get(f"/v1/responses/{queued['response_id']}")
    assert answer.status_code == 404
    assert (
        answer.json()["message"] == f"Request {queued['response_id']} has no result: it is pending."
    )


def test_unknown_ids_are_not_found(devserver: DevServer) -> None:
    with client(devserver) as http:
        for path in ("/v1/requests/unknown-id", "/v1/responses/unknown-id", "/v1/requests/-x"):
            answer = http.get(path)
            assert answer.status_code == 404, path
            assert answer.json()["type"] == "not_found_error"


def test_results_expire_after_the_retention(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "echo", {"a": 1})
        devserver.advance_clock(PENDING_SECONDS)
        result_url = http.get(queued["poll_url"]).json()["response_url"]
        # A minute before the end of the 24 hours: still there.
        devserver.advance_clock(ASYNC_RESULT_RETENTION_SECONDS - 60)
        kept = http.get(result_url)
        devserver.advance_clock(60)
        status = http.get(queued["poll_url"])
        result = http.get(result_url)
    assert kept.json() == {"echo": {"a": 1}}
    for answer in (status, result):
        assert answer.status_code == 404
        assert "expired after the retention period (86400 seconds)" in answer.json()["message"]


def test_async_body_over_the_limit_is_a_413(devserver: DevServer) -> None:
    padding = "x" * (MAX_ASYNC_REQUEST_BYTES + 1)
    with client(devserver) as http:
        answer = http.post(
            "/infer/echo",
            content=b'{"p": "' + padding.encode() + b'"}',
            headers={**ASYNC, "Content-Type": "application/json"},
        )
    assert answer.status_code == 413
    assert answer.json()["type"] == "request_too_large"


def test_async_body_over_the_limit_without_length_is_a_413(devserver: DevServer) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"p": "'
        for _ in range(11):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    with client(devserver) as http:
        answer = http.post(
            "/infer/echo", content=chunks(), headers={**ASYNC, "Content-Type": "application/json"}
        )
    assert "content-length" not in answer.request.headers
    assert answer.status_code == 413


def test_async_body_just_under_the_limit_is_queued(devserver: DevServer) -> None:
    overhead = len(b'{"p": ""}')
    body = b'{"p": "' + b"x" * (MAX_ASYNC_REQUEST_BYTES - overhead) + b'"}'
    with client(devserver) as http:
        answer = http.post(
            "/infer/echo", content=body, headers={**ASYNC, "Content-Type": "application/json"}
        )
    assert answer.status_code == 202


async def test_hundreds_of_concurrent_jobs_complete(devserver: DevServer) -> None:
    count = 200
    headers = {"Authorization": f"Bearer {devserver.token}", **ASYNC}
    # Idle connections are dropped well before the server's 5 s keep-alive ends: reusing one
    # the server is closing at that very moment fails with a read error (seen on a busy
    # machine, where some of the 50 connections sit idle that long).
    limits = httpx.Limits(max_connections=50, keepalive_expiry=1)
    async with httpx.AsyncClient(
        base_url=devserver.base_url, headers=headers, timeout=60, limits=limits
    ) as http:
        answers = await asyncio.gather(
            *(http.post("/infer/slow", json={"duration": 60, "i": i}) for i in range(count))
        )
        assert {answer.status_code for answer in answers} == {202}
        ids = [answer.json()["response_id"] for answer in answers]
        polled = await asyncio.gather(*(http.get(f"/v1/requests/{rid}") for rid in ids))
        # All of them at once: none has ended before the clock passes their minute.
        assert {answer.json()["status"] for answer in polled} <= {"pending", "running"}
        moved = await http.post("/_devserver/clock", json={"advance": PENDING_SECONDS + 60})
        assert moved.status_code == 200
        # A result is there only once its job has completed.
        outputs = await asyncio.gather(*(http.get(f"/v1/responses/{rid}") for rid in ids))
    assert {output.status_code for output in outputs} == {200}
    assert [output.json()["echo"]["i"] for output in outputs] == list(range(count))
