"""Helpers of the command line's tests: reading what ``octoai`` printed, and a terminal."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable

from .conftest import COMMAND, RUN_TIMEOUT

#: What every command that needs a token prints when there is none.
NO_TOKEN_LINE = (
    "octoai: error: no OctoAI token: set the OCTOAI_TOKEN environment variable (OCTOAI_API_KEY "
    "is also read); the command line takes no token argument, so it never lands in shell history"
)


def assert_one_error_line(stderr: str) -> None:
    """stderr is one ``octoai: error: `` line, and no traceback."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("octoai: error: ")
    assert "Traceback" not in stderr


def lines_of(summary: str) -> dict[str, str]:
    """A printed summary's ``key: value`` lines as a dict."""
    pairs = (line.split(":", 1) for line in summary.splitlines() if line)
    return {key.strip(): value.strip() for key, value in pairs}


def run_with_terminal_stderr(
    args: list[str],
    env: dict[str, str],
    *,
    when: Callable[[str], bool] | None = None,
    then: Callable[[], object] | None = None,
) -> tuple[int, str, str]:
    """Run ``octoai`` with stderr on a pseudo-terminal and stdout on a pipe.

    With `when` and `then`, `then()` is called once `when(stderr so far)` holds.

    Only where the `pty` module exists: a test module that uses this skips without it
    (``pytest.importorskip("pty")``).
    """
    import pty

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
