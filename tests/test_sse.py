"""The event-stream decoder and the inference-stream rules on top of it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from octoai_ext._sse import (
    EventStream,
    ServerSentEvent,
    SSEDecoder,
    StreamEventError,
    StreamIncompleteError,
    StreamProtocolError,
    StreamTerminator,
)
from tests.strategies import (
    BOM,
    Block,
    Field,
    block_lines,
    encode_payload,
    event_streams,
    expected_events,
    line_endings,
    payloads,
    reads,
    render_lines,
)


def decode(*chunks: bytes) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    assert decoder.close() == []
    return events


def data_of(*chunks: bytes) -> list[str]:
    return [event.data for event in decode(*chunks)]


def stream_payloads(*chunks: bytes, terminator: StreamTerminator = StreamTerminator.DONE_SENTINEL):
    stream = EventStream(terminator=terminator)
    out = [payload for chunk in chunks for payload in stream.feed(chunk)]
    stream.close()
    return out


# --- The examples of the WHATWG specification ----------------------------------------------------


def test_whatwg_stock_ticker_joins_data_lines() -> None:
    assert decode(b"data: YHOO\ndata: +2\ndata: 10\n\n") == [ServerSentEvent(data="YHOO\n+2\n10")]


def test_whatwg_ids_and_an_unfinished_last_event() -> None:
    stream = (
        b": test stream\n\ndata: first event\nid: 1\n\n"
        b"data:second event\nid\n\ndata:  third event\n"
    )
    assert decode(stream) == [
        ServerSentEvent(data="first event", id="1"),
        ServerSentEvent(data="second event", id=""),
    ]
    # Only one space after the colon belongs to the syntax.
    assert decode(stream + b"\n")[-1] == ServerSentEvent(data=" third event", id="")


def test_whatwg_empty_data_lines() -> None:
    # A `data` line without a colon, and `data:` with nothing after it, both add an empty line.
    assert data_of(b"data\n\ndata\ndata\n\ndata:") == ["", "\n"]
    assert data_of(b"data\n\ndata\ndata\n\ndata:\n\n") == ["", "\n", ""]


def test_whatwg_space_after_colon_is_optional() -> None:
    assert data_of(b"data:test\n\ndata: test\n\n") == ["test", "test"]


def test_whatwg_event_types_reset_after_each_event() -> None:
    stream = b"event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\ndata: 113411\n\n"
    assert [(e.event, e.data) for e in decode(stream)] == [
        ("add", "73857293"),
        ("remove", "2153"),
        ("message", "113411"),
    ]


# --- Line ends -----------------------------------------------------------------------------------


@pytest.mark.parametrize("eol", [b"\n", b"\r\n", b"\r"])
def test_every_line_end_style_gives_the_same_events(eol: bytes) -> None:
    lines = [b"event: a", b"data: 1", b"data: 2", b"", b": ping", b"", b"id: 9", b"data: 3", b""]
    assert decode(eol.join(lines) + eol) == [
        ServerSentEvent(event="a", data="1\n2"),
        ServerSentEvent(data="3", id="9"),
    ]


def test_mixed_line_ends_in_one_stream() -> None:
    assert data_of(b"data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\r") == ["a\nb\nc", "d"]


def test_cr_at_the_end_of_a_read_pairs_with_lf_at_the_start_of_the_next() -> None:
    # Were the LF counted as a second line end, it would be a blank line dispatching "a" alone.
    assert data_of(b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n") == ["a\nb"]


def test_cr_pairing_survives_empty_reads() -> None:
    assert data_of(b"data: a\r", b"", b"", b"\ndata: b\n\n") == ["a\nb"]


def test_cr_at_the_end_of_a_read_dispatches_at_once() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r") == []
    assert decoder.feed(b"\r") == [ServerSentEvent(data="a")]
    assert decoder.feed(b"\n") == []  # the LF completes the CRLF; it is not another blank line
    assert not decoder.pending


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1e"])
def test_unicode_and_ascii_separators_are_not_line_ends(char: str) -> None:
    text = f"one{char}two"
    assert data_of(f"data: {text}\n\n".encode()) == [text]


# --- UTF-8 ---------------------------------------------------------------------------------------


def test_multibyte_characters_cut_at_every_position() -> None:
    stream = "data: é€😀中\u2028x\n\n".encode()
    for cut in range(len(stream) + 1):
        assert data_of(stream[:cut], stream[cut:]) == ["é€😀中\u2028x"], cut


def test_multibyte_characters_fed_one_byte_at_a_time() -> None:
    stream = "event: ü\ndata: 😀 ok\r\n\r\n".encode()
    assert decode(*(stream[i : i + 1] for i in range(len(stream)))) == [
        ServerSentEvent(event="ü", data="😀 ok")
    ]


def test_invalid_utf8_becomes_replacement_characters() -> None:
    assert data_of(b"data: \xff\xfeabc\n\ndata: \xe2\x82\n\n") == ["\ufffd\ufffdabc", "\ufffd"]


def test_bom_at_stream_start_is_stripped_even_when_split() -> None:
    assert data_of(BOM + b"data: x\n\n") == ["x"]
    assert data_of(BOM[:1], BOM[1:2], BOM[2:] + b"data: x\n\n") == ["x"]


def test_only_one_bom_at_the_very_start_is_stripped() -> None:
    # The second BOM makes the field name "\ufeffdata", which is unknown.
    assert decode(BOM + BOM + b"data: x\n\n") == []
    assert data_of(b"data: \xef\xbb\xbfx\n\n") == ["\ufeffx"]
    assert data_of(b"\n" + BOM + b"data: x\n\ndata: y\n\n") == ["y"]


# --- Fields --------------------------------------------------------------------------------------


def test_comments_and_keepalives_are_ignored() -> None:
    stream = b":\n\n: ping\n\n:keep-alive\n\ndata: a\n: in between\ndata: b\n\n"
    assert data_of(stream) == ["a\nb"]


def test_blocks_without_data_are_not_dispatched() -> None:
    assert decode(b"id: 1\n\nretry: 3000\n\nevent: update\n\n: ping\n\n") == []


def test_id_and_retry_persist_into_later_events() -> None:
    events = decode(b"id: 1\n\nretry: 3000\n\ndata: a\n\nid: 2\ndata: b\n\n")
    assert events == [
        ServerSentEvent(data="a", id="1", retry=3000),
        ServerSentEvent(data="b", id="2", retry=3000),
    ]


def test_an_event_type_without_data_does_not_leak_into_the_next_event() -> None:
    assert decode(b"event: error\n\ndata: ok\n\n") == [ServerSentEvent(data="ok")]


def test_id_containing_nul_is_ignored() -> None:
    assert decode(b"id: 5\n\nid: a\x00b\ndata: x\n\n") == [ServerSentEvent(data="x", id="5")]


@pytest.mark.parametrize("value", ["12a", "-1", "1.5", "  7", "", "\u0661\u0662", "\uff11\uff12"])
def test_retry_must_be_ascii_digits(value: str) -> None:
    stream = f"retry: 10\n\nretry:{value}\ndata: x\n\n".encode()
    assert decode(stream) == [ServerSentEvent(data="x", retry=10)]


def test_unknown_fields_and_case_variants_are_ignored() -> None:
    assert decode(b"foo: bar\nData: no\ndata : no\ndata: yes\n\n") == [ServerSentEvent(data="yes")]


def test_data_prefix_is_removed_as_a_prefix_not_as_a_set_of_characters() -> None:
    assert data_of(b"data:true\n\ndata:ata\n\ndata: data: x\n\ndata:\t{}\n\n") == [
        "true",
        "ata",
        "data: x",
        "\t{}",
    ]


def test_colons_in_values_are_kept() -> None:
    assert decode(b'event: a:b\ndata: {"k": "v:w"}\n\n') == [
        ServerSentEvent(event="a:b", data='{"k": "v:w"}')
    ]


# --- Buffering and the end of input --------------------------------------------------------------


def test_pending_reports_an_unfinished_event() -> None:
    decoder = SSEDecoder()
    assert not decoder.pending
    decoder.feed(b"data: par")
    assert decoder.pending  # half a line
    decoder.feed(b"tial\n")
    assert decoder.pending  # a whole line, but no blank line yet
    assert decoder.close() == []
    assert decoder.pending  # still says that an event was cut off


def test_processed_bytes_are_dropped() -> None:
    decoder = SSEDecoder()
    for _ in range(1000):
        assert decoder.feed(b'data: {"x": 1}\n\n') == [ServerSentEvent(data='{"x": 1}')]
        assert not decoder.pending
    decoder.feed(b": comment\nid: 3\n")
    assert not decoder.pending  # comments and ids leave nothing behind that an event would need


def test_feed_after_close_is_an_error() -> None:
    decoder = SSEDecoder()
    decoder.close()
    with pytest.raises(ValueError, match="close"):
        decoder.feed(b"data: x\n\n")


# --- Properties ----------------------------------------------------------------------------------


def test_the_stream_model_used_by_the_properties() -> None:
    blocks = [
        Block((Field("id", "1"), Field("data", "a"), Field("data", " b", spaced=False))),
        Block((Field("", "ping"), Field("data", "", spaced=False))),
        Block((Field("data", "c"),), terminated=False),
    ]
    lines = block_lines(blocks)
    stream = render_lines(lines, ["\r", "\n", "\r", "\n", "\n", "\n", "\n", "\n"])
    assert stream == b"id: 1\rdata: a\ndata:  b\r\r\n:ping\ndata\n\ndata: c\n"
    expected = [ServerSentEvent(data="a\n b", id="1"), ServerSentEvent(data="", id="1")]
    assert expected_events(blocks) == expected
    assert decode(stream) == expected


@given(blocks=event_streams(), bom=st.booleans(), data=st.data())
def test_any_stream_decodes_to_its_events_for_any_reads_and_line_ends(
    blocks: list[Block], bom: bool, data: st.DataObject
) -> None:
    lines = block_lines(blocks)
    stream = (BOM if bom else b"") + render_lines(lines, data.draw(line_endings(len(lines))))
    assert decode(*data.draw(reads(stream))) == expected_events(blocks)


@given(blocks=event_streams(), data=st.data())
def test_line_end_style_does_not_matter(blocks: list[Block], data: st.DataObject) -> None:
    lines = block_lines(blocks)
    decoded = [decode(render_lines(lines, [eol] * len(lines))) for eol in ("\n", "\r\n", "\r")]
    assert decoded[0] == decoded[1] == decoded[2]
    mixed = render_lines(lines, data.draw(line_endings(len(lines))))
    assert decode(mixed) == decoded[0]


@given(objects=st.lists(payloads, max_size=6), ascii_only=st.booleans(), data=st.data())
def test_event_stream_returns_every_payload_for_any_reads(
    objects: list[dict[str, object]], ascii_only: bool, data: st.DataObject
) -> None:
    parts = [b": ping\n\n", b"id: 1\n\n", b"retry: 5\n\n", b"data:\n\n"]
    body = b"".join(
        data.draw(st.sampled_from(parts)) * data.draw(st.integers(0, 1))
        + f"data: {encode_payload(obj, ascii_only=ascii_only)}\n\n".encode()
        for obj in objects
    )
    stream = body + b"data: [DONE]\n\n"
    assert stream_payloads(*data.draw(reads(stream))) == objects


@given(objects=st.lists(payloads, min_size=1, max_size=5), data=st.data())
def test_a_stream_cut_anywhere_before_done_counts_the_events_that_arrived(
    objects: list[dict[str, object]], data: st.DataObject
) -> None:
    events = [f"data: {encode_payload(obj, ascii_only=False)}\n\n".encode() for obj in objects]
    # An event is complete once the LF of its blank line has arrived.
    ends = [sum(len(event) for event in events[: i + 1]) for i in range(len(events))]
    stream = b"".join(events) + b"data: [DONE]\n\n"
    cut = data.draw(st.integers(min_value=0, max_value=len(stream) - 1))
    arrived = sum(1 for end in ends if end <= cut)
    stream_ = EventStream()
    received = [
        payload for chunk in data.draw(reads(stream[:cut])) for payload in stream_.feed(chunk)
    ]
    assert received == objects[:arrived]
    with pytest.raises(StreamIncompleteError) as info:
        stream_.close()
    assert info.value.events_received == arrived
    assert f"after {arrived} event" in str(info.value)


# --- EventStream: terminators --------------------------------------------------------------------


def test_openai_style_stream_ends_at_done() -> None:
    stream = EventStream()
    assert stream.feed(b'data: {"n": 1}\n\ndata: {"n": 2}\n\n') == [{"n": 1}, {"n": 2}]
    assert not stream.finished
    assert stream.feed(b"data: [DONE]\n\n") == []
    assert stream.finished
    assert stream.events_received == 2
    stream.close()


@pytest.mark.parametrize(
    "done", [b"data:[DONE]", b"data: [DONE] ", b"data:  [DONE]\r", b"data: [DONE]\r"]
)
def test_done_sentinel_without_space_or_with_whitespace(done: bytes) -> None:
    assert stream_payloads(b'data: {"n": 1}\n\n' + done + b"\n\n") == [{"n": 1}]


def test_input_after_the_terminator_is_ignored() -> None:
    stream = EventStream()
    assert stream.feed(b'data: {"n": 1}\n\ndata: [DONE]\n\ndata: not json\n\n') == [{"n": 1}]
    assert stream.feed(b"data: garbage\n\n") == []
    stream.close()
    assert stream.events_received == 1


@pytest.mark.parametrize("terminator", [StreamTerminator.DONE_FLAG, StreamTerminator.EITHER])
def test_huggingface_done_flag_is_yielded_and_ends_the_stream(terminator: StreamTerminator) -> None:
    chunks = b'data: {"token": {"text": "a"}}\n\ndata: {"token": {"text": "b"}, "done": true}\n\n'
    stream = EventStream(terminator=terminator)
    assert stream.feed(chunks) == [{"token": {"text": "a"}}, {"token": {"text": "b"}, "done": True}]
    assert stream.finished
    stream.close()


def test_either_terminator_accepts_done_sentinel() -> None:
    assert stream_payloads(
        b'data: {"a": 1}\n\ndata: [DONE]\n\n', terminator=StreamTerminator.EITHER
    ) == [{"a": 1}]


def test_done_flag_must_be_true_and_is_only_a_payload_for_openai_streams() -> None:
    stream = EventStream(terminator=StreamTerminator.EITHER)
    assert stream.feed(b'data: {"done": false}\n\ndata: {"done": 1}\n\n') == [
        {"done": False},
        {"done": 1},
    ]
    assert not stream.finished
    openai = EventStream()
    assert openai.feed(b'data: {"done": true}\n\n') == [{"done": True}]
    with pytest.raises(StreamIncompleteError, match=r"after 1 event without \[DONE\]"):
        openai.close()


def test_done_sentinel_is_not_json_for_a_done_flag_stream() -> None:
    stream = EventStream(terminator=StreamTerminator.DONE_FLAG)
    with pytest.raises(StreamProtocolError, match=r"event 1 .*not valid JSON.*\[DONE\]"):
        stream.feed(b"data: [DONE]\n\n")


def test_empty_data_never_reaches_json() -> None:
    stream = (
        b"id: 1\n\n: keep-alive\n\nretry: 3000\n\ndata:\n\ndata: \n\nevent: ping\n\n"
        b"data: [DONE]\n\n"
    )
    assert stream_payloads(stream) == []


def test_line_separators_inside_json_strings_do_not_split_events() -> None:
    payload = {"choices": [{"delta": {"content": "line\u2028next\u2029para\x85nel"}}]}
    text = json.dumps(payload, ensure_ascii=False)
    assert "\u2028" in text
    assert stream_payloads(f"data: {text}\r\n\r\ndata: [DONE]\r\n\r\n".encode()) == [payload]


def test_multiline_data_is_one_json_document() -> None:
    assert stream_payloads(b'data: {"a":\ndata: 1}\n\ndata: [DONE]\n\n') == [{"a": 1}]


# --- EventStream: errors -------------------------------------------------------------------------


def test_incomplete_stream_says_how_many_events_arrived() -> None:
    stream = EventStream()
    assert len(stream.feed(b'data: {"n": 1}\n\ndata: {"n": 2}\n\ndata: {"n": 3}\n\n')) == 3
    with pytest.raises(
        StreamIncompleteError, match=r"ended after 3 events without \[DONE\]$"
    ) as info:
        stream.close()
    assert info.value.events_received == 3
    assert isinstance(info.value, StreamProtocolError)


def test_incomplete_stream_mentions_a_cut_off_event() -> None:
    stream = EventStream()
    stream.feed(b'data: {"n": 1}\n\ndata: {"n"')
    with pytest.raises(StreamIncompleteError, match=r"after 1 event without .*cut off"):
        stream.close()


@pytest.mark.parametrize(
    ("terminator", "expected"),
    [
        (StreamTerminator.DONE_SENTINEL, r"after 0 events without \[DONE\]"),
        (StreamTerminator.DONE_FLAG, r'after 0 events without an event with "done": true'),
        (StreamTerminator.EITHER, r"after 0 events without \[DONE\] or an event"),
    ],
)
def test_empty_stream_is_incomplete(terminator: StreamTerminator, expected: str) -> None:
    stream = EventStream(terminator=terminator)
    assert stream.feed(b"") == []
    with pytest.raises(StreamIncompleteError, match=expected):
        stream.close()


@pytest.mark.parametrize(
    ("chunk", "message", "payload"),
    [
        (
            b'event: error\ndata: {"message": "model overloaded", "type": "internal_error"}\n\n',
            "model overloaded",
            {"message": "model overloaded", "type": "internal_error"},
        ),
        (b"event: error\ndata: model crashed\n\n", "model crashed", None),
        (b"event: error\ndata:\n\n", "the server reported an error", None),
        (
            b'data: {"error": {"message": "context too long", "code": 400}}\n\n',
            "context too long",
            {"error": {"message": "context too long", "code": 400}},
        ),
        (
            b'data: {"error": "Input validation error"}\n\n',
            "Input validation error",
            {"error": "Input validation error"},
        ),
        (
            b'data: {"object": "error", "message": "An example error", "type": "internal_error"}'
            b"\n\n",
            "An example error",
            {"object": "error", "message": "An example error", "type": "internal_error"},
        ),
    ],
)
def test_error_events_raise_with_the_server_message(
    chunk: bytes, message: str, payload: dict[str, object] | None
) -> None:
    stream = EventStream(terminator=StreamTerminator.EITHER)
    with pytest.raises(StreamEventError) as info:
        stream.feed(chunk)
    assert info.value.message == message
    assert message in str(info.value)
    assert info.value.payload == payload
    assert info.value.events_received == 0


def test_a_null_error_key_is_not_an_error() -> None:
    assert stream_payloads(b'data: {"error": null, "n": 1}\n\ndata: [DONE]\n\n') == [
        {"error": None, "n": 1}
    ]


def test_good_events_before_an_error_in_the_same_read_are_delivered_first() -> None:
    stream = EventStream()
    chunk = b'data: {"n": 1}\n\ndata: {"n": 2}\n\nevent: error\ndata: {"message": "boom"}\n\n'
    assert stream.feed(chunk) == [{"n": 1}, {"n": 2}]
    with pytest.raises(StreamEventError, match="boom") as info:
        stream.feed(b"data: [DONE]\n\n")
    assert info.value.events_received == 2
    with pytest.raises(StreamEventError, match="boom"):
        stream.close()


def test_an_error_held_back_is_raised_by_close() -> None:
    stream = EventStream()
    assert stream.feed(b'data: {"n": 1}\n\ndata: oops\n\n') == [{"n": 1}]
    with pytest.raises(StreamProtocolError, match=r"event 2 .*not valid JSON: 'oops'"):
        stream.close()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"not json", "not valid JSON"),
        (b"{'single': 'quotes'}", "not valid JSON"),
        (b"true", "not a JSON object"),
        (b"[1, 2]", "not a JSON object"),
        (b"null", "not a JSON object"),
        (b'"text"', "not a JSON object"),
    ],
)
def test_data_that_is_not_a_json_object_raises_with_the_event_number(
    data: bytes, kind: str
) -> None:
    stream = EventStream()
    assert stream.feed(b'data: {"n": 1}\n\n') == [{"n": 1}]
    with pytest.raises(StreamProtocolError, match=f"event 2 of the stream is {kind}") as info:
        stream.feed(b"data: " + data + b"\n\n")
    assert not isinstance(info.value, StreamIncompleteError | StreamEventError)
    assert info.value.events_received == 1


def test_the_excerpt_of_bad_data_is_short() -> None:
    stream = EventStream()
    with pytest.raises(StreamProtocolError) as info:
        stream.feed(b"data: " + b"x" * 10_000 + b"\n\n")
    assert len(str(info.value)) < 200
    assert "xxxx" in str(info.value)
