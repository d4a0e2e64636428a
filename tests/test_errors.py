"""Any answer maps to a typed exception with its status, message and request id."""

from __future__ import annotations

import json

import httpx
import pytest

from octoai_ext import (
    AuthenticationError,
    NotFoundError,
    OctoAIClientError,
    OctoAIError,
    OctoAIServerError,
    OctoAITimeoutError,
    PayloadTooLargeError,
    RateLimitError,
    RequestValidationError,
)
from octoai_ext._errors import error_from_status, transport_failure

HEADERS = {"X-User-Request-ID": "req-123"}


def body(**kwargs: object) -> bytes:
    return json.dumps(kwargs).encode()


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, OctoAIClientError),
        (401, AuthenticationError),
        (404, NotFoundError),
        (413, PayloadTooLargeError),
        (422, RequestValidationError),
        (429, RateLimitError),
        (499, OctoAIClientError),
        (500, OctoAIServerError),
        (520, OctoAIServerError),
        (529, OctoAIServerError),
        (599, OctoAIServerError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[OctoAIError]) -> None:
    error = error_from_status(status, body(message="boom", type="x"), HEADERS)
    assert type(error) is cls
    assert error.status_code == status
    assert error.message == "boom"
    assert error.request_id == "req-123"
    assert "boom" in str(error)
    assert "req-123" in str(error)
    assert str(status) in str(error)


def test_seed_classes_catch_the_subclasses() -> None:
    assert issubclass(RateLimitError, OctoAIClientError)
    assert issubclass(RequestValidationError, OctoAIClientError)
    assert issubclass(OctoAITimeoutError, TimeoutError)


def test_validation_detail_is_kept() -> None:
    detail = [{"loc": ["body", "temperature"], "msg": "must be <= 2", "type": "le"}]
    error = error_from_status(422, body(detail=detail), {})
    assert isinstance(error, RequestValidationError)
    assert error.detail == detail
    assert "body.temperature: must be <= 2" in error.message


@pytest.mark.parametrize(
    "content",
    [b"", b"<html>Bad gateway</html>", b"\xff\xfe\x00garbage", b"[1, 2]", b'{"error": "nope"}'],
)
def test_garbage_bodies_never_crash(content: bytes) -> None:
    error = error_from_status(502, content, None)
    assert isinstance(error, OctoAIServerError)
    assert error.message


def test_nested_error_objects_give_their_message() -> None:
    error = error_from_status(500, body(error={"message": "inner"}), {})
    assert error.message == "inner"


def test_token_echoed_by_the_server_is_scrubbed() -> None:
    error = error_from_status(401, body(message="bad token sekrit"), {}, secret="sekrit")
    assert "sekrit" not in str(error)
    assert "sekrit" not in repr(error)


def test_transport_errors() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:1/")
    assert isinstance(
        transport_failure(httpx.ReadTimeout("slow", request=request)).error(), OctoAITimeoutError
    )
    unreachable = transport_failure(httpx.ConnectError("refused", request=request)).error(url="u")
    assert isinstance(unreachable, OctoAIServerError)
    assert unreachable.status_code is None
    broken = transport_failure(httpx.RemoteProtocolError("eof", request=request)).error()
    assert isinstance(broken, OctoAIServerError)
