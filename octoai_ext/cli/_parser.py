"""The argument parser of ``octoai``: commands, options and help texts."""

from __future__ import annotations

import argparse
from typing import TypeAlias

from .. import __version__
from ._batch import run_batch, run_batch_status
from ._chat import DEFAULT_MODEL, run_chat, run_models
from ._health import run_health
from ._inference import run_future_result, run_future_status, run_infer
from ._platform_parser import add_asset_command, add_tune_command

__all__ = ["build_parser"]

# argparse names the type of add_subparsers() privately.
_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

_DESCRIPTION = """\
Chat, run inferences, follow asynchronous futures, run resumable batches, upload assets,
fine-tune LoRAs and check endpoint health from a terminal.

The token is read from the environment only: OCTOAI_TOKEN, then OCTOAI_API_KEY. There is
no token option, so the token never lands in shell history or in the process list."""

_EPILOG = """\
environment:
  OCTOAI_TOKEN      the OctoAI token (OCTOAI_API_KEY is read when it is unset)
  OCTOAI_BASE_URL   one base URL for every service, as --base-url

exit codes:
  0    success
  1    the service refused or failed the request, or could not be reached
  2    usage error: bad arguments, unreadable input, no token (nothing was sent)
  3    future result: the inference is not finished yet (pass --wait to wait)
  4    a timeout ran out (a request, --wait --timeout, health --timeout, asset upload
       --timeout, tune wait --timeout)
  5    batch run: some items failed (see the results file; --retry-failed)
  130  interrupted (Ctrl-C); what was left behind is named so the work is not lost (a
       waited-on future, an incomplete asset, a running tune, how to resume a batch)

See docs/cli.md for examples."""

_INPUT_HELP = """\
inputs, repeatable: key=value sends the string "value"; key:=json sends a JSON value
(key:=42, key:=true, key:='{"a": 1}'); key=@file sends the file's bytes base64-encoded
(@- reads stdin); key:=@file.json sends the JSON stored in a file"""


def _positive_float(text: str) -> float:
    value = _float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, not {text}")
    return value


def _non_negative_float(text: str) -> float:
    value = _float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, not {text}")
    return value


def _float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {text}")
    return value


