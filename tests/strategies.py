"""Hypothesis strategies shared by the test modules.

Event streams are generated as structured blocks of fields, rendered to bytes with a chosen
line ending, and cut into reads at arbitrary points. `expected_events` reads the structure (not
the bytes) to say which events a correct decoder must produce, so the decoder is checked against
an independent description of the same stream.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from octoai_ext._sse import ServerSentEvent

#: Characters that must never be taken for line breaks in an event stream, plus multi-byte ones.
TRICKY_CHARACTERS = "\u2028\u2029\x85\x0b\x0c\x00\x1c\x1d\x1e\ufeffé€😀中:"
LINE_ENDINGS = ("\n", "\r\n", "\r")
BOM = b"\xef\xbb\xbf"

#: Text that may sit on one line of an event stream: anything but CR and LF.
line_text = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
        st.sampled_from(TRICKY_CHARACTERS),
    ),
    max_size=24,
)


@dataclass(frozen=True)
class Field:
    """One line of an event block; `name` is "" for a comment line."""

    name: str
    value: str
    spaced: bool = True

    def render(self) -> str:
        """The line as a server would write it, without its line end."""
        if not self.name:
            return ":" + self.value
        if not self.value and not self.spaced:
            return self.name  # a line without a colon: the whole line is the name
        # A value that starts with a space needs the optional space, or the parser eats its own.
        space = " " if self.spaced or self.value.startswith(" ") else ""
        return f"{self.name}:{space}{self.value}"


@dataclass(frozen=True)
class Block:
    """Lines up to (and, if `terminated`, including) the blank line that dispatches them."""

    fields: tuple[Field, ...]
    terminated: bool = True


retry_values = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(str),
    st.sampled_from(["12a", "-1", "1.5", "", " 7", "\u0661\u0662", "\uff11\uff12", "0x10"]),
)
unknown_names = st.sampled_from(["foo", "Data", "DATA", "data ", " data", "ids", "retry-ms", "é"])

fields = st.one_of(
    st.builds(Field, st.just("data"), line_text, st.booleans()),
    st.builds(Field, st.just("event"), line_text, st.booleans()),
    st.builds(Field, st.just("id"), line_text, st.booleans()),
    st.builds(Field, st.just("retry"), retry_values, st.booleans()),
    st.builds(Field, st.just(""), line_text),
    st.builds(Field, unknown_names, line_text, st.booleans()),
)


@st.composite
def event_streams(draw: st.DrawFn) -> list[Block]:
    """Blocks of fields; all end with a blank line except, sometimes, the last."""
    blocks = draw(st.lists(st.builds(Block, st.lists(fields, max_size=6).map(tuple)), max_size=8))
    if blocks and draw(st.booleans()):
        blocks[-1] = Block(blocks[-1].fields, terminated=False)
    return blocks


def expected_events(blocks: list[Block]) -> list[ServerSentEvent]:
    """The events a WHATWG decoder dispatches for `blocks`."""
    events = []
    last_id: str | None = None
    retry: int | None = None
    for block in blocks:
        data: list[str] = []
        event_type = ""
        for field in block.fields:
            if field.name == "data":
                data.append(field.value)
            elif field.name == "event":
                event_type = field.value
            elif field.name == "id" and "\0" not in field.value:
                last_id = field.value
            elif field.name == "retry" and field.value.isascii() and field.value.isdigit():
                retry = int(field.value)
        if block.terminated and data:
            events.append(ServerSentEvent(event_type or "message", "\n".join(data), last_id, retry))
    return events


def render_lines(lines: list[str], endings: list[str]) -> bytes:
    """Join `lines`, each followed by its own line ending, into the bytes of a stream.

    A CR followed by an empty line ended with LF would read as one CRLF, so that LF becomes CRLF.
    """
    out: list[str] = []
    previous = ""
    for line, ending in zip(lines, endings, strict=True):
        if previous == "\r" and not line and ending == "\n":
            ending = "\r\n"
        out.append(line + ending)
        previous = ending
    return "".join(out).encode()


def block_lines(blocks: list[Block]) -> list[str]:
    """Every line of `blocks`, blank lines included."""
    lines: list[str] = []
    for block in blocks:
        lines.extend(field.render() for field in block.fields)
        if block.terminated:
            lines.append("")
    return lines


@st.composite
def line_endings(draw: st.DrawFn, count: int) -> list[str]:
    """One ending style for all `count` lines, or a mix of all three."""
    if draw(st.booleans()):
        return [draw(st.sampled_from(LINE_ENDINGS))] * count
    return draw(st.lists(st.sampled_from(LINE_ENDINGS), min_size=count, max_size=count))


def split_at(data: bytes, cuts: list[int]) -> list[bytes]:
    """`data` cut at each position in `cuts` (any order, repeats allowed, so reads may be empty)."""
    points = [0, *sorted(cuts), len(data)]
    return [data[start:end] for start, end in itertools.pairwise(points)]


@st.composite
def reads(draw: st.DrawFn, data: bytes) -> list[bytes]:
    """`data` split into network reads at arbitrary points, single bytes included."""
    if draw(st.booleans()):
        size = draw(st.integers(min_value=1, max_value=max(1, len(data))))
        return [data[i : i + size] for i in range(0, len(data), size)] or [b""]
    cuts = draw(st.lists(st.integers(min_value=0, max_value=len(data)), max_size=20))
    return split_at(data, cuts)


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(
        st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from("\r\n\u2028")),
        max_size=16,
    ),
)
#: Stream payloads shaped like chunks: objects that are neither errors nor `"done": true`.
payloads = st.dictionaries(
    st.text(max_size=8).filter(lambda key: key not in ("error", "object", "done")),
    st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6),
    max_size=4,
)


def encode_payload(payload: dict[str, Any], *, ascii_only: bool) -> str:
    """The JSON text of one event, with raw non-ASCII characters unless `ascii_only`."""
    return json.dumps(payload, ensure_ascii=ascii_only)
