"""Response builders shared by the development server's routes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

__all__ = ["Problem", "error_response", "json_response", "validation_error"]


@dataclass(frozen=True)
class Problem:
    """One invalid field or parameter, in the shape of the spec's ``ValidationError``.

    The spec check (`validation`) and the platform's own rules (`rules`) both report with it,
    so that every 422 answer has the same body (`validation_error`). It lives here, not in
    `validation`, so that `rules` can use it without importing openapi-core.
    """

    loc: tuple[str | int, ...]
    msg: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        """Return the ``ValidationError`` JSON object."""
        return {"loc": list(self.loc), "msg": self.msg, "type": self.type}


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """Answer a JSON document."""
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Response(body, status_code=status, headers=headers, media_type="application/json")


def error_response(
    status: int,
    message: str,
    error_type: str,
    *,
    param: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """Answer the spec's ``ErrorResponse``.

    Args:
        status: The HTTP status.
        message: What went wrong, for people.
        error_type: The error class, for example ``invalid_request_error``.
        param: The request field the error is about, if any.
        headers: Extra response headers, for example ``Retry-After``.
    """
    body: dict[str, Any] = {"message": message, "type": error_type, "object": "error"}
    if param is not None:
        body["param"] = param
    return json_response(body, status, headers)


def validation_error(problems: Iterable[Problem]) -> Response:
    """Answer the spec's ``HTTPValidationError`` (422), one entry per problem."""
    return json_response({"detail": [problem.to_dict() for problem in problems]}, 422)
