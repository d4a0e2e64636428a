"""The live line of ``octoai batch run``: items done, failed, in flight, the rate and the ETA."""

from __future__ import annotations

from .. import BatchProgress
from .._closing import ClosedOnExit
from ._console import Console

__all__ = ["BatchProgressLine", "describe"]


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def describe(progress: BatchProgress, total: int | None) -> str:
    """One line of counts; with the number of items in the file, the share done and the ETA."""
    finished = progress.done + progress.failed + progress.skipped
    done = f"{finished}/{total}" if total else f"{finished}"
    text = (
        f"{done} done, {progress.failed} failed, {progress.running} running, "
        f"{progress.submitted} submitted"
    )
    if progress.resubmitted:
        text += f", {progress.resubmitted} resubmitted"
    if progress.throttled:
        text += f", throttled {progress.throttled}x (concurrency {progress.concurrency})"
    text += f", {progress.rate:.1f}/s"
    if total and progress.rate > 0 and finished < total:
        text += f", ETA {_duration((total - finished) / progress.rate)}"
    return text


class BatchProgressLine(ClosedOnExit):
    """Draws `describe` on the console's status line (only on a terminal).

    Args:
        console: Where to draw.
        total: The number of items in the input file, when counted.
    """

    def __init__(self, console: Console, total: int | None) -> None:
        self._console = console
        self._total = total

    def update(self, progress: BatchProgress) -> None:
        """The batch's `on_progress` callback."""
        if self._console.interactive:
            self._console.status(describe(progress, self._total))

    def close(self) -> None:
        """Remove the line."""
        if self._console.interactive:
            self._console.clear_status()
