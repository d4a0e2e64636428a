"""Progress on a terminal: drawn on stderr when it is a TTY, while stdout stays clean JSON."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Callable

import pytest

from octoai_ext.devserver import DevServer

from .conftest import COMMAND, RUN_TIMEOUT, Octoai, environment

pty = pytest.importorskip("pty")


def run_with_terminal_stderr(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run ``octoai`` with stderr on a pseudo-terminal and stdout on a pipe."""
    primary, secondary = pty.openpty()
    captured: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # EIO once the child has closed the terminal
                return
            if not chunk:
                return
            captured.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process = subprocess.run(  # noqa: S603 - our own console script
            [*COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=env,
            timeout=RUN_TIMEOUT,
            check=False,
        )
    finally:
        os.close(secondary)
        reader.join(timeout=10)
        os.close(primary)
    return process.returncode, process.stdout.decode(), b"".join(captured).decode()


def test_wait_draws_progress_on_a_terminal_only(octoai: Octoai) -> None:
    args = ["infer", octoai.url("/infer/slow"), "-i", "duration:=0.7", "--async", "--wait"]
    code, stdout, stderr = run_with_terminal_stderr(args, environment(octoai.server))
    assert code == 0, stderr
    assert json.loads(stdout) == {"echo": {"duration": 0.7}, "slept": 0.7}
    assert "\r" not in stdout
    # The line is redrawn in place, shows the status and the elapsed seconds, and is cleared.
    assert "\r\x1b[K" in stderr
    assert ": pending (" in stderr or ": running (" in stderr
    assert " s)" in stderr
    assert stderr.endswith("\r\x1b[K")


def test_health_draws_progress_through_a_cold_start(
    start_devserver: Callable[..., DevServer],
) -> None:
    cold = start_devserver(cold_start=2.0)
    args = ["health", cold.base_url + "/healthcheck", "--interval", "0.1"]
    code, stdout, stderr = run_with_terminal_stderr(args, environment(cold))
    assert code == 0, stderr
    assert stdout == "200 OK\n"
    assert f"waiting for {cold.base_url}/healthcheck" in stderr
    assert "octoai: warning: " in stderr
