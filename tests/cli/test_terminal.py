"""Progress on a terminal: drawn on stderr when it is a TTY, while stdout stays clean JSON."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest

from octoai_ext.devserver import DevServer

from .conftest import Octoai, environment
from .helpers import run_with_terminal_stderr

pytest.importorskip("pty")


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
