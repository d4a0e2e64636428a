"""A live progress line on standard error: what is awaited, its state and the elapsed time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Final, Self, TypeVar

from ._console import Console

__all__ = ["Progress"]

T = TypeVar("T")

_FRAMES: Final = "|/-\\"
#: How often the line is redrawn while waiting, in seconds.
_TICK: Final = 0.1


class Progress:
    """The status line of one wait; it draws nothing unless the console is a terminal.

    Use it as a context manager, so that the line is removed however the wait ends.

    Args:
        console: Where to draw.
        label: What is awaited, such as ``request 8f3a...``.
        clock: Seconds from an arbitrary origin (`time.monotonic`).
    """

    def __init__(
        self, console: Console, label: str, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._console = console
        self._label = label
        self._clock = clock
        self._start = clock()
        self._state = "starting"
        self._frame = 0

    @property
    def elapsed(self) -> float:
        """Seconds since the wait began."""
        return self._clock() - self._start

    def set(self, state: str) -> None:
        """Show a new state, such as ``pending`` or ``running``."""
        self._state = state
        self.draw()

    def draw(self) -> None:
        """Redraw the line with the current elapsed time."""
        if not self._console.interactive:
            return
        frame = _FRAMES[self._frame % len(_FRAMES)]
        self._frame += 1
        self._console.status(f"{frame} {self._label}: {self._state} ({self.elapsed:.1f} s)")

    def sleep(self, seconds: float) -> None:
        """Sleep, redrawing the line every tenth of a second on a terminal."""
        if not self._console.interactive:
            time.sleep(seconds)
            return
        end = self._clock() + seconds
        while (remaining := end - self._clock()) > 0:
            time.sleep(min(_TICK, remaining))
            self.draw()

    def run(self, work: Callable[[], T]) -> T:
        """Run a blocking call, redrawing the line while it runs.

        On a terminal the call runs in a daemon thread so the line stays live; a Ctrl-C then
        interrupts the wait at once (the thread is abandoned). Elsewhere it runs directly.
        """
        if not self._console.interactive:
            return work()
        outcome: list[T] = []
        failure: list[BaseException] = []

        def target() -> None:
            try:
                outcome.append(work())
            except BaseException as exc:  # handed over to the main thread
                failure.append(exc)

        worker = threading.Thread(target=target, name="octoai-cli-wait", daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(_TICK)
            self.draw()
        if failure:
            raise failure[0]
        return outcome[0]

    def close(self) -> None:
        """Remove the line."""
        if self._console.interactive:
            self._console.clear_status()

    def __enter__(self) -> Self:
        self.draw()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
