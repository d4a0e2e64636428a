"""Server-sent events: bytes in, events out, with no transport attached.

`SSEDecoder` follows the WHATWG event-stream processing model. `EventStream` sits on top of it and
adds what an inference stream means: JSON payloads, a terminator (`data: [DONE]` or a JSON object
with `"done": true`), error events, and the rule that a stream which stops early is an error.
Both are fed raw bytes, so the sync and the asyncio clients drive the same code.
"""

from __future__ import annotations

import enum
import json
from typing import Any, NamedTuple

__all__ = [
    "EventStream",
    "SSEDecoder",
    "ServerSentEvent",
    "StreamEventError",
    "StreamIncompleteError",
    "StreamProtocolError",
    "StreamTerminator",
]

_BOM = "\ufeff"
_EXCERPT = 80


class ServerSentEvent(NamedTuple):
    r"""One dispatched event (a named tuple: built once per event, so it must be cheap).

    Attributes:
        event: The `event:` field, `"message"` when absent or empty.
        data: The `data:` lines, joined with `"\n"`.
        id: The last event id seen on the stream; it persists across events.
        retry: The last valid `retry:` value (milliseconds) seen on the stream; it persists too.

    """

    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None


class SSEDecoder:
    """Incremental WHATWG event-stream parser over raw bytes.

    Lines end at CR, LF or CRLF, also when the CR and the LF arrive in different chunks; nothing
    else (U+2028, U+2029, NEL, VT, FF) ends a line. Each complete line is decoded as UTF-8, invalid
    bytes becoming U+FFFD, so a character cut between two chunks comes out whole; one BOM at the
    very start is dropped. An event is dispatched at a blank line only if it had a `data:` line.
    """

    __slots__ = ("_closed", "_data", "_event", "_id", "_retry", "_skip_lf", "_started", "_tail")

    def __init__(self) -> None:
        # The start of a line whose end has not arrived yet, kept in pieces so that a long line
        # arriving in many reads is joined once, not once per read.
        self._tail: list[bytes] = []
        self._skip_lf = False  # the last chunk ended with CR: an LF opening the next is its pair
        self._started = False  # whether the first line was decoded (a BOM may only precede it)
        self._closed = False
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self._retry: int | None = None

    @property
    def pending(self) -> bool:
        """True if bytes or fields of an unfinished event are buffered."""
        return bool(self._tail or self._data or self._event)

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Take the next chunk, cut anywhere, and return the events it completes, in order.

        Raises:
            ValueError: The decoder was closed.

        """
        if self._closed:
            raise ValueError("feed() after close()")
        if self._skip_lf and chunk:
            self._skip_lf = False
            if chunk[0] == 0x0A:
                chunk = chunk[1:]
        # Int needles are a memchr, several times faster than b"\r". The tail holds no line end.
        tail = self._tail
        has_cr = 0x0D in chunk
        if not has_cr and 0x0A not in chunk:
            if chunk:
                tail.append(chunk)
            return []
        buf = chunk
        if tail:
            tail.append(chunk)
            buf = b"".join(tail)
            tail.clear()
        if has_cr:
            # A trailing CR ends its line now; the flag drops an LF that opens the next chunk.
            self._skip_lf = buf[-1] == 0x0D
            buf = buf.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        end = buf.rfind(b"\n") + 1
        if end < len(buf):
            tail.append(buf[end:])
            buf = buf[:end]
        # CR and LF never occur inside a multi-byte UTF-8 sequence, so whole lines decode safely.
        text = buf.decode("utf-8", "replace")
        if not self._started:
            self._started = True
            if text.startswith(_BOM):
                text = text[1:]
        lines = text.split("\n")
        lines.pop()  # the empty string after the final line end
        # Processed here rather than in a helper: this runs once per network read.
        events: list[ServerSentEvent] = []
        data = self._data
        for line in lines:
            if line.startswith("data:"):  # the hot path: one `data:` line per event
                data.append(line[6:] if line.startswith(" ", 5) else line[5:])
            elif not line:
                if data:
                    event = self._event or "message"
                    events.append(ServerSentEvent(event, "\n".join(data), self._id, self._retry))
                    data = self._data = []
                self._event = ""
            elif line[0] != ":":  # a leading colon marks a comment
                name, _, value = line.partition(":")
                if value.startswith(" "):
                    value = value[1:]
                if name == "data":
                    data.append(value)
                elif name == "event":
                    self._event = value
                elif name == "id":
                    if "\0" not in value:
                        self._id = value
                elif name == "retry" and value.isascii() and value.isdigit():
                    self._retry = int(value)
        return events

    def close(self) -> list[ServerSentEvent]:
        """Mark the end of input and return the events it completes: always none.

        Only a blank line completes an event, so one cut off at the end is discarded, as WHATWG
        says; `pending` keeps telling whether that happened. The list keeps feed/close uniform.
        """
        self._closed = True
        return []


class StreamProtocolError(Exception):
    """The stream broke the rules of an inference stream.

    `events_received` counts the payloads handed to the caller before the problem.
    """

    def __init__(self, message: str, *, events_received: int) -> None:
        super().__init__(message)
        self.events_received = events_received


class StreamIncompleteError(StreamProtocolError):
    """The stream ended without its terminator."""


class StreamEventError(StreamProtocolError):
    """The server reported an error inside the stream.

    `message` is the server's message; `payload` the event's JSON object, if its data was one.
    """

    def __init__(
        self, message: str, *, payload: dict[str, Any] | None, events_received: int
    ) -> None:
        super().__init__(message, events_received=events_received)
        self.message = message
        self.payload = payload


class StreamTerminator(enum.Enum):
    """How a stream says it is complete."""

    #: `data: [DONE]`, as OpenAI-style endpoints send.
    DONE_SENTINEL = "[DONE]"
    #: A JSON object with `"done": true`, as HuggingFace-style endpoints send; it is also a payload.
    DONE_FLAG = "done"
    #: Whichever of the two comes first.
    EITHER = "either"


_TERMINATOR_TEXT = {
    StreamTerminator.DONE_SENTINEL: "[DONE]",
    StreamTerminator.DONE_FLAG: 'an event with "done": true',
    StreamTerminator.EITHER: '[DONE] or an event with "done": true',
}


class EventStream:
    """Turns decoded events into JSON payloads and enforces how the stream must end.

    Events with empty data (keep-alives, `id:` or `retry:` blocks, a bare `data:`) are skipped.
    Everything else must be a JSON object. When one chunk holds good events followed by a bad one,
    the good ones are returned and the error is raised by the next `feed` or `close`.
    `terminator` says which end marker completes the stream.
    """

    __slots__ = ("_decoder", "_error", "_events", "_flag", "_sentinel", "_terminator", "finished")

    def __init__(self, *, terminator: StreamTerminator = StreamTerminator.DONE_SENTINEL) -> None:
        self._decoder = SSEDecoder()
        self._terminator = terminator
        self._sentinel = terminator is not StreamTerminator.DONE_FLAG
        self._flag = terminator is not StreamTerminator.DONE_SENTINEL
        #: True once the terminator was seen; later input is ignored. (A plain attribute: the
        #: clients read it once per network read.)
        self.finished = False
        self._events = 0
        self._error: StreamProtocolError | None = None

    @property
    def events_received(self) -> int:
        """How many payloads `feed` has returned so far."""
        return self._events

    def feed(self, chunk: bytes) -> list[dict[str, Any]]:
        """Take the next chunk, cut anywhere, and return the JSON objects it completes, in order.

        Raises:
            StreamEventError: The server sent an error event or a JSON error object.
            StreamProtocolError: An event's data is not a JSON object.

        """
        if self._error is not None:
            raise self._error
        if self.finished:
            return []
        payloads: list[dict[str, Any]] = []
        flag = self._flag
        for event in self._decoder.feed(chunk):
            data = event.data
            if data[:1] == "{" and event.event == "message":
                # The hot path, inline: one JSON object per event, not an error, not the end.
                try:
                    payload = json.loads(data)
                except ValueError:
                    payload = None
                if (
                    payload is not None
                    and "error" not in payload
                    and payload.get("object") != "error"
                    and not (flag and payload.get("done") is True)
                ):
                    payloads.append(payload)
                    self._events += 1
                    continue
            try:
                payload = self._accept(event)
            except StreamProtocolError as exc:
                if not payloads:
                    raise
                self._error = exc
                break
            if payload is not None:
                payloads.append(payload)
                self._events += 1
            # mypy keeps the narrowing from the check above, but `_accept` may have set it.
            if self.finished:
                break  # type: ignore[unreachable]
        return payloads

    def close(self) -> None:
        """Mark the end of input.

        Raises:
            StreamEventError: An error event arrived after the last payloads returned.
            StreamProtocolError: An undecodable event arrived after the last payloads returned.
            StreamIncompleteError: The terminator never came.

        """
        self._decoder.close()
        if self._error is not None:
            raise self._error
        if self.finished:
            return
        count = self._events
        message = (
            f"the stream ended after {count} event{'' if count == 1 else 's'}"
            f" without {_TERMINATOR_TEXT[self._terminator]}"
        )
        if self._decoder.pending:
            message += " (its last event was cut off)"
        raise StreamIncompleteError(message, events_received=count)

    def _accept(self, event: ServerSentEvent) -> dict[str, Any] | None:
        data = event.data.strip()
        named_error = event.event == "error"
        if not named_error:
            if not data:
                return None
            if self._sentinel and data == "[DONE]":
                self.finished = True
                return None
        try:
            payload, valid = json.loads(data), True
        except ValueError:
            payload, valid = None, False
        if named_error or (isinstance(payload, dict) and _is_error(payload)):
            payload = payload if isinstance(payload, dict) else None
            message = _error_message(payload) or data[:200] or "the server reported an error"
            raise StreamEventError(message, payload=payload, events_received=self._events)
        if not isinstance(payload, dict):
            kind = "a JSON object" if valid else "valid JSON"
            excerpt = repr(data if len(data) <= _EXCERPT else data[:_EXCERPT] + "…")
            raise StreamProtocolError(
                f"event {self._events + 1} of the stream is not {kind}: {excerpt}",
                events_received=self._events,
            )
        if self._flag and payload.get("done") is True:
            self.finished = True
        return payload


def _is_error(payload: dict[str, Any]) -> bool:
    return isinstance(payload.get("error"), dict | str) or payload.get("object") == "error"


def _error_message(payload: dict[str, Any] | None) -> str | None:
    if payload is None:
        return None
    error = payload.get("error")
    candidates = (
        error.get("message") if isinstance(error, dict) else error,
        payload.get("message"),
        payload.get("detail"),
    )
    return next((c for c in candidates if isinstance(c, str) and c), None)
