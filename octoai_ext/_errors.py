"""The exceptions this package raises, and the one place where failures become them.

    OctoAIError
    ├── OctoAIClientError            4xx answers and problems found before sending
    │   ├── AuthenticationError      401
    │   ├── NotFoundError            404
    │   │   └── FutureExpiredError   404 for an asynchronous result (kept 24 hours)
    │   ├── PayloadTooLargeError     413, or an asynchronous request over 10 MB caught locally
    │   ├── RequestValidationError   422, with the server's per-field `detail`
    │   └── RateLimitError           429 after the retries ran out
    ├── OctoAIServerError            5xx answers, unreachable servers, answers that make no sense
    │   ├── StreamError              a stream that broke, ended early or carried an error event
    │   └── InferenceFailedError     an asynchronous inference whose status is `failed`
    └── OctoAITimeoutError           a timeout (also a builtin `TimeoutError`)

Every exception carries `status_code` (None when no answer arrived), `message` (the server's
own words when it sent any), `request_id` (the `X-User-Request-ID` header) and `body` (the parsed
`ErrorResponse` or `HTTPValidationError`, when the answer had one).
"""

from __future__ import annotations

import http
import json
from collections.abc import Mapping
from typing import Any

import httpx

from ._constants import REQUEST_ID_HEADER

__all__ = [
    "AuthenticationError",
    "FutureExpiredError",
    "InferenceFailedError",
    "NotFoundError",
    "OctoAIClientError",
    "OctoAIError",
    "OctoAIServerError",
    "OctoAITimeoutError",
    "PayloadTooLargeError",
    "RateLimitError",
    "RequestValidationError",
    "StreamError",
]

_EXCERPT = 300


class OctoAIError(Exception):
    """The base of every error this package raises."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        request_id: str | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.body = body

    def __str__(self) -> str:
        text = self.message
        # A failure reported inside a 2xx answer (a stream's error event, a failed inference's
        # status) keeps its status_code, but "200 OK: ..." would read as a contradiction.
        if self.status_code is not None and self.status_code >= 300:
            text = f"{self.status_code} {_reason(self.status_code)}: {text}"
        if self.request_id:
            text = f"{text} (request id {self.request_id})"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class OctoAIClientError(OctoAIError):
    """The request was refused (4xx) or could not be made as asked (no token, bad arguments)."""


class AuthenticationError(OctoAIClientError):
    """The token is missing, wrong or expired (401)."""


class NotFoundError(OctoAIClientError):
    """The endpoint, model or resource does not exist (404)."""


class FutureExpiredError(NotFoundError):
    """An asynchronous result is gone: outputs are kept for 24 hours after completion."""


class PayloadTooLargeError(OctoAIClientError):
    """The request body is over the service's limit (413); async requests are limited to 10 MB."""


class RequestValidationError(OctoAIClientError):
    """The server rejected fields of the request (422); `detail` lists them."""

    @property
    def detail(self) -> list[dict[str, Any]]:
        """The per-field problems, as `{"loc": [...], "msg": ..., "type": ...}` dictionaries."""
        if isinstance(self.body, Mapping) and isinstance(self.body.get("detail"), list):
            return list(self.body["detail"])
        return []


class RateLimitError(OctoAIClientError):
    """Too many requests (429), still throttled after the configured retries."""


class OctoAIServerError(OctoAIError):
    """The service failed (5xx), could not be reached, or answered something unusable."""


class StreamError(OctoAIServerError):
    """A stream broke, ended without its terminator, or carried an error event."""

    def __init__(self, message: str, *, events_received: int = 0, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.events_received = events_received


class InferenceFailedError(OctoAIServerError):
    """An asynchronous inference ended with status `failed`; `message` is the server's error."""


class OctoAITimeoutError(OctoAIError, TimeoutError):
    """A request, a stream, a wait or a health check ran out of time."""


_BY_STATUS: dict[int, type[OctoAIError]] = {
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    408: OctoAITimeoutError,
    413: PayloadTooLargeError,
    422: RequestValidationError,
    429: RateLimitError,
}


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Client Error" if 400 <= status < 500 else "Server Error"


def scrub(text: str, secret: str | None) -> str:
    """Replace any occurrence of the token in `text`, in case a server echoes it back."""
    if secret and secret in text:
        return text.replace(secret, "****")
    return text


def _message_from_body(body: Any, fallback: str) -> str:
    if isinstance(body, Mapping):
        message = body.get("message")
        if isinstance(message, str) and message:
            return message
        error = body.get("error")
        if isinstance(error, Mapping) and isinstance(error.get("message"), str):
            return str(error["message"])
        if isinstance(error, str) and error:
            return error
        detail = body.get("detail")
        if isinstance(detail, list) and detail:
            return "; ".join(_describe_validation_item(item) for item in detail)
        if isinstance(detail, str) and detail:
            return detail
    return fallback


def _describe_validation_item(item: Any) -> str:
    if not isinstance(item, Mapping):
        return str(item)
    loc = item.get("loc")
    where = ".".join(str(p) for p in loc) if isinstance(loc, list) else "?"
    return f"{where}: {item.get('msg', 'invalid')}"


def request_id_of(headers: Mapping[str, str] | httpx.Headers | None) -> str | None:
    """The `X-User-Request-ID` of an answer, if it has one."""
    if headers is None:
        return None
    return headers.get(REQUEST_ID_HEADER)


def error_from_status(
    status_code: int,
    content: bytes,
    headers: Mapping[str, str] | httpx.Headers | None,
    *,
    secret: str | None = None,
    error_class: type[OctoAIError] | None = None,
    context: str = "",
) -> OctoAIError:
    """Map any non-2xx answer, including non-standard codes such as 499 or 529, to an exception."""
    body: Any = None
    text = content[:_EXCERPT].decode("utf-8", errors="replace").strip()
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = None
    fallback = text or _reason(status_code)
    message = scrub(_message_from_body(body, fallback), secret)
    if context:
        message = f"{context}: {message}"
    if error_class is None:
        error_class = _BY_STATUS.get(status_code) or (
            OctoAIClientError if status_code < 500 else OctoAIServerError
        )
    return error_class(
        message, status_code=status_code, request_id=request_id_of(headers), body=body
    )


def error_from_transport(exc: httpx.HTTPError, *, url: str | None = None) -> OctoAIError:
    """Map an httpx exception (no usable answer arrived) to an exception of this package."""
    where = f" ({url})" if url else ""
    if isinstance(exc, httpx.TimeoutException):
        kind = {
            httpx.ConnectTimeout: "connecting",
            httpx.ReadTimeout: "waiting for the answer",
            httpx.WriteTimeout: "sending the request",
            httpx.PoolTimeout: "waiting for a free connection",
        }.get(type(exc), "the request")
        return OctoAITimeoutError(f"timed out {kind}{where}")
    if isinstance(exc, httpx.ConnectError):
        return OctoAIServerError(f"could not connect to the server{where}: {exc}")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return OctoAIClientError(f"invalid URL{where}: {exc}")
    return OctoAIServerError(f"the connection failed{where}: {type(exc).__name__}: {exc}")


def malformed_answer(
    what: str, response: httpx.Response, problem: BaseException | str, *, secret: str | None = None
) -> OctoAIServerError:
    """An answer with a 2xx status whose body is not what the API describes."""
    excerpt = scrub(response.content[:_EXCERPT].decode("utf-8", errors="replace"), secret)
    return OctoAIServerError(
        f"the server answered {what} that could not be read ({problem}); body starts {excerpt!r}",
        status_code=response.status_code,
        request_id=request_id_of(response.headers),
    )
