"""The ``octoai-devserver`` command line."""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .._constants import ASYNC_RESULT_RETENTION_SECONDS
from .settings import (
    DEFAULT_ASSET_READY_SECONDS,
    DEFAULT_MAX_UPLOAD_BYTES,
    DEFAULT_TOKEN,
    DEFAULT_TUNE_PENDING_SECONDS,
    DEFAULT_TUNE_SECONDS,
    DEFAULT_URL_SECONDS,
    ServerSettings,
)

if TYPE_CHECKING:
    import uvicorn

__all__ = ["LISTENING_PREFIX", "build_parser", "main"]

#: The start of the line printed once the server accepts connections; the URL follows.
LISTENING_PREFIX: Final = "octoai-devserver listening on "
_STARTUP_POLL: Final = 0.01
_STARTUP_LIMIT: Final = 30.0
# Open streams and slow inferences must not hold up a stop for long.
_GRACEFUL_SHUTDOWN_SECONDS: Final = 1
# Idle keep-alive connections stay open well past the 5 s after which httpx stops reusing them.
# With uvicorn's default of 5 s as well, a busy server could close a connection just as a client
# sent its next request on it, which then fails with a read error.
_KEEP_ALIVE_SECONDS: Final = 30


def build_parser() -> argparse.ArgumentParser:
    """Return the command line parser."""
    parser = argparse.ArgumentParser(
        prog="octoai-devserver",
        description="An OctoAI-compatible server for local development and tests.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port", type=int, default=8000, help="port to listen on (0: any free port)"
    )
    parser.add_argument(
        "--token",
        action="append",
        dest="tokens",
        metavar="TOKEN",
        help=f"an accepted bearer token; repeat for several (default: {DEFAULT_TOKEN})",
    )
    parser.add_argument(
        "--faults", action="store_true", help="honour X-OctoAI-Fault and serve the request log"
    )
    parser.add_argument(
        "--cold-start",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="answer 503 this long after start",
    )
    parser.add_argument(
        "--retention",
        type=float,
        default=float(ASYNC_RESULT_RETENTION_SECONDS),
        metavar="SECONDS",
        help="how long asynchronous results are kept (default: 24 hours)",
    )
    parser.add_argument(
        "--test-clock",
        action="store_true",
        help="for tests: let POST /_devserver/clock move the server's clock forward",
    )
    parser.add_argument("--spec", type=Path, help="the openapi.yaml to validate requests against")
    _add_platform_arguments(parser)
    parser.add_argument(
        "--log-level",
        default="warning",
        choices=["critical", "error", "warning", "info", "debug", "trace"],
        help="server log level (default: warning)",
    )
    return parser


def _add_platform_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="keep assets, tunes and files here, across restarts (default: a temporary "
        "directory removed at exit)",
    )
    parser.add_argument(
        "--asset-ready-seconds",
        type=float,
        default=DEFAULT_ASSET_READY_SECONDS,
        metavar="SECONDS",
        help=f"how long an uploaded asset is validated (default: {DEFAULT_ASSET_READY_SECONDS:g})",
    )
    parser.add_argument(
        "--tune-pending-seconds",
        type=float,
        default=DEFAULT_TUNE_PENDING_SECONDS,
        metavar="SECONDS",
        help=f"how long a new tune is pending (default: {DEFAULT_TUNE_PENDING_SECONDS:g})",
    )
    parser.add_argument(
        "--tune-seconds",
        type=float,
        default=DEFAULT_TUNE_SECONDS,
        metavar="SECONDS",
        help=f"how long a tune runs before it succeeds (default: {DEFAULT_TUNE_SECONDS:g})",
    )
    parser.add_argument(
        "--url-seconds",
        type=float,
        default=DEFAULT_URL_SECONDS,
        metavar="SECONDS",
        help=f"how long signed object URLs are valid (default: {DEFAULT_URL_SECONDS:g})",
    )
    parser.add_argument(
        "--max-upload-bytes",
        type=int,
        default=DEFAULT_MAX_UPLOAD_BYTES,
        metavar="BYTES",
        help="the largest file one upload may carry (default: 5 GiB)",
    )


class _HideStreamCuts(logging.Filter):
    """Drops the traceback uvicorn logs when ``cut-after`` breaks a stream on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        from .streaming import StreamCutError

        error = record.exc_info[1] if record.exc_info else None
        while isinstance(error, BaseExceptionGroup) and len(error.exceptions) == 1:
            error = error.exceptions[0]
        return not isinstance(error, StreamCutError)


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


async def _serve(server: uvicorn.Server, sock: socket.socket, url: str) -> bool:
    task = asyncio.ensure_future(server.serve(sockets=[sock]))
    for _ in range(int(_STARTUP_LIMIT / _STARTUP_POLL)):
        if server.started or task.done():
            break
        await asyncio.sleep(_STARTUP_POLL)
    if server.started:
        print(f"{LISTENING_PREFIX}{url}", flush=True)
    await task
    return server.started


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server until SIGINT or SIGTERM.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        The process exit status.
    """
    args = build_parser().parse_args(argv)
    try:
        import uvicorn

        from .app import create_app
    except ImportError as error:
        print(f"octoai-devserver needs the devserver extra: {error}", file=sys.stderr)
        return 2
    settings = ServerSettings(
        tokens=tuple(args.tokens or (DEFAULT_TOKEN,)),
        faults=args.faults,
        cold_start=args.cold_start,
        retention=args.retention,
        spec_path=args.spec,
        data_dir=args.data_dir,
        asset_ready_seconds=args.asset_ready_seconds,
        tune_pending_seconds=args.tune_pending_seconds,
        tune_seconds=args.tune_seconds,
        url_seconds=args.url_seconds,
        max_upload_bytes=args.max_upload_bytes,
        test_clock=args.test_clock,
    )
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio turns on TCP_NODELAY only for sockets that name it, and
    # without it every response waits for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        app = create_app(settings)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((args.host, args.port))
    except OSError as error:
        sock.close()
        print(f"octoai-devserver: {error}", file=sys.stderr)
        return 2
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        log_level=args.log_level,
        access_log=args.log_level in {"debug", "trace", "info"},
        timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN_SECONDS,
        timeout_keep_alive=_KEEP_ALIVE_SECONDS,
        lifespan="on",
    )
    logging.getLogger("uvicorn.error").addFilter(_HideStreamCuts())
    server = uvicorn.Server(config)
    try:
        started = asyncio.run(_serve(server, sock, _url(args.host, port)))
    except KeyboardInterrupt:
        return 0
    finally:
        sock.close()
    return 0 if started else 1


if __name__ == "__main__":
    sys.exit(main())
