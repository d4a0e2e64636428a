"""Hypothesis strategies shared by the test modules: every strategy a test draws from by name.

Event streams are generated as structured blocks of fields, rendered to bytes with a chosen
line ending, and cut into reads at arbitrary points. `expected_events` reads the structure (not
the bytes) to say which events a correct decoder must produce, so the decoder is checked against
an independent description of the same stream.

Chat answers for the fast model builders, retry policies, futures' fields and command line
input items follow.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from octoai_ext._retry import RetryPolicy
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


#: Answers of the chat endpoints for the fast model builders, shaped as the service sends them.
maybe_text = st.none() | st.text(max_size=8)
finish_reasons = st.none() | st.sampled_from(
    ["stop", "length", "tool_calls", "cancelled", "eos", ""]
)
extra_fields = st.dictionaries(
    st.sampled_from(["extra", "function_call", "x"]), st.integers(), max_size=1
)


@st.composite
def chunk_deltas(draw: st.DrawFn) -> dict[str, Any]:
    """The ``delta`` of a chunk choice, any field present or not, plus unknown fields."""
    delta: dict[str, Any] = {}
    for key, values in (("role", maybe_text), ("content", maybe_text)):
        if draw(st.booleans()):
            delta[key] = draw(values)
    if draw(st.booleans()):
        delta["tool_calls"] = draw(
            st.none() | st.just([{"index": 0, "function": {"arguments": "{}"}}])
        )
    delta.update(draw(extra_fields))
    return delta


@st.composite
def chunk_choices(draw: st.DrawFn) -> dict[str, Any]:
    """One choice of a streamed chunk."""
    choice: dict[str, Any] = {"index": draw(st.integers(0, 3))}
    # Some servers end a stream with a choice that has no `delta` at all.
    if draw(st.integers(0, 3)):
        choice["delta"] = draw(chunk_deltas())
    if draw(st.booleans()):
        choice["finish_reason"] = draw(finish_reasons)
    if draw(st.booleans()):
        choice["logprobs"] = draw(st.none() | st.just({"content": None}))
    choice.update(draw(extra_fields))
    return choice


@st.composite
def chat_chunks(draw: st.DrawFn) -> dict[str, Any]:
    """A ``ChatCompletionChunk`` as the service sends it: optional fields present or not."""
    chunk: dict[str, Any] = {
        "id": "chatcmpl-1",
        "created": draw(st.integers(0, 10**10)),
        "model": "m",
        "choices": draw(st.lists(chunk_choices(), max_size=3)),
    }
    for key, values in (
        ("object", st.just("chat.completion.chunk")),
        (
            "usage",
            st.none() | st.just({"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}),
        ),
        ("system_fingerprint", maybe_text),
    ):
        if draw(st.booleans()):
            chunk[key] = draw(values)
    chunk.update(draw(extra_fields))
    return chunk


usages = (
    st.none()
    | st.fixed_dictionaries(
        {
            "prompt_tokens": st.integers(0, 9),
            "completion_tokens": st.integers(0, 9),
            "total_tokens": st.integers(0, 9),
        }
    )
    | st.just({"prompt_tokens": 1})
    | st.just({"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2, "x": 1})
)


@st.composite
def chat_messages(draw: st.DrawFn) -> dict[str, Any]:
    """The message of a chat completion choice, unknown roles included."""
    message: dict[str, Any] = {
        "role": draw(st.sampled_from(["assistant", "user", "tool", "critic"]))
    }
    if draw(st.booleans()):
        message["content"] = draw(maybe_text | st.just([{"type": "text", "text": "hi"}]))
    for key in ("name", "tool_call_id"):
        if draw(st.booleans()):
            message[key] = draw(maybe_text)
    if draw(st.booleans()):
        message["tool_calls"] = draw(
            st.none()
            | st.just(
                [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]
            )
        )
    message.update(draw(extra_fields))
    return message


@st.composite
def chat_completions(draw: st.DrawFn) -> dict[str, Any]:
    """A ``ChatCompletionResponse``: optional fields present or not, plus unknown fields."""
    choices = []
    for index in range(draw(st.integers(0, 2))):
        choice: dict[str, Any] = {"index": index, "message": draw(chat_messages())}
        if draw(st.booleans()):
            choice["finish_reason"] = draw(finish_reasons)
        if draw(st.booleans()):
            choice["logprobs"] = draw(st.none() | st.just({"content": None}))
        choice.update(draw(extra_fields))
        choices.append(choice)
    data: dict[str, Any] = {"id": "chatcmpl-1", "created": 1, "model": "m", "choices": choices}
    for key, values in (
        ("object", st.just("chat.completion")),
        ("usage", usages),
        ("system_fingerprint", maybe_text),
    ):
        if draw(st.booleans()):
            data[key] = draw(values)
    data.update(draw(extra_fields))
    return data


#: Retry policies with any limits, zero included.
retry_policies = st.builds(
    RetryPolicy,
    max_retries=st.integers(min_value=0, max_value=10),
    initial_delay=st.floats(min_value=0, max_value=100),
    max_delay=st.floats(min_value=0, max_value=1000),
    max_retry_after=st.floats(min_value=0, max_value=3600),
)
#: What a random source such as `random.random` may return.
unit_interval = st.floats(min_value=0, max_value=1)

#: Non-empty text, such as the identifiers and URLs of a future.
short_text = st.text(min_size=1, max_size=40)

#: Any JSON value, nested.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=10,
)
#: Keys of command line input items: the item syntax takes them up to the first `=` or `:=`.
input_keys = st.text(min_size=1).filter(lambda k: "=" not in k and not k.endswith(":"))
