"""Run the ``octoai`` command line against the development server.

Most tests call the command line's own entry point in this process, with its standard streams
and environment swapped for the run: the same `main()` the console script calls, over real HTTP
to a real server, without the second or so of CPU a new interpreter costs per run. What only a
process shows (signals, a closed pipe, a terminal, the console script itself) runs `octoai` as
a subprocess: `Octoai.run_process`, `run_until` and `interrupt`.
"""

from __future__ import annotations

import contextlib
import io
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support.control import request_log

from octoai_ext.cli import main
from octoai_ext.devserver import DevServer

_SCRIPT = Path(sys.executable).with_name("octoai")
#: The console script installed with the package; `python -m` when it is not installed.
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "octoai_ext.cli"]
#: No command of these tests should come near this; it only keeps a hang from blocking the run.
RUN_TIMEOUT = 60.0


@dataclass(frozen=True)
class Result:
    """What one run of ``octoai`` left behind."""

    code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return self.stderr.splitlines()


# A shell that runs the tests in the background ignores SIGINT, and an ignored signal stays
# ignored across exec. This launcher restores the default before it execs `octoai`, so the
# child gets its KeyboardInterrupt (without preexec_fn, which is unsafe with threads).
_WITH_DEFAULT_SIGINT = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])",
]


def environment(
    server: DevServer | None, *, token: str | None = None, **extra: str
) -> dict[str, str]:
    """The child's environment: ours (OctoAI variables already cleared) plus the server's."""
    env = dict(os.environ)
    if server is not None:
        env["OCTOAI_BASE_URL"] = server.base_url
        env["OCTOAI_TOKEN"] = server.token if token is None else token
    env.update(extra)
    return env


class Octoai:
    """Runs ``octoai`` against one server, with its token and base URL in the environment."""

    def __init__(self, server: DevServer) -> None:
        self.server = server

    def url(self, path: str) -> str:
        return self.server.base_url + path

    def __call__(
        self, *args: str, env: Mapping[str, str] | None = None, stdin: str | bytes = b""
    ) -> Result:
        """Run ``octoai`` to completion in this process; stdin holds `stdin`."""
        data = stdin.encode() if isinstance(stdin, str) else stdin
        return run_in_process(
            args, dict(env) if env is not None else environment(self.server), data
        )

    def run_process(
        self, *args: str, env: Mapping[str, str] | None = None, stdin: str | bytes = b""
    ) -> Result:
        """Run the ``octoai`` console script to completion; stdin is a pipe holding `stdin`."""
        completed = subprocess.run(  # noqa: S603 - our own console script
            [*COMMAND, *args],
            input=stdin.encode() if isinstance(stdin, str) else stdin,
            capture_output=True,
            env=dict(env) if env is not None else environment(self.server),
            timeout=RUN_TIMEOUT,
            check=False,
        )
        return Result(completed.returncode, completed.stdout.decode(), completed.stderr.decode())

    def requests(self, fault_key: str) -> list[dict[str, Any]]:
        """The server's log entries of the requests whose fault header has ``key=fault_key``."""
        return request_log(self.server, fault_key)

    def run_until(
        self,
        *args: str,
        when: Callable[[str, str], bool],
        then: Callable[[subprocess.Popen[bytes]], object],
        env: Mapping[str, str] | None = None,
    ) -> Result:
        """Start ``octoai``, call `then(process)` once `when(stdout, stderr)` holds for what it
        has printed so far (checked after each read, and at least every 50 ms), then collect
        everything it printed until it exits.
        """
        process = subprocess.Popen(  # noqa: S603 - our own console script
            [*_WITH_DEFAULT_SIGINT, *COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(env) if env is not None else environment(self.server),
        )
        assert process.stdout is not None
        assert process.stderr is not None
        seen = {process.stdout: b"", process.stderr: b""}
        try:
            with selectors.DefaultSelector() as selector:
                for pipe in seen:
                    selector.register(pipe, selectors.EVENT_READ)
                deadline = time.monotonic() + RUN_TIMEOUT
                while not when(seen[process.stdout].decode(), seen[process.stderr].decode()):
                    assert time.monotonic() < deadline, f"octoai never got there: {seen}"
                    for key, _ in selector.select(timeout=0.05):
                        chunk = os.read(key.fd, 65536)
                        assert chunk, f"octoai ended before it got there: {seen}"
                        seen[key.fileobj] += chunk  # type: ignore[index]
            then(process)
            rest, err = process.communicate(timeout=RUN_TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        return Result(
            process.returncode,
            (seen[process.stdout] + rest).decode(),
            (seen[process.stderr] + err).decode(),
        )

    def interrupt(
        self,
        *args: str,
        when: Callable[[str, str], bool],
        env: Mapping[str, str] | None = None,
    ) -> Result:
        """Start ``octoai``, send it SIGINT once `when(stdout, stderr)` holds for what it has
        printed so far, and collect everything it printed.
        """
        return self.run_until(
            *args, when=when, then=lambda process: process.send_signal(signal.SIGINT), env=env
        )


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Any:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_in_process(args: tuple[str, ...], env: Mapping[str, str], stdin: bytes) -> Result:
    """`octoai_ext.cli.main(args)` with its own streams and environment, as a process has."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = {
        "stdin": io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        "stdout": io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        "stderr": io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    }
    saved = {name: getattr(sys, name) for name in streams}
    try:
        for name, stream in streams.items():
            setattr(sys, name, stream)
        with _environment(env):
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse's usage errors and --help, as in a process
                code = (
                    exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
                )
        for stream in streams.values():
            stream.flush()
    finally:
        for name, stream in saved.items():
            setattr(sys, name, stream)
    return Result(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture
def octoai(devserver: DevServer) -> Octoai:
    """Run ``octoai`` against the session's development server."""
    return Octoai(devserver)
