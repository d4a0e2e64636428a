"""Fetching the outputs of an asynchronous inference, or waiting for them with live progress."""

from __future__ import annotations

from typing import Any

from .. import InferenceFuture, OctoAI
from ._console import Console
from ._exits import CliError, ExitCode
from ._progress import Progress

__all__ = ["fetch_result", "wait_for_result"]


def fetch_result(client: OctoAI, future: InferenceFuture) -> dict[str, Any]:
    """The outputs of a finished inference, without waiting.

    Raises:
        CliError: The inference is still pending or running (exit code 3).
        InferenceFailedError: The inference failed.
    """
    status = client.get_future_status(future)
    if status.is_final:
        outputs = client.get_future_result(future)
        if outputs is not None:
            return outputs
    raise CliError(
        f"request {future.response_id} is {status}, not completed yet; "
        "try again later or pass --wait",
        ExitCode.NOT_READY,
    )


def wait_for_result(
    client: OctoAI, future: InferenceFuture, console: Console, *, timeout: float | None
) -> dict[str, Any]:
    """Wait with the library's schedule, showing the status and the elapsed time.

    Raises:
        OctoAITimeoutError: `timeout` seconds passed first (the future stays valid).
        InferenceFailedError: The inference failed.
    """
    with Progress(console, f"request {future.response_id}") as progress:
        return client.wait(future, timeout=timeout, on_progress=progress.update)
