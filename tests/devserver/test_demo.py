"""`make demo` runs the client tour against the development server."""

from __future__ import annotations

import subprocess
import sys


def test_demo_tours_the_client_the_platform_and_the_command_line() -> None:
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
    statuses = [line.split(" (")[0] for line in lines if line.startswith("status: ")]
    assert statuses[:3] == ["status: pending", "status: running", "status: completed"]
    assert any(line.endswith("/healthcheck answered 200") for line in lines)
    # The platform half: a LoRA uploaded and listed, a tune that succeeds, an image made with it.
    assert any(line.startswith("uploaded ") and line.endswith(" is ready") for line in lines)
    assert any(line.startswith("listed: demo-watercolor lora ") for line in lines)
    assert statuses[3:] == ["status: pending", "status: running", "status: succeeded"]
    assert any(line.startswith("the tune made the LoRA demo-sks-dog (asset_") for line in lines)
    assert any(line.startswith("generated a ") and "PNG with the LoRA" in line for line in lines)
    assert lines[-1] == "Development server stopped."
