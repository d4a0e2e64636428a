"""``DevServer``: runs the development server in a subprocess, for tests and demos."""

from __future__ import annotations

import functools
import json
import math
import os
import queue
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from types import TracebackType
from typing import IO, Any, Final, Self

from .settings import DEFAULT_TOKEN

__all__ = ["DevServer", "DevServerError"]

_LISTENING_PREFIX: Final = "octoai-devserver listening on "
_STOP_TIMEOUT: Final = 10.0
_CONTROL_TIMEOUT: Final = 30.0


@functools.cache
def _loopback_opener() -> urllib.request.OpenerDirector:
    """The opener of control requests, built on first use: most importers never send one."""
    # The server is on a loopback address: a proxy from the environment must not be asked.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


class DevServerError(RuntimeError):
    """The development server did not start."""


def _drain(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    """Pass the first line on, then keep reading so the server never blocks on a full pipe."""
    first = True
    for line in stream:
        if first:
            lines.put(line)
            first = False
    if first:
        lines.put(None)


class DevServer:
    """A development server in a subprocess on a free loopback port.

    Use it as a context manager, or call `start` and `stop`::

        with DevServer(faults=True) as server:
            client = OctoAI(token=server.token, base_url=server.base_url)

    Args:
        tokens: The accepted bearer tokens (default: ``DEFAULT_TOKEN``).
        faults: Enable the ``X-OctoAI-Fault`` header and the request log.
        cold_start: Seconds after start during which the server answers 503.
        retention: Seconds asynchronous results are kept (default: 24 hours).
        data_dir: Keep assets, tunes and files here, so a later server sees them (default: a
            temporary directory removed when the server stops).
        asset_ready_seconds: Seconds an uploaded asset is validated before it is ready.
        tune_pending_seconds: Seconds a new tune stays pending.
        tune_seconds: Seconds a tune runs before it succeeds.
        url_seconds: Seconds signed upload and download URLs are valid.
        max_upload_bytes: The largest file one upload may carry.
        test_clock: Give the server a clock that `advance_clock` moves forward, for tests.
        host: The loopback address to listen on.
        extra_args: More command line arguments for ``octoai-devserver``.
        startup_timeout: Seconds to wait for the server to accept connections.
    """

    def __init__(
        self,
        *,
        tokens: Sequence[str] | None = None,
        faults: bool = False,
        cold_start: float = 0.0,
        retention: float | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        asset_ready_seconds: float | None = None,
        tune_pending_seconds: float | None = None,
        tune_seconds: float | None = None,
        url_seconds: float | None = None,
        max_upload_bytes: int | None = None,
        test_clock: bool = False,
        host: str = "127.0.0.1",
        extra_args: Sequence[str] = (),
        startup_timeout: float = 30.0,
    ) -> None:
        self._tokens = tuple(tokens) if tokens else (DEFAULT_TOKEN,)
        self._faults = faults
        self._cold_start = cold_start
        self._retention = retention
        self._platform_options: dict[str, str | int | float | None] = {
            "--data-dir": None if data_dir is None else os.fspath(data_dir),
            "--asset-ready-seconds": asset_ready_seconds,
            "--tune-pending-seconds": tune_pending_seconds,
            "--tune-seconds": tune_seconds,
            "--url-seconds": url_seconds,
            "--max-upload-bytes": max_upload_bytes,
        }
        self._test_clock = test_clock
        self._host = host
        self._extra_args = tuple(extra_args)
        self._startup_timeout = startup_timeout
        self._process: subprocess.Popen[str] | None = None
        self._stderr: IO[str] | None = None
        self._base_url: str | None = None

    def __repr__(self) -> str:
        return f"DevServer(base_url={self._base_url!r})"

    @property
    def token(self) -> str:
        """The first accepted token."""
        return self._tokens[0]

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self._host

    @property
    def base_url(self) -> str:
        """The server's URL, such as ``http://127.0.0.1:41234``.

        Raises:
            DevServerError: The server is not running.
        """
        if self._base_url is None:
            raise DevServerError("the development server is not running")
        return self._base_url

    @property
    def pid(self) -> int:
        """The server process's id (to watch its memory, for example).

        Raises:
            DevServerError: The server is not running.
        """
        if self._process is None:
            raise DevServerError("the development server is not running")
        return self._process.pid

    @property
    def port(self) -> int:
        """The port the server listens on."""
        port = urllib.parse.urlsplit(self.base_url).port
        if port is None:  # pragma: no cover - the server always prints a port
            raise DevServerError(f"no port in {self.base_url}")
        return port

    def _command(self) -> list[str]:
        command = [
            sys.executable,
            "-m",
            "octoai_ext.devserver",
            "--host",
            self._host,
            "--port",
            "0",
        ]
        for token in self._tokens:
            command += ["--token", token]
        if self._faults:
            command.append("--faults")
        if self._cold_start:
            command += ["--cold-start", repr(float(self._cold_start))]
        if self._retention is not None:
            command += ["--retention", repr(float(self._retention))]
        for option, value in self._platform_options.items():
            if isinstance(value, str | int):
                command += [option, str(value)]
            elif value is not None:
                command += [option, repr(float(value))]
        if self._test_clock:
            command.append("--test-clock")
        return [*command, *self._extra_args]

    def start(self) -> Self:
        """Start the server and wait until it accepts connections.

        Raises:
            DevServerError: It exited or stayed silent for ``startup_timeout`` seconds; the
                message carries its error output.
        """
        if self._process is not None:
            return self
        # Kept open while the server runs and closed by stop(), so no with block.
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self._process = subprocess.Popen(  # noqa: S603 - runs this interpreter on our own module
            self._command(),
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            stdin=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self._process.stdout is not None  # noqa: S101 - set by stdout=PIPE
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_drain, args=(self._process.stdout, lines), daemon=True).start()
        try:
            line = lines.get(timeout=self._startup_timeout)
        except queue.Empty:
            line = None
        if line is None or not line.startswith(_LISTENING_PREFIX):
            output = self._error_output()
            self.stop()
            raise DevServerError(f"the development server did not start: {line!r}\n{output}")
        self._base_url = line[len(_LISTENING_PREFIX) :].strip()
        return self

    def advance_clock(self, seconds: float) -> float:
        """Move the server's clock forward, as if `seconds` had passed.

        Cold start, pending and running jobs, ``slow`` inferences and result retention all
        follow the server's clock, so a test advances it instead of sleeping. Every wait
        that the move passes ends before this returns: a job that was due is ``completed``
        for the next request.

        Args:
            seconds: How far to move the clock; zero or more.

        Returns:
            The server clock's reading after the move (monotonic seconds).

        Raises:
            ValueError: `seconds` is negative or not finite.
            DevServerError: The server is not running, or was started without `test_clock`.
        """
        if not (math.isfinite(seconds) and seconds >= 0):
            raise ValueError(f"the clock only moves forward by a finite amount, not {seconds!r}")
        answer = self._control("clock", {"advance": seconds})
        return float(answer["now"])

    def _control(self, route: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(  # noqa: S310 - base_url is our own http:// server
            f"{self.base_url}/_devserver/{route}",
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with _loopback_opener().open(request, timeout=_CONTROL_TIMEOUT) as answer:
                result: dict[str, Any] = json.load(answer)
                return result
        except urllib.error.HTTPError as error:
            hint = " (start it with test_clock=True)" if error.code == 404 else ""
            detail = error.read().decode("utf-8", "replace")
            raise DevServerError(
                f"/_devserver/{route} answered {error.code}{hint}: {detail}"
            ) from None
        except OSError as error:
            raise DevServerError(f"/_devserver/{route} could not be reached: {error}") from error

    def _error_output(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.flush()
        self._stderr.seek(0)
        return self._stderr.read()[-10_000:]

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it does not exit in time)."""
        process, self._process = self._process, None
        self._base_url = None
        if process is not None:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(_STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(_STOP_TIMEOUT)
            if process.stdout is not None:
                process.stdout.close()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
