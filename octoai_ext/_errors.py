"""The exceptions this package raises, and the one place where failures become them.

    OctoAIError
    ├── OctoAIClientError            4xx answers and problems found before sending
    │   ├── AuthenticationError      401
    │   ├── NotFoundError            404
    │   │   └── FutureExpiredError   404 for an asynchronous result (kept 24 hours)
    │   ├── PayloadTooLargeError     413, or an asynchronous request over 10 MB caught locally
    │   ├── ConflictError            409, such as a name that is already taken
    │   ├── RequestValidationError   422, with the server's per-field `detail`
    │   ├── RateLimitError           429 after the retries ran out
    │   ├── AssetRejectedError       an asset the service refused (`rejected`)
    │   └── TuneCancelledError       a fine-tuning job that was cancelled
    ├── OctoAIServerError            5xx answers and answers that make no sense
    │   ├── OctoAIConnectionError    no answer: unreachable host, connection broken before one
    │   ├── StreamError              a stream that broke, ended early or carried an error event
    │   ├── InferenceFailedError     an asynchronous inference whose status is `failed`
    │   ├── AssetFailedError         an asset whose upload or processing failed (`error`)
    │   └── TuneFailedError          a fine-tuning job that failed
    └── OctoAITimeoutError           a timeout or a deadline (also a builtin `TimeoutError`)

`AssetDeletedError` (a `NotFoundError`) is raised when an awaited asset is deleted. The asset
and tune errors also carry `status` and `status_details`, the service's explanation.

Every exception carries `status_code` (None when no answer arrived), `message` (the server's
own words when it sent any), `request_id` (the `X-User-Request-ID` header, or `x-request-id`
as other OpenAI-compatible servers send it) and `body` (the parsed `ErrorResponse` or
`HTTPValidationError`, when the answer had one).

httpx exceptions become ours in one place, `transport_failure`, which also tells the retry
policy whether the request may have reached the server.
"""

from __future__ import annotations

import http
import json
from collections.abc import Mapping
from typing import Any

import httpx

from ._constants import REQUEST_ID_HEADERS
from ._retry import Failure

__all__ = [
    "AssetDeletedError",
    "AssetFailedError",
    "AssetRejectedError",
    "AuthenticationError",
    "ConflictError",
    "FutureExpiredError",
    "InferenceFailedError",
    "NotFoundError",
    "OctoAIClientError",
    "OctoAIConnectionError",
    "OctoAIError",
    "OctoAIServerError",
    "OctoAITimeoutError",
    "PayloadTooLargeError",
    "RateLimitError",
    "RequestValidationError",
    "StreamError",
    "TuneCancelledError",
    "TuneFailedError",
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


class ConflictError(OctoAIClientError):
    """The request conflicts with the current state (409), such as a name already in use."""


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


class OctoAIConnectionError(OctoAIServerError):
    """No answer arrived: the host could not be reached, or the connection broke first."""


class StreamError(OctoAIServerError):
    """A stream broke, ended without its terminator, or carried an error event."""

    def __init__(self, message: str, *, events_received: int = 0, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.events_received = events_received


class InferenceFailedError(OctoAIServerError):
    """An asynchronous inference ended with status `failed`; `message` is the server's error."""


class _StatusError(OctoAIError):
    """A resource that reached a state it will not leave: its status and the service's reason."""

    def __init__(
        self, message: str, *, status: str = "", status_details: str = "", **kwargs: Any
    ) -> None:
        super().__init__(message, **kwargs)
        self.status = status
        self.status_details = status_details


class AssetRejectedError(_StatusError, OctoAIClientError):
    """The service refused an asset's file (`rejected`); `status_details` says why."""


class AssetFailedError(_StatusError, OctoAIServerError):
    """An asset's upload or processing failed (`error`); `status_details` says why."""


class AssetDeletedError(_StatusError, NotFoundError):
    """An awaited asset was deleted."""


class TuneFailedError(_StatusError, OctoAIServerError):
    """A fine-tuning job failed; `status_details` is the service's explanation."""


class TuneCancelledError(_StatusError, OctoAIClientError):
    """A fine-tuning job was cancelled before it finished."""


class OctoAITimeoutError(OctoAIError, TimeoutError):
    """A request, a stream, a wait or a health check ran out of time."""


_BY_STATUS: dict[int, type[OctoAIError]] = {
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    408: OctoAITimeoutError,
    409: ConflictError,
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
    """The request id of an answer: `X-User-Request-ID`, else `x-request-id` or LiteLLM's."""
    if headers is None:
        return None
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None


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


class TransportFailure:
    """What an httpx exception means: for the retry policy, and as an exception of ours."""

    __slots__ = ("description", "error_class", "failure")

    def __init__(self, failure: Failure, error_class: type[OctoAIError], description: str) -> None:
        self.failure = failure
        self.error_class = error_class
        self.description = description

    def error(self, *, url: str | None = None, context: str = "") -> OctoAIError:
        """The exception to raise when this failure ends a call."""
        where = f" ({url})" if url else ""
        prefix = f"{context}: " if context else ""
        return self.error_class(f"{prefix}{self.description}{where}")


_TIMEOUT_PHASES: dict[type[httpx.TimeoutException], tuple[Failure, str]] = {
    httpx.ConnectTimeout: (Failure.TIMEOUT_BEFORE_SEND, "timed out connecting"),
    httpx.PoolTimeout: (Failure.TIMEOUT_BEFORE_SEND, "timed out waiting for a free connection"),
    httpx.WriteTimeout: (Failure.TIMEOUT_AFTER_SEND, "timed out sending the request"),
    httpx.ReadTimeout: (Failure.TIMEOUT_AFTER_SEND, "timed out waiting for the answer"),
}


def transport_failure(exc: httpx.HTTPError) -> TransportFailure:
    """Classify an httpx exception: whether the request may have left, and what we raise.

    `ConnectError`, `ConnectTimeout` and `PoolTimeout` mean the request never left the machine,
    so even a POST may be sent again; any other failure may come after the server acted on it.
    """
    if isinstance(exc, httpx.TimeoutException):
        failure, text = _TIMEOUT_PHASES.get(
            type(exc), (Failure.TIMEOUT_AFTER_SEND, "the request timed out")
        )
        return TransportFailure(failure, OctoAITimeoutError, text)
    if isinstance(exc, httpx.ConnectError):
        return TransportFailure(
            Failure.CONNECT, OctoAIConnectionError, f"could not connect to the server: {exc}"
        )
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return TransportFailure(Failure.CONNECT, OctoAIClientError, f"invalid URL: {exc}")
    return TransportFailure(
        Failure.SENT_NO_RESPONSE,
        OctoAIConnectionError,
        f"the connection failed: {type(exc).__name__}: {exc}",
    )


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
