"""`make demo` runs the client tour against the development server."""

from __future__ import annotations

import subprocess
import sys


def test_demo_prints_a_streamed_chat_and_a_completed_async_inference() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "octoai_ext.devserver.demo"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.splitlines()
    streamed = lines[lines.index("== Streamed chat completion") + 1]
    assert streamed.startswith("assistant: ")
    assert len(streamed.split()) > 2
    statuses = [line for line in lines if line.startswith("status: ")]
    assert statuses[-1] == "status: completed"
    assert any(line.endswith("/healthcheck answered 200") for line in lines)
    assert lines[-1] == "Development server stopped."
