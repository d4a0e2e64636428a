"""Tokens, request ids, contract checks and unknown paths, over real HTTP."""

from __future__ import annotations

import uuid

import httpx
import pytest

from octoai_ext.devserver import DevServer

from .helpers import CHAT_MODEL, client

CHAT = {"model": CHAT_MODEL, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 4}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer"},
    ],
)
def test_operations_need_a_valid_token(devserver: DevServer, headers: dict[str, str]) -> None:
    answer = httpx.post(f"{devserver.base_url}/v1/chat/completions", json=CHAT, headers=headers)
    assert answer.status_code == 401
    assert answer.json()["type"] == "authentication_error"
    assert answer.json()["object"] == "error"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/completions"),
        ("POST", "/infer/echo"),
        ("GET", "/v1/requests/abc"),
        ("GET", "/v1/responses/abc"),
    ],
)
def test_every_operation_but_health_needs_a_token(
    devserver: DevServer, method: str, path: str
) -> None:
    answer = httpx.request(method, devserver.base_url + path, json={})
    assert answer.status_code == 401


def test_health_needs_no_token(devserver: DevServer) -> None:
    assert httpx.get(f"{devserver.base_url}/healthcheck").status_code == 200


def test_extra_tokens_are_accepted(plain_devserver: DevServer) -> None:
    server = plain_devserver
    assert server.token == "first"
    for token in ("first", "second"):
        answer = httpx.post(
            f"{server.base_url}/infer/echo", json={}, headers={"Authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 200
    wrong = httpx.post(
        f"{server.base_url}/infer/echo",
        json={},
        headers={"Authorization": "Bearer devserver-token"},
    )
    assert wrong.status_code == 401


def test_every_answer_has_a_fresh_request_id(devserver: DevServer) -> None:
    with client(devserver) as http:
        answers = [
            http.get("/healthcheck"),
            http.post("/v1/chat/completions", json=CHAT),
            http.post("/v1/chat/completions", json={**CHAT, "stream": True}),
            http.post("/v1/chat/completions", content=b"{"),
            http.get("/nowhere"),
            httpx.post(f"{devserver.base_url}/v1/completions", json={}),
        ]
    ids = [answer.headers["X-User-Request-ID"] for answer in answers]
    assert all(uuid.UUID(value).version == 4 for value in ids)
    assert len(set(ids)) == len(ids)


def test_body_that_is_not_json_is_a_400(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post(
            "/v1/chat/completions",
            content=b"{not json",
            headers={"Content-Type": "application/json"},
        )
    assert answer.status_code == 400
    assert answer.json()["type"] == "invalid_request_error"


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"temperature": 5}, ["body", "temperature"]),
        ({"max_tokens": 0}, ["body", "max_tokens"]),
        ({"messages": "Write a blog about Seattle"}, ["body", "messages"]),
        ({"model": 7}, ["body", "model"]),
        ({"stream": "yes"}, ["body", "stream"]),
    ],
)
def test_body_against_the_schema_is_a_422_naming_the_field(
    devserver: DevServer, change: dict[str, object], loc: list[str]
) -> None:
    with client(devserver) as http:
        answer = http.post("/v1/chat/completions", json={**CHAT, **change})
    assert answer.status_code == 422
    assert loc in [problem["loc"] for problem in answer.json()["detail"]]
    assert all({"loc", "msg", "type"} <= problem.keys() for problem in answer.json()["detail"])


def test_missing_required_field_is_named(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/v1/chat/completions", json={"messages": CHAT["messages"]})
    assert answer.status_code == 422
    assert ["body", "model"] in [problem["loc"] for problem in answer.json()["detail"]]


def test_missing_body_is_a_422(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/v1/completions")
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body"]


def test_bad_async_header_is_a_422(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/infer/echo", json={}, headers={"X-OctoAI-Async": "yes"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["header", "X-OctoAI-Async"]


def test_unknown_path_is_a_404_error_response(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.get("/v2/nothing")
    assert answer.status_code == 404
    assert answer.json()["type"] == "not_found_error"


def test_wrong_method_is_a_405_with_allow(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.delete("/v1/chat/completions")
    assert answer.status_code == 405
    assert "POST" in answer.headers["Allow"]
    assert answer.json()["object"] == "error"


def test_unknown_model_is_a_404_naming_the_model(devserver: DevServer) -> None:
    with client(devserver) as http:
        answer = http.post("/v1/chat/completions", json={**CHAT, "model": "llama-99b"})
    assert answer.status_code == 404
    body = answer.json()
    assert body["param"] == "model"
    assert body["type"] == "not_found_error"
    assert "llama-99b" in body["message"]
