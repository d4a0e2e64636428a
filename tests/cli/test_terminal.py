"""Progress on a terminal: drawn on stderr when it is a TTY, while stdout stays clean JSON."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import uuid
from collections.abc import Callable

import pytest

from octoai_ext.devserver import DevServer

from .conftest import COMMAND, RUN_TIMEOUT, Octoai, environment

pty = pytest.importorskip("pty")


def run_with_terminal_stderr(
    args: list[str],
    env: dict[str, str],
    *,
    when: Callable[[str], bool] | None = None,
    then: Callable[[], object] | None = None,
) -> tuple[int, str, str]:
    """Run ``octoai`` with stderr on a pseudo-terminal and stdout on a pipe.

    With `when` and `then`, `then()` is called once `when(stderr so far)` holds.
    """
    primary, secondary = pty.openpty()
    captured: list[bytes] = []
    arrived = threading.Condition()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # EIO once the child has closed the terminal
                chunk = b""
            with arrived:
                captured.append(chunk)
                arrived.notify_all()
            if not chunk:
                return

    def printed() -> str:
        return b"".join(captured).decode(errors="replace")

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process = subprocess.Popen(  # noqa: S603 - our own console script
            [*COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=env,
        )
        try:
            if when is not None and then is not None:
                with arrived:
                    # An empty chunk means the terminal closed: waiting longer is pointless.
                    reached = arrived.wait_for(
                        lambda: when(printed()) or b"" in captured, timeout=RUN_TIMEOUT
                    )
                assert reached and when(printed()), f"octoai never got there: {printed()!r}"
                then()
            stdout, _ = process.communicate(timeout=RUN_TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    finally:
        os.close(secondary)
        reader.join(timeout=10)
        os.close(primary)
    return process.returncode, stdout.decode(), printed()


def test_wait_draws_progress_on_a_terminal_only(octoai: Octoai) -> None:
    args = [
        "infer", octoai.url("/infer/slow"), "-i", "duration:=60", "--async", "--wait",
        "-H", f"X-OctoAI-Fault: pending=60;key={uuid.uuid4()}",
    ]  # fmt: skip
    # The job is queued until the progress line has shown it; then the clock moves past it.
    code, stdout, stderr = run_with_terminal_stderr(
        args,
        environment(octoai.server),
        when=lambda err: ": pending (" in err,
        then=lambda: octoai.server.advance_clock(120),
    )
    assert code == 0, stderr
    assert json.loads(stdout) == {"echo": {"duration": 60}, "slept": 60}
    assert "\r" not in stdout
    # The line is redrawn in place, shows the status and the elapsed seconds, and is cleared.
    assert "\r\x1b[K" in stderr
    assert " s)" in stderr
    assert stderr.endswith("\r\x1b[K")


def test_health_draws_progress_through_a_cold_start(
    start_devserver: Callable[..., DevServer],
) -> None:
    cold = start_devserver(cold_start=600.0, test_clock=True)
    url = cold.base_url + "/healthcheck"
    code, stdout, stderr = run_with_terminal_stderr(
        ["health", url, "--interval", "0.1"],
        environment(cold),
        # The warning comes after the first answer, a 503: only then may the server warm up.
        when=lambda err: "octoai: warning: " in err,
        then=lambda: cold.advance_clock(600),
    )
    assert code == 0, stderr
    assert stdout == "200 OK\n"
    assert f"waiting for {url}" in stderr
