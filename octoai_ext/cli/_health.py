"""``octoai health``: wait through a cold start until an endpoint is ready."""

from __future__ import annotations

import http

from .. import OctoAI, OctoAITimeoutError
from ._console import Console
from ._context import Context
from ._exits import CliError, ExitCode
from ._inputs import require_http_url
from ._progress import Progress

__all__ = ["check_health", "run_health", "status_text"]


def run_health(ctx: Context) -> ExitCode:
    """Print the status once the endpoint answers below 400; exit non-zero otherwise."""
    args = ctx.args
    url = require_http_url(args.url, "the health check URL")
    # Health checks need no token and the library never sends one with them.
    client = ctx.client(needs_token=False)
    status = check_health(client, url, ctx.console, timeout=args.timeout, interval=args.interval)
    ctx.out.line(status_text(status))
    return ExitCode.OK


def check_health(
    client: OctoAI, url: str, console: Console, *, timeout: float, interval: float
) -> int:
    """Wait through a cold start until `url` answers below 500; return that status.

    Raises:
        CliError: The endpoint answered 4xx (exit code 1), or was still starting or
            unreachable when `timeout` passed (exit code 4).
    """
    with Progress(console, f"waiting for {url}") as progress:
        progress.show("checking")
        try:
            status = client.health_check(
                url, timeout=timeout, interval=interval, on_progress=progress.update
            )
        except OctoAITimeoutError as exc:
            # The library's contract: nothing answered before the deadline.
            raise CliError(f"not healthy: {exc.message}", ExitCode.TIMEOUT) from None
    if status >= 500:
        raise CliError(
            f"not healthy: {url} still answered {status_text(status)} after {timeout:g} s",
            ExitCode.TIMEOUT,
        )
    if status >= 400:
        raise CliError(f"not healthy: {url} answered {status_text(status)}", ExitCode.API_ERROR)
    return status


def status_text(status: int) -> str:
    """An HTTP status with its reason phrase, such as ``503 Service Unavailable``."""
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)
