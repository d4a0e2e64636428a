"""Errors the platform operations raise, and the answers they become."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from starlette.responses import Response

from .responses import Problem, error_response, json_response, validation_error

__all__ = ["ApiError", "FieldErrors", "answer"]


class ApiError(Exception):
    """A refusal answered as the spec's ``ErrorResponse``.

    Attributes:
        status: The HTTP status.
        kind: The error class (``type``), for example ``not_found_error``.
        param: The request field the error is about, if any.
    """

    def __init__(self, status: int, message: str, kind: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.param = param

    def response(self) -> Response:
        """Return the answer."""
        return error_response(self.status, str(self), self.kind, param=self.param)

    @classmethod
    def not_found(cls, message: str, param: str) -> ApiError:
        """A 404 about ``param``."""
        return cls(404, message, "not_found_error", param=param)

    @classmethod
    def conflict(cls, message: str, param: str | None = None) -> ApiError:
        """A 409 about ``param``."""
        return cls(409, message, "conflict_error", param=param)


class FieldErrors(Exception):
    """A refusal answered as the spec's ``HTTPValidationError`` (422), one entry per field."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(problem.msg for problem in problems))
        self.problems = list(problems)

    def response(self) -> Response:
        """Return the answer."""
        return validation_error(self.problems)


def answer(work: Callable[[], Any], status: int = 200) -> Response:
    """Answer the JSON ``work`` returns with ``status``, or the refusal it raises."""
    try:
        return json_response(work(), status)
    except (ApiError, FieldErrors) as error:
        return error.response()
