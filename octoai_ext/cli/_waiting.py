"""Fetching the outputs of an asynchronous inference, or waiting for them with live progress."""

from __future__ import annotations

from typing import Any

from .. import AsyncStatus, InferenceFuture, OctoAI, OctoAITimeoutError
from .._constants import POLL_INITIAL_INTERVAL, POLL_MAX_INTERVAL, POLL_MULTIPLIER
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
    if AsyncStatus(status).is_final:
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
    """Poll until the inference completes, showing its status and the elapsed time.

    The loop is the library's `wait` schedule, run here so the progress line can redraw the
    elapsed time between polls.

    Raises:
        OctoAITimeoutError: `timeout` seconds passed first (the future stays valid).
        InferenceFailedError: The inference failed.
    """
    interval = POLL_INITIAL_INTERVAL
    with Progress(console, f"request {future.response_id}") as progress:
        while True:
            status = client.get_future_status(future)
            progress.set(status)
            if AsyncStatus(status).is_final:
                # Raises InferenceFailedError, with the server's message, for `failed`.
                outputs = client.get_future_result(future)
                if outputs is not None:
                    return outputs
            pause = interval
            if timeout is not None:
                remaining = timeout - progress.elapsed
                if remaining <= 0:
                    raise OctoAITimeoutError(
                        f"request {future.response_id} is still {status} after {timeout:g} s"
                    )
                pause = min(pause, remaining)
            progress.sleep(pause)
            interval = min(interval * POLL_MULTIPLIER, POLL_MAX_INTERVAL)
