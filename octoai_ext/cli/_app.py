"""``main``: parse the arguments, run one command, and turn every failure into one line."""

from __future__ import annotations

import io
import logging
import os
import sys
import traceback
from collections.abc import Sequence

from .. import OctoAIError
from ._console import Console, ConsoleLogHandler, Output
from ._context import Context
from ._exits import CliError, ExitCode, describe, exit_code_for
from ._inputs import InputReader
from ._parser import build_parser

__all__ = ["main"]

_LIBRARY_LOGGER = "octoai_ext"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``octoai`` with `argv` (default: the process arguments) and return the exit code."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets an escape, not a crash.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    console = Console(sys.stderr)
    _configure_logging(console, verbose=args.verbose)
    ctx = Context(args, Output(sys.stdout), console, InputReader(sys.stdin))
    try:
        return int(args.handler(ctx))
    except CliError as exc:
        prefix = "octoai: " if exc.code is ExitCode.INTERRUPTED else "octoai: error: "
        console.message(prefix + str(exc))
        return int(exc.code)
    except OctoAIError as exc:
        console.message(f"octoai: error: {describe(exc)}")
        return int(exit_code_for(exc))
    except KeyboardInterrupt:
        console.message("octoai: interrupted")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _discard_stdout()
        return int(ExitCode.BROKEN_PIPE)
    except Exception as exc:
        if args.verbose:
            traceback.print_exc()
        console.message(
            f"octoai: error: unexpected {type(exc).__name__}: {exc}"
            + ("" if args.verbose else " (run with --verbose for the traceback)")
        )
        return int(ExitCode.API_ERROR)
    finally:
        ctx.close()


def _configure_logging(console: Console, *, verbose: bool) -> None:
    """Show the library's warnings (a cold start), and with --verbose each HTTP attempt."""
    logger = logging.getLogger(_LIBRARY_LOGGER)
    for handler in [h for h in logger.handlers if isinstance(h, ConsoleLogHandler)]:
        logger.removeHandler(handler)
    logger.addHandler(ConsoleLogHandler(console))
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logger.propagate = False


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
