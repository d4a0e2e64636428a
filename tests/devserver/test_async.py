"""Asynchronous inference: queueing, states, results, expiry and limits, over real HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx

from octoai_ext._constants import MAX_ASYNC_REQUEST_BYTES
from octoai_ext.devserver import DevServer

from .helpers import client, poll

ASYNC = {"X-OctoAI-Async": "1"}


def submit(http: httpx.Client, endpoint: str, inputs: object) -> dict[str, str]:
    answer = http.post(f"/infer/{endpoint}", json=inputs, headers=ASYNC)
    assert answer.status_code == 202, answer.text
    return answer.json()


def test_submit_answers_before_the_job_ends(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "slow", {"duration": 60})
        status = http.get(queued["poll_url"]).json()["status"]
    assert status in {"pending", "running"}
    assert queued["poll_url"] == f"{devserver.base_url}/v1/requests/{queued['response_id']}"


def test_lifecycle_pending_running_completed(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "slow", {"duration": 0.3, "tag": "x"})
        states = poll(http, queued["poll_url"], until={"completed", "failed"})
        # States only move forward. The 100 ms `pending` window can pass unseen on a loaded
        # machine, so seeing it is not required; `running` lasts the job's 0.3 s.
        assert states[-2:] == ["running", "completed"]
        assert states in (["pending", "running", "completed"], ["running", "completed"])
        status = http.get(queued["poll_url"]).json()
        assert status["response_id"] == queued["response_id"]
        assert status["response_url"] == (
            f"{devserver.base_url}/v1/responses/{queued['response_id']}"
        )
        result = http.get(status["response_url"])
    assert result.status_code == 200
    assert result.json() == {"echo": {"duration": 0.3, "tag": "x"}, "slept": 0.3}


def test_a_new_job_starts_pending(devserver: DevServer) -> None:
    with client(devserver) as http:
        # A job that waits behind nothing still reports `pending` first; the window is 100 ms,
        # so retry a few times rather than depend on one fast round trip.
        for _ in range(5):
            queued = submit(http, "slow", {"duration": 0.1})
            if http.get(queued["poll_url"]).json()["status"] == "pending":
                return
    raise AssertionError("no job was ever seen pending")


def test_failed_job_reports_the_error(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "fail", {"message": "CUDA out of memory"})
        states = poll(http, queued["poll_url"], until={"completed", "failed"})
        status = http.get(queued["poll_url"]).json()
        result = http.get(f"/v1/responses/{queued['response_id']}")
    assert states[-1] == "failed"
    assert status["error"] == "CUDA out of memory"
    assert "response_url" not in status
    assert result.status_code == 404


def test_result_of_an_unfinished_job_is_not_found(devserver: DevServer) -> None:
    with client(devserver) as http:
        queued = submit(http, "slow", {"duration": 2})
        answer = http.get(f"/v1/responses/{queued['response_id']}")
    assert answer.status_code == 404
    assert "no result" in answer.json()["message"]


def test_unknown_ids_are_not_found(devserver: DevServer) -> None:
    with client(devserver) as http:
        for path in ("/v1/requests/unknown-id", "/v1/responses/unknown-id", "/v1/requests/-x"):
            answer = http.get(path)
            assert answer.status_code == 404, path
            assert answer.json()["type"] == "not_found_error"


def test_results_expire_after_the_retention(start_devserver) -> None:
    server = start_devserver(retention=2.0)
    with client(server) as http:
        queued = submit(http, "echo", {"a": 1})
        poll(http, queued["poll_url"], until={"completed"})
        result_url = http.get(queued["poll_url"]).json()["response_url"]
        assert http.get(result_url).status_code == 200
        deadline = time.monotonic() + 10
        while http.get(queued["poll_url"]).status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        status = http.get(queued["poll_url"])
        result = http.get(result_url)
    for answer in (status, result):
        assert answer.status_code == 404
        assert "expired after the retention period" in answer.json()["message"]


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
    headers = {"Authorization": f"Bearer {devserver.token}", **ASYNC}
    limits = httpx.Limits(max_connections=50)
    async with httpx.AsyncClient(
        base_url=devserver.base_url, headers=headers, timeout=60, limits=limits
    ) as http:
        answers = await asyncio.gather(
            *(http.post("/infer/slow", json={"duration": 0.5, "i": i}) for i in range(300))
        )
        assert {answer.status_code for answer in answers} == {202}
        pending = {answer.json()["response_id"] for answer in answers}
        deadline = time.monotonic() + 60
        while pending and time.monotonic() < deadline:
            statuses = await asyncio.gather(*(http.get(f"/v1/requests/{rid}") for rid in pending))
            pending = {
                s.json()["response_id"] for s in statuses if s.json()["status"] != "completed"
            }
            await asyncio.sleep(0.2)
        assert not pending
        outputs = await asyncio.gather(
            *(http.get(f"/v1/responses/{answer.json()['response_id']}") for answer in answers)
        )
    assert sorted(output.json()["echo"]["i"] for output in outputs) == list(range(300))
