"""``octoai batch run`` and ``octoai batch status``: many inputs from a file, resumably.

The command line is an application, so it runs `AsyncOctoAI.batch` under `asyncio.run` at this
top level. The results file is written from the ledger, whole and atomically, when a run ends
(finished, interrupted or stopped by an error), so running the same command again never
duplicates a line.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .. import BatchInputError, BatchLedger, LedgerError, OctoAIClientError
from ._batch_progress import BatchProgressLine
from ._context import MISSING_TOKEN, Context
from ._exits import CliError, ExitCode
from ._inputs import parse_headers, require_http_url

if TYPE_CHECKING:
    from .. import AsyncOctoAI

__all__ = ["read_items", "run_batch", "run_batch_status"]


def read_items(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines file, one per non-blank line, read lazily.

    Raises:
        CliError: A line is not JSON (the batch stops; what was done is kept).
    """
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise CliError(f"{path}, line {number}: not JSON ({exc})", ExitCode.USAGE) from None


def _count_items(path: Path) -> int:
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def _async_client(ctx: Context) -> AsyncOctoAI:
    from .. import AsyncOctoAI

    try:
        client = AsyncOctoAI(base_url=ctx.args.base_url)
    except OctoAIClientError as exc:
        raise CliError(exc.message, ExitCode.USAGE) from None
    if not client.has_token:
        raise CliError(MISSING_TOKEN, ExitCode.USAGE)
    return client


async def _drain(client: AsyncOctoAI, url: str, items: Iterator[Any], **kwargs: Any) -> None:
    async with client, client.batch(url, items, **kwargs) as results:
        async for _ in results:
            pass


def run_batch(ctx: Context) -> ExitCode:
    """Run (or resume) a batch from a JSON Lines file; write every result to ``--out``."""
    args = ctx.args
    url = require_http_url(args.url, "the endpoint URL")
    source, out = Path(args.inputs), Path(args.out)
    ledger = Path(args.ledger) if args.ledger else out.with_name(out.name + ".ledger")
    if not source.is_file():
        raise CliError(f"no inputs file at {source}", ExitCode.USAGE)
    headers = parse_headers(args.headers)
    client = _async_client(ctx)
    total = _count_items(source) if ctx.console.interactive else None
    options: dict[str, Any] = {"extra_headers": headers}
    if args.timeout is not None:
        options["timeout"] = args.timeout
    stopped: BaseException | None = None
    with BatchProgressLine(ctx.console, total) as progress:
        try:
            asyncio.run(
                _drain(
                    client,
                    url,
                    read_items(source),
                    ledger=ledger,
                    concurrency=args.concurrency,
                    mode="sync" if args.sync else "async",
                    retry_failed=args.retry_failed,
                    on_progress=progress.update,
                    **options,
                )
            )
        except BaseException as exc:  # reported below, once the results file is written
            stopped = exc
    # However the run ended, the results file holds every item finished so far.
    written = _write_results(ledger, out)
    if stopped is not None:
        _stopped(ctx, stopped, written, out, ledger)
    with BatchLedger(ledger) as opened:
        summary = opened.summary()
    ctx.console.message(
        f"octoai: {summary.completed + summary.failed} items: {summary.completed} completed, "
        f"{summary.failed} failed; results in {out}"
    )
    if summary.failed:
        raise CliError(
            f"{summary.failed} items failed (their errors are in {out}); "
            "add --retry-failed to send only them again",
            ExitCode.ITEMS_FAILED,
        )
    return ExitCode.OK


def _stopped(ctx: Context, error: BaseException, written: int, out: Path, ledger: Path) -> NoReturn:
    """Raise what stopped a run, as the command reports it."""
    resume = f"run the same command again to resume (ledger: {ledger})"
    if isinstance(error, KeyboardInterrupt):
        raise CliError(
            f"interrupted; {written} items finished so far are in {out}; {resume}",
            ExitCode.INTERRUPTED,
        ) from None
    if isinstance(error, LedgerError | BatchInputError):
        raise CliError(str(error), ExitCode.USAGE) from None
    ctx.console.message(f"octoai: the batch stopped; {resume}")
    raise error


def _write_results(ledger: Path, out: Path) -> int:
    """Write the results file from the ledger, if the run got as far as creating it."""
    if not ledger.is_file():
        return 0
    with BatchLedger(ledger) as opened:
        return opened.export_jsonl(out)


def run_batch_status(ctx: Context) -> ExitCode:
    """Print what a ledger holds: its endpoint and the items in each state."""
    try:
        with BatchLedger(ctx.args.ledger) as ledger:
            summary = ledger.summary()
    except LedgerError as exc:
        raise CliError(str(exc), ExitCode.USAGE) from None
    rows = {
        "endpoint_url": summary.endpoint_url,
        "completed": summary.completed,
        "failed": summary.failed,
        "submitted": summary.submitted,
        "submitting": summary.submitting,
        "resubmissions": summary.resubmissions,
    }
    if ctx.args.json:
        ctx.out.json(rows)
    else:
        for name, value in rows.items():
            ctx.out.line(f"{name:<14} {value if value is not None else '-'}")
    return ExitCode.OK
