"""A live progress line on standard error: what is awaited, its state and the elapsed time.

The library reports each check of a wait to an `on_progress` callback; `Progress.update` is that
callback. Nothing here waits or sends anything: the library's own wait runs on the main thread,
so a Ctrl-C interrupts it at once.
"""

from __future__ import annotations

from typing import Final, Self

from .. import WaitProgress
from .._closing import ClosedOnExit
from ._console import Console

__all__ = ["Progress"]

_FRAMES: Final = "|/-\\"


class Progress(ClosedOnExit):
    """The status line of one wait; it draws nothing unless the console is a terminal.

    Use it as a context manager, so that the line is removed however the wait ends.

    Args:
        console: Where to draw.
        label: What is awaited, such as ``request 8f3a...``.
    """

    def __init__(self, console: Console, label: str) -> None:
        self._console = console
        self._label = label
        self._frame = 0

    def update(self, progress: WaitProgress) -> None:
        """Show the state after a check, the time spent, and when the next check comes."""
        text = f"{progress.state} ({progress.elapsed:.1f} s"
        if progress.next_check_in is not None:
            text += f", next check in {progress.next_check_in:.1f} s"
        self.show(text + ")")

    def show(self, state: str) -> None:
        """Draw the line with `state`, such as ``checking``."""
        if not self._console.interactive:
            return
        frame = _FRAMES[self._frame % len(_FRAMES)]
        self._frame += 1
        self._console.status(f"{frame} {self._label}: {state}")

    def close(self) -> None:
        """Remove the line."""
        if self._console.interactive:
            self._console.clear_status()

    def __enter__(self) -> Self:
        self.show("starting")
        return self
