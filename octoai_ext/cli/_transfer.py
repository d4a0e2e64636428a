"""A live byte bar on standard error while a file is uploaded: sent / total, percent and rate.

`TransferBar.update` is the library's upload callback, ``on_progress(sent, total)``. Like the
wait's status line, it draws only when standard error is a terminal, and it is removed when
the upload ends however it ends.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Final

from .._closing import ClosedOnExit
from ._console import Console
from ._show import size_text

__all__ = ["TransferBar"]

_BAR_WIDTH: Final = 20
# A 1 MiB chunk can take microseconds on loopback: redrawing each one would only flicker.
_REDRAW_EVERY: Final = 0.1
_FALLBACK_COLUMNS: Final = 80


class TransferBar(ClosedOnExit):
    """The byte bar of one upload.

    Args:
        console: Where to draw.
        label: What is uploaded, such as ``upload my-lora``.
        clock: Monotonic seconds (for the rate).
        columns: The terminal's width; by default, read from standard error.
    """

    def __init__(
        self,
        console: Console,
        label: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        columns: int | None = None,
    ) -> None:
        self._console = console
        self._label = label
        self._clock = clock
        self._columns = columns
        self._started = clock()
        self._drawn_at: float | None = None
        #: Bytes handed to the connection so far (the last callback's count).
        self.sent = 0

    def update(self, sent: int, total: int) -> None:
        """Record the bytes sent so far, and redraw the bar now and then and at the end."""
        now = self._clock()
        if sent < self.sent:
            # The library sends the file again from its first byte after a broken attempt.
            self._started = now
        self.sent = sent
        if not self._console.interactive:
            return
        due = self._drawn_at is None or now - self._drawn_at >= _REDRAW_EVERY
        if due or sent >= total:
            self._drawn_at = now
            self._console.status(self.render(sent, total, now - self._started))

    def render(self, sent: int, total: int, elapsed: float) -> str:
        """The bar's text, shortened to fit on one line of the terminal."""
        fraction = 1.0 if total <= 0 else min(sent / total, 1.0)
        filled = round(fraction * _BAR_WIDTH)
        rate = f"{size_text(sent / elapsed)}/s" if elapsed > 0 else "-"
        numbers = (
            f" [{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] "
            f"{size_text(sent)} / {size_text(total)}  {fraction:4.0%}  {rate}"
        )
        room = self._width() - len(numbers) - 1
        label = self._label
        if len(label) > room:
            label = label[: max(room - 3, 0)] + "..."
        return label + numbers

    def _width(self) -> int:
        if self._columns is not None:
            return self._columns
        try:
            return os.get_terminal_size(2).columns or _FALLBACK_COLUMNS
        except OSError:
            return _FALLBACK_COLUMNS

    def close(self) -> None:
        """Remove the bar."""
        if self._console.interactive:
            self._console.clear_status()
