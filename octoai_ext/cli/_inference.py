"""``octoai infer`` and ``octoai future``: inference endpoints and stored futures."""

from __future__ import annotations

from typing import Any

from .. import InferenceFuture, OctoAI, OctoAITimeoutError
from ._context import Context
from ._exits import CliError, ExitCode
from ._inputs import parse_headers, require_http_url
from ._waiting import fetch_result, wait_for_result

__all__ = ["run_future_result", "run_future_status", "run_infer"]


def run_infer(ctx: Context) -> ExitCode:
    """Run an inference: print its outputs, or its future with ``--async``."""
    args = ctx.args
    url = require_http_url(args.url, "the endpoint URL")
    inputs = ctx.reader.inputs(args.inputs or (), args.input_file)
    headers = parse_headers(args.headers)
    client = ctx.client()
    # With --wait, --timeout bounds the wait; otherwise it bounds the request.
    request_timeout = None if args.wait else args.timeout
    if not (args.queue or args.wait):
        ctx.out.json(_infer(client, url, inputs, headers, request_timeout))
        return ExitCode.OK
    future = _infer_async(client, url, inputs, headers, request_timeout)
    if not args.wait:
        ctx.out.line(future.to_json())
        return ExitCode.OK
    ctx.out.json(_wait(ctx, client, future, print_future=True))
    return ExitCode.OK


def run_future_status(ctx: Context) -> ExitCode:
    """Print the status of a stored future: pending, running, completed or failed."""
    client = ctx.client()
    future = _load_future(ctx, client)
    ctx.out.line(client.get_future_status(future))
    return ExitCode.OK


def run_future_result(ctx: Context) -> ExitCode:
    """Print the outputs of a stored future; exit 3 while not ready, unless ``--wait``."""
    client = ctx.client()
    future = _load_future(ctx, client)
    if ctx.args.wait:
        outputs = _wait(ctx, client, future, print_future=False)
    else:
        outputs = fetch_result(client, future)
    ctx.out.json(outputs)
    return ExitCode.OK


def _infer(
    client: OctoAI,
    url: str,
    inputs: dict[str, Any],
    headers: dict[str, str] | None,
    timeout: float | None,
) -> dict[str, Any]:
    if timeout is None:
        return client.infer(url, inputs, extra_headers=headers)
    return client.infer(url, inputs, extra_headers=headers, timeout=timeout)


def _infer_async(
    client: OctoAI,
    url: str,
    inputs: dict[str, Any],
    headers: dict[str, str] | None,
    timeout: float | None,
) -> InferenceFuture:
    if timeout is None:
        return client.infer_async(url, inputs, extra_headers=headers)
    return client.infer_async(url, inputs, extra_headers=headers, timeout=timeout)


def _load_future(ctx: Context, client: OctoAI) -> InferenceFuture:
    reference = ctx.reader.future(ctx.args.future)
    if isinstance(reference, InferenceFuture):
        return reference
    return client.get_future(reference)


def _wait(
    ctx: Context, client: OctoAI, future: InferenceFuture, *, print_future: bool
) -> dict[str, Any]:
    """Wait for the outputs; if the wait ends early, make sure the future is not lost.

    The inference goes on in the service after a Ctrl-C or a timeout, so the future is
    printed on stdout (where the outputs would have gone) when the user has no copy of it,
    and the message says how to fetch the outputs later.
    """
    later = f"fetch the outputs later with: octoai future result --wait {future.response_id}"
    try:
        return wait_for_result(client, future, ctx.console, timeout=ctx.args.timeout)
    except KeyboardInterrupt:
        if print_future:
            ctx.out.line(future.to_json())
        raise CliError(
            f"interrupted; request {future.response_id} goes on in the service; {later}",
            ExitCode.INTERRUPTED,
        ) from None
    except OctoAITimeoutError as exc:
        if print_future:
            ctx.out.line(future.to_json())
        raise CliError(f"{exc}; it goes on in the service; {later}", ExitCode.TIMEOUT) from None
