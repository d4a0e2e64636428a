"""Parsing and counting of fault directives, tested without a server."""

from __future__ import annotations

import pytest

from octoai_ext.devserver.faults import MAX_DELAY, FaultCounter, FaultError, Faults, parse_faults


def test_every_directive_parses() -> None:
    faults = parse_faults(
        "status=529; times=2; key=k; retry-after=Wed, 21 Oct 2015 07:28:00 GMT; delay=0.5;"
        "malformed=sse; cut-after=1; end-after=2; error-event-after=3; stall-after=4; stall=0.25;"
        "poll-url-base=http://127.0.0.2:9/; status-override=mystery; pending=30"
    )
    assert faults == Faults(
        key="k",
        status=529,
        times=2,
        retry_after="Wed, 21 Oct 2015 07:28:00 GMT",
        delay=0.5,
        malformed="sse",
        cut_after=1,
        end_after=2,
        error_event_after=3,
        stall_after=4,
        stall=0.25,
        poll_url_base="http://127.0.0.2:9",
        status_override="mystery",
        pending=30.0,
    )
    assert faults.affects_stream


def test_key_defaults_to_the_whole_header() -> None:
    assert parse_faults(" status=503;times=1 ").key == "status=503;times=1"


def test_empty_items_and_case_are_tolerated() -> None:
    assert parse_faults("STATUS=500;;").status == 500


def test_plain_status_does_not_touch_streams() -> None:
    assert not parse_faults("status=500").affects_stream


@pytest.mark.parametrize(
    ("header", "directive"),
    [
        ("explode=1", "explode"),
        ("status", "status"),
        ("status=abc", "status"),
        ("status=99", "status"),
        ("status=100", "status"),
        ("status=600", "status"),
        ("times=-1", "times"),
        (f"delay={MAX_DELAY + 1}", "delay"),
        ("delay=soon", "delay"),
        (f"pending={MAX_DELAY + 1}", "pending"),
        ("malformed=xml", "malformed"),
        ("poll-url-base=ftp://x", "poll-url-base"),
        ("key=", "key"),
        ("stall-after=1", "stall-after"),
        ("status=500;status=501", "status"),
    ],
)
def test_bad_directives_are_named(header: str, directive: str) -> None:
    with pytest.raises(FaultError) as caught:
        parse_faults(header)
    assert caught.value.directive == directive
    assert directive in str(caught.value)


def test_times_limits_requests_per_key() -> None:
    counter = FaultCounter()
    twice = parse_faults("status=503;times=2;key=a")
    assert [counter.applies(twice) for _ in range(4)] == [True, True, False, False]
    other_key = parse_faults("status=503;times=2;key=b")
    assert counter.applies(other_key)


def test_without_times_every_request_is_affected() -> None:
    counter = FaultCounter()
    always = parse_faults("status=500")
    assert all(counter.applies(always) for _ in range(5))


def test_times_zero_never_applies() -> None:
    assert not FaultCounter().applies(parse_faults("status=500;times=0"))