def _global_options(*, in_command: bool) -> argparse.ArgumentParser:
    """Options accepted before and after the command name.

    Inside a command the defaults are suppressed, so that an option given before the
    command is not reset by the command's own parser.
    """
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("global options")
    group.add_argument(
        "--base-url",
        metavar="URL",
        default=argparse.SUPPRESS if in_command else None,
        help="one base URL for every service, such as a development server "
        "(default: $OCTOAI_BASE_URL, else the public OctoAI hosts)",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if in_command else False,
        help="log each HTTP attempt to stderr, and show a traceback for unexpected errors",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``octoai`` command line."""
    parser = argparse.ArgumentParser(
        prog="octoai",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_global_options(in_command=False)],
    )
    parser.add_argument("--version", action="version", version=f"octoai (octoai-ext) {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = [_global_options(in_command=True)]
    _add_chat(commands, common)
    _add_infer(commands, common)
    _add_future(commands, common)
    _add_health(commands, common)
    add_asset_command(commands, common)
    add_tune_command(commands, common)
    _add_batch(commands, common)
    models = commands.add_parser(
        "models", parents=common, help="list the text models this package knows"
    )
    models.set_defaults(handler=run_models)
    return parser


def _add_chat(commands: _Commands, common: list[argparse.ArgumentParser]) -> None:
    chat = commands.add_parser(
        "chat",
        parents=common,
        help="send one chat message and print the answer as it is generated",
        description="Send one chat message and print the answer, streamed token by token.",
    )
    chat.add_argument("prompt", help='the message ("-" reads it from stdin)')
    chat.add_argument("--model", default=DEFAULT_MODEL, help=f"default: {DEFAULT_MODEL}")
    chat.add_argument("--system", metavar="TEXT", help="a system message sent before the prompt")
    chat.add_argument("--max-tokens", type=_positive_int, metavar="N")
    chat.add_argument("--temperature", type=_non_negative_float, metavar="T")
    _add_header_option(chat)
    chat.add_argument(
        "--stream",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="stream the answer (the default, except with --json)",
    )
    chat.add_argument(
        "--json",
        action="store_true",
        help="print the whole response object as JSON; with --stream, one JSON line per chunk",
    )
    chat.set_defaults(handler=run_chat)


def _add_header_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-H",
        "--header",
        dest="headers",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="an extra request header, repeatable (Authorization is refused)",
    )


def _add_infer(commands: _Commands, common: list[argparse.ArgumentParser]) -> None:
    infer = commands.add_parser(
        "infer",
        parents=common,
        help="send inputs to an inference endpoint and print its outputs",
        description="Send JSON inputs to an inference endpoint and print its JSON outputs.",
    )
    infer.add_argument("url", help="the endpoint URL, such as https://ENDPOINT.octoai.run/predict")
    infer.add_argument(
        "-i", "--input", dest="inputs", action="append", metavar="KEY=VALUE", help=_INPUT_HELP
    )
    infer.add_argument(
        "-f",
        "--input-file",
        metavar="FILE",
        help="a JSON object of inputs (- reads stdin); --input items are applied on top",
    )
    _add_header_option(infer)
    infer.add_argument(
        "--async",
        dest="queue",
        action="store_true",
        help="queue the inference and print its future as JSON (store it; see `octoai future`)",
    )
    infer.add_argument(
        "--wait",
        action="store_true",
        help="with --async (implied): wait for the outputs, showing progress on stderr",
    )
    infer.add_argument(
        "--timeout",
        type=_positive_float,
        metavar="S",
        help="seconds for the request; with --wait, the most seconds to wait for the outputs",
    )
    infer.set_defaults(handler=run_infer)


def _add_future(commands: _Commands, common: list[argparse.ArgumentParser]) -> None:
    future = commands.add_parser(
        "future",
        parents=common,
        help="check or fetch a stored asynchronous inference",
        description="Check or fetch an asynchronous inference queued with `octoai infer --async`.",
    )
    actions = future.add_subparsers(dest="future_command", metavar="ACTION", required=True)
    reference_help = (
        "a file holding the future JSON printed by `infer --async`, - for stdin, "
        "the JSON itself, or a bare response id"
    )
    status = actions.add_parser(
        "status", parents=common, help="print the status: pending, running, completed or failed"
    )
    status.add_argument("future", metavar="FUTURE", help=reference_help)
    status.set_defaults(handler=run_future_status)
    result = actions.add_parser(
        "result", parents=common, help="print the outputs (exit 3 while not finished)"
    )
    result.add_argument("future", metavar="FUTURE", help=reference_help)
    result.add_argument(
        "--wait", action="store_true", help="wait for the outputs, showing progress on stderr"
    )
    result.add_argument(
        "--timeout", type=_positive_float, metavar="S", help="with --wait: the most seconds to wait"
    )
    result.set_defaults(handler=run_future_result)


def _add_health(commands: _Commands, common: list[argparse.ArgumentParser]) -> None:
    health = commands.add_parser(
        "health",
        parents=common,
        help="wait until an endpoint is ready (exit 0) through a cold start",
        description="Repeat a GET on a health URL while it answers 5xx or cannot be reached "
        "(a cold start), then exit 0 if it answers below 400. No token is sent.",
    )
    health.add_argument(
        "url", help="the health check URL, such as https://ENDPOINT.octoai.run/healthcheck"
    )
    health.add_argument(
        "--timeout",
        type=_non_negative_float,
        default=900.0,
        metavar="S",
        help="the most seconds to wait for the endpoint (default: 900)",
    )
    health.add_argument(
        "--interval",
        type=_positive_float,
        default=1.0,
        metavar="S",
        help="seconds between checks (default: 1)",
    )
    health.set_defaults(handler=run_health)


def _add_batch(commands: _Commands, common: list[argparse.ArgumentParser]) -> None:
    batch = commands.add_parser(
        "batch",
        parents=common,
        help="run many inputs from a JSON Lines file, resumably",
        description="Run every line of a JSON Lines file through an endpoint; a ledger keeps "
        "each item's state, so the same command resumes after a crash or Ctrl-C.",
    )
    actions = batch.add_subparsers(dest="batch_command", metavar="ACTION", required=True)
    run = actions.add_parser(
        "run",
        parents=common,
        help="run (or resume) a batch",
        description='Send each line of INPUTS (a JSON object; its "id" is its key and is '
        "not sent) to ENDPOINT_URL and write one line per item to --out. Run the same "
        "command again to resume.",
    )
    run.add_argument("url", metavar="ENDPOINT_URL", help="the inference endpoint URL")
    run.add_argument("inputs", metavar="INPUTS", help="a JSON Lines file, one object per line")
    run.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help='the results, one line per item: {"id", "outputs"} or {"id", "error"}',
    )
    run.add_argument(
        "--ledger", metavar="FILE", help="the ledger file (default: the --out file + .ledger)"
    )
    run.add_argument(
        "--concurrency",
        type=_positive_int,
        default=100,
        metavar="N",
        help="the most items in flight (default: 100; lowered while the service throttles)",
    )
    run.add_argument(
        "--sync",
        action="store_true",
        help="send plain synchronous requests, for endpoints without asynchronous inference",
    )
    run.add_argument(
        "--retry-failed", action="store_true", help="send the items that failed before again"
    )
    run.add_argument(
        "--timeout",
        type=_positive_float,
        metavar="S",
        help="stop after this many seconds (the ledger resumes later)",
    )
    _add_header_option(run)
    run.set_defaults(handler=run_batch)
    status = actions.add_parser(
        "status", parents=common, help="summarise a ledger: its endpoint and items per state"
    )
    status.add_argument("ledger", metavar="LEDGER", help="the ledger file")
    status.add_argument("--json", action="store_true", help="print the summary as JSON")
    status.set_defaults(handler=run_batch_status)
