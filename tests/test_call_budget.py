"""The Python-call budget of `octoai_ext`, relative to raw httpx measured in the same test.

Calls are counted with `sys.setprofile` (`bench.calls`), which does not depend on the clock, over
real HTTP to the benchmark's loopback server (`bench.server`, in its own process). The budgets
live in `bench.config.TARGETS`:

- per streamed chunk (2,000-chunk stream, typed chunks): at most 1.5x raw httpx, the issue's target;
- per non-streamed chat call: at most 1.3x raw httpx. Measured at 1.17x (1,019 against 874 calls)
  when the budget was set; the margin absorbs small changes in httpx while catching a new layer.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import pytest

_package = pytest.importorskip("octoai_ext", reason="octoai_ext is not importable yet")
if not hasattr(_package, "OctoAI"):
    pytest.skip("octoai_ext.OctoAI is not importable yet", allow_module_level=True)

from bench import calls, payloads  # noqa: E402
from bench.clients import ours, raw_httpx  # noqa: E402
from bench.config import TARGETS  # noqa: E402
from bench.serverproc import ServerProcess  # noqa: E402

STREAM_CHUNKS = 2000
CHAT_CALLS = 20


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    with ServerProcess() as running:
        yield running


@pytest.fixture(scope="module")
def clients(server: ServerProcess) -> Iterator[tuple[raw_httpx.Sync, ours.Sync]]:
    raw, our = raw_httpx.Sync(server.url), ours.Sync(server.url)
    # First calls fill caches (compiled patterns, lazy imports) that later calls do not pay for.
    for client in (raw, our):
        for _ in range(3):
            assert client.chat() == payloads.CHAT_TEXT
        assert client.stream(payloads.BURST_MODEL, 200) == payloads.expected_stream(200)
    yield raw, our
    raw.close()
    our.close()


def test_calls_per_streamed_chunk_within_budget(clients: tuple[raw_httpx.Sync, ours.Sync]) -> None:
    raw, our = clients
    expected = payloads.expected_stream(STREAM_CHUNKS)
    baseline = calls.calls_per_chunk(raw.stream, payloads.BURST_MODEL, STREAM_CHUNKS, expected)
    measured = calls.calls_per_chunk(our.stream, payloads.BURST_MODEL, STREAM_CHUNKS, expected)
    budget = TARGETS["chunk_calls"].limit
    assert measured <= budget * baseline, (
        f"octoai_ext makes {measured:.1f} Python calls per streamed chunk, "
        f"{measured / baseline:.2f}x raw httpx ({baseline:.1f}); the budget is {budget}x"
    )


def test_calls_per_chat_call_within_budget(clients: tuple[raw_httpx.Sync, ours.Sync]) -> None:
    raw, our = clients
    baseline = calls.calls_per_chat(raw.chat, payloads.CHAT_TEXT, CHAT_CALLS)
    measured = calls.calls_per_chat(our.chat, payloads.CHAT_TEXT, CHAT_CALLS)
    budget = TARGETS["chat_calls"].limit
    assert measured <= budget * baseline, (
        f"octoai_ext makes {measured:.0f} Python calls per chat call, "
        f"{measured / baseline:.2f}x raw httpx ({baseline:.0f}); the budget is {budget}x"
    )


def test_call_counts_barely_depend_on_timing(clients: tuple[raw_httpx.Sync, ours.Sync]) -> None:
    # Only the kernel's split of an answer into reads (a few dozen calls per extra read) and the
    # odd garbage collection vary, so repeated counts agree far more closely than the budgets.
    _, our = clients
    expected = payloads.expected_stream(STREAM_CHUNKS)
    counts = [
        calls.calls_per_chunk(our.stream, payloads.BURST_MODEL, STREAM_CHUNKS, expected)
        for _ in range(3)
    ]
    assert max(counts) - min(counts) <= 0.01 * min(counts), counts
    chat = [calls.calls_per_chat(our.chat, payloads.CHAT_TEXT, 5) for _ in range(3)]
    assert max(chat) - min(chat) <= 0.01 * min(chat), chat


def test_a_stream_that_loses_a_chunk_fails_the_check() -> None:
    def lossy(model: str, n: int) -> tuple[int, int]:
        crc = 0
        for index in range(1, n):  # the first chunk is lost
            crc = zlib.crc32(payloads.token(index).encode(), crc)
        return n - 1, crc

    with pytest.raises(AssertionError, match="stream check failed"):
        calls.calls_per_chunk(lossy, payloads.BURST_MODEL, 10, payloads.expected_stream(10))


def test_the_counter_sees_python_calls_only_inside_the_function() -> None:
    def three_calls() -> None:
        for _ in range(3):
            payloads.token(0)

    counted, _ = calls.count_calls(three_calls)
    assert counted.python == 4  # three_calls itself and three calls of token()
