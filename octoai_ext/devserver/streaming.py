"""Server-sent event streams, and the fault directives that damage them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from starlette.responses import StreamingResponse

from .faults import Faults

__all__ = [
    "DONE_EVENT",
    "ERROR_EVENT",
    "MALFORMED_EVENT",
    "EventStream",
    "StreamCutError",
    "sse_event",
]

#: The event ``error-event-after`` sends before ending the stream.
ERROR_EVENT: Final = (
    'event: error\ndata: {"message":"injected stream error","type":"server_error",'
    '"object":"error"}\n\n'
)
#: The event ``malformed=sse`` sends after the first event: its data is not JSON.
MALFORMED_EVENT: Final = 'data: {"choices": [ this is not json\n\n'
#: The OpenAI-style end of stream.
DONE_EVENT: Final = "data: [DONE]\n\n"


class StreamCutError(Exception):
    """Raised inside a streaming response so the server drops the connection mid-body."""


def sse_event(payload: Mapping[str, Any]) -> str:
    """Encode one ``data:`` event."""
    return f"data: {json.dumps(payload, separators=(',', ':'), ensure_ascii=False)}\n\n"


@dataclass(frozen=True)
class EventStream:
    """The events of one answer, and the event that ends it.

    Attributes:
        events: The encoded events before the end.
        terminator: The encoded last event (``data: [DONE]`` or a ``"done": true`` event).
    """

    events: list[str]
    terminator: str

    async def iterate(self, faults: Faults | None) -> AsyncIterator[str]:
        """Yield the events, damaged as the fault directives ask.

        A position K past the last event counts as the terminator's position, so every stream
        directive takes effect however short the stream is.

        Raises:
            StreamCutError: ``cut-after`` was reached.
        """
        total = len(self.events)

        def at(value: int | None) -> int | None:
            return None if value is None else min(value, total)

        cut, end, error = (
            (at(faults.cut_after), at(faults.end_after), at(faults.error_event_after))
            if faults
            else (None, None, None)
        )
        stall_at = at(faults.stall_after) if faults else None
        malformed_at = min(1, total) if faults and faults.malformed == "sse" else None
        for position in range(total + 1):
            if position == cut:
                raise StreamCutError
            if position == end:
                return
            if position == error:
                yield ERROR_EVENT
                return
            if position == stall_at and faults and faults.stall:
                # Real time, not the server's clock: a stall stands for a silent network.
                await asyncio.sleep(faults.stall)
            if position == malformed_at:
                yield MALFORMED_EVENT
            yield self.events[position] if position < total else self.terminator

    def response(self, faults: Faults | None) -> StreamingResponse:
        """Answer the stream as ``text/event-stream``."""
        return StreamingResponse(
            self.iterate(faults),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache"},
        )
