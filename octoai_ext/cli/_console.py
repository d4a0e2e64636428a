"""Where the command line writes: results to stdout, messages and live progress to stderr.

Results go to standard output and nothing else does, so it can be piped. The progress line is
drawn only when standard error is a terminal; it is redrawn in place with a carriage return,
and every message clears it first so the two never mix on one line.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any, TextIO

__all__ = ["Console", "ConsoleLogHandler", "Output"]

_CLEAR_LINE = "\r\x1b[K"


class Output:
    """Standard output: the results of a command, flushed as they are written."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._at_line_start = True

    def text(self, text: str) -> None:
        """Write text at once, such as one streamed token."""
        if text:
            self._stream.write(text)
            self._stream.flush()
            self._at_line_start = text.endswith("\n")

    def line(self, text: str = "") -> None:
        """Write one line."""
        self.text(text + "\n")

    def end_line(self) -> None:
        """End the current line, if text was written since the last line break."""
        if not self._at_line_start:
            self.line()

    def json(self, data: Any) -> None:
        """Write one JSON document, indented for reading (it still parses as one value)."""
        self.line(json.dumps(data, indent=2, ensure_ascii=False))

    def json_line(self, data: Any) -> None:
        """Write one compact JSON value on one line (JSON Lines)."""
        self.line(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


class Console:
    """Standard error: one-line messages, and one live status line when it is a terminal.

    Args:
        stream: Where to write, normally `sys.stderr`.
        interactive: Whether to draw the status line; by default, whether `stream` is a terminal.
    """

    def __init__(self, stream: TextIO, *, interactive: bool | None = None) -> None:
        self._stream = stream
        self.interactive = _isatty(stream) if interactive is None else interactive
        # A health check logs from its worker thread while the main thread redraws.
        self._lock = threading.Lock()
        self._status_shown = False

    def message(self, text: str) -> None:
        """Write one line, clearing the status line first."""
        with self._lock:
            self._clear()
            self._stream.write(text + "\n")
            self._stream.flush()

    def status(self, text: str) -> None:
        """Draw (or redraw) the status line; nothing happens when not on a terminal."""
        if not self.interactive:
            return
        with self._lock:
            self._stream.write(_CLEAR_LINE + text)
            self._stream.flush()
            self._status_shown = True

    def clear_status(self) -> None:
        """Remove the status line, if one is shown."""
        with self._lock:
            self._clear()
            self._stream.flush()

    def _clear(self) -> None:
        if self._status_shown:
            self._stream.write(_CLEAR_LINE)
            self._status_shown = False


class ConsoleLogHandler(logging.Handler):
    """Writes the client library's log records as ``octoai: warning: ...`` lines."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self._console = console

    def emit(self, record: logging.LogRecord) -> None:
        """Write one record on its own line."""
        try:
            text = self.format(record)
            self._console.message(f"octoai: {record.levelname.lower()}: {text}")
        except Exception:  # a log line must never break a command
            self.handleError(record)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
