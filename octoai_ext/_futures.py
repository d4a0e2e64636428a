"""`InferenceFuture`, the handle of an asynchronous inference, and the reading of its status."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._errors import OctoAIClientError

__all__ = ["AsyncStatus", "InferenceFuture"]


class AsyncStatus(enum.StrEnum):
    """The states of an asynchronous inference that this client knows how to handle."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"

    @property
    def is_final(self) -> bool:
        """True once the inference will not change any more."""
        return self in (AsyncStatus.COMPLETED, AsyncStatus.FAILED)


@dataclass(frozen=True, slots=True)
class InferenceFuture:
    """A queued inference: store it anywhere, poll it later, from any process.

    Attributes:
        response_id: The id the service gave the request.
        poll_url: Where its status is reported.
        endpoint_url: The endpoint the inputs were sent to, when known.
    """

    response_id: str
    poll_url: str
    endpoint_url: str | None = None

    def __post_init__(self) -> None:
        for name in ("response_id", "poll_url"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value:
                raise OctoAIClientError(f"InferenceFuture.{name} must be a non-empty string")

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready dictionary; `InferenceFuture.from_dict` reads it back."""
        data = {"response_id": self.response_id, "poll_url": self.poll_url}
        if self.endpoint_url is not None:
            data["endpoint_url"] = self.endpoint_url
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> InferenceFuture:
        """Read a future from `to_dict` output or from the service's `{response_id, poll_url}`.

        Raises:
            OctoAIClientError: A field is missing or not a string.
        """
        if not isinstance(data, Mapping):
            raise OctoAIClientError(
                f"an InferenceFuture needs a mapping, not {type(data).__name__}"
            )
        missing = [key for key in ("response_id", "poll_url") if key not in data]
        if missing:
            raise OctoAIClientError(f"an InferenceFuture needs {' and '.join(missing)}")
        endpoint = data.get("endpoint_url")
        return cls(data["response_id"], data["poll_url"], endpoint if endpoint else None)

    def to_json(self) -> str:
        """The future as a JSON text."""
        return json.dumps(self.to_dict())

    @classmethod
    def from_json(cls, text: str | bytes) -> InferenceFuture:
        """Read a future from `to_json` output.

        Raises:
            OctoAIClientError: The text is not JSON or lacks a field.
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise OctoAIClientError(f"not a stored InferenceFuture: {exc}") from None
        return cls.from_dict(data)
