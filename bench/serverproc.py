"""Start and stop the loopback server (`bench.server`) in its own process."""

from __future__ import annotations

import json
import pathlib
import selectors
import subprocess
import sys
import time
import urllib.request
from types import TracebackType
from typing import Any, Self

_START_TIMEOUT = 30.0
#: The repository root: child interpreters run there so that `bench` is importable.
ROOT = pathlib.Path(__file__).resolve().parent.parent


class ServerProcess:
    """`with ServerProcess() as server:` gives `server.url`, `stats()` and `reset()`."""

    def __init__(self) -> None:
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> Self:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "bench.server", "--port", "0"],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self._proc.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self._proc.stdout, selectors.EVENT_READ)
            deadline = time.monotonic() + _START_TIMEOUT
            line = ""
            while not line.startswith("PORT "):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._proc.poll() is not None:
                    self.__exit__(None, None, None)
                    raise RuntimeError("the benchmark server did not start")
                if selector.select(remaining):
                    line = self._proc.stdout.readline()
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"
        return self

    def _call(self, method: str, path: str) -> dict[str, Any]:
        request = urllib.request.Request(  # noqa: S310 (a loopback http URL)
            self.url + path, method=method, data=b"" if method == "POST" else None
        )
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            result: dict[str, Any] = json.loads(answer.read())
        return result

    def stats(self) -> dict[str, Any]:
        """Request counts per route (`chat`, `stream`, `submit`, `poll`, `fetch`, ...)."""
        return self._call("GET", "/_bench/stats")

    def reset(self) -> None:
        """Zero the counts and forget queued jobs."""
        self._call("POST", "/_bench/reset")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
