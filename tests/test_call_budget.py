"""The Python-call budget of `octoai_ext`, relative to raw httpx measured in the same test.

Calls are counted with `sys.setprofile` (`tests.callcount`), which does not depend on the clock,
over real HTTP to a minimal chat server in its own process (`tests.chat_server`):

- per streamed chunk (2,000-chunk stream, typed chunks): at most 1.5x raw httpx;
- per non-streamed chat call: at most 1.3x raw httpx.

Against this server the client measured 0.96x and 1.00x when the test moved here; the margins
absorb small changes in httpx while catching a new layer.

The benchmarks (`make bench`) report against the same two targets in `bench/config.py`.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator

import httpx
import pytest

from octoai_ext import OctoAI
from tests import callcount
from tests.chat_server import CHAT_TEXT, MESSAGES, MODEL, TOKEN, ChatServer, expected_stream, token

CHUNK_BUDGET = 1.5
CHAT_BUDGET = 1.3
STREAM_CHUNKS = 2000
CHAT_CALLS = 20
CHAT_MAX_TOKENS = 150


class RawHttpx:
    """The floor: hand-built requests on `httpx.Client`, `json.loads` and dicts."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client()
        self.url = url + "/v1/chat/completions"
        self.headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        self.chat_body = json.dumps(
            {"model": MODEL, "messages": MESSAGES, "max_tokens": CHAT_MAX_TOKENS}
        ).encode()

    def chat(self) -> str:
        response = self.http.post(self.url, content=self.chat_body, headers=self.headers)
        assert response.status_code == 200
        text: str = json.loads(response.content)["choices"][0]["message"]["content"]
        return text

    def stream(self, chunks: int) -> tuple[int, int]:
        body = {"model": MODEL, "messages": MESSAGES, "max_tokens": chunks, "stream": True}
        count = crc = 0
        with self.http.stream(
            "POST", self.url, content=json.dumps(body).encode(), headers=self.headers
        ) as response:
            assert response.status_code == 200
            for line in response.iter_lines():
                if not line.startswith("data: "):
                    continue
                if line == "data: [DONE]":
                    break
                chunk = json.loads(line[6:])
                crc = zlib.crc32(chunk["choices"][0]["delta"]["content"].encode(), crc)
                count += 1
        return count, crc

    def close(self) -> None:
        self.http.close()


class Ours:
    """`OctoAI` with typed answers, as an application would call it."""

    def __init__(self, url: str) -> None:
        self.client = OctoAI(token=TOKEN, base_url=url, max_retries=0)

    def chat(self) -> str:
        completion = self.client.text_gen.create_chat_completion(
            model=MODEL, messages=MESSAGES, max_tokens=CHAT_MAX_TOKENS
        )
        text = completion.choices[0].message.content
        assert isinstance(text, str)
        return text

    def stream(self, chunks: int) -> tuple[int, int]:
        count = crc = 0
        for chunk in self.client.text_gen.create_chat_completion_stream(
            model=MODEL, messages=MESSAGES, max_tokens=chunks
        ):
            crc = zlib.crc32((chunk.choices[0].delta.content or "").encode(), crc)
            count += 1
        return count, crc

    def close(self) -> None:
        self.client.close()


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[RawHttpx, Ours]]:
    with ChatServer() as server:
        raw, ours = RawHttpx(server.url), Ours(server.url)
        # First calls fill caches (compiled patterns, lazy imports) that later calls do not pay for.
        for client in (raw, ours):
            for _ in range(3):
                assert client.chat() == CHAT_TEXT
            assert client.stream(200) == expected_stream(200)
        yield raw, ours
        raw.close()
        ours.close()


def test_calls_per_streamed_chunk_within_budget(clients: tuple[RawHttpx, Ours]) -> None:
    raw, ours = clients
    expected = expected_stream(STREAM_CHUNKS)
    baseline = callcount.calls_per_chunk(raw.stream, STREAM_CHUNKS, expected)
    measured = callcount.calls_per_chunk(ours.stream, STREAM_CHUNKS, expected)
    assert measured <= CHUNK_BUDGET * baseline, (
        f"octoai_ext makes {measured:.1f} Python calls per streamed chunk, "
        f"{measured / baseline:.2f}x raw httpx ({baseline:.1f}); the budget is {CHUNK_BUDGET}x"
    )


def test_calls_per_chat_call_within_budget(clients: tuple[RawHttpx, Ours]) -> None:
    raw, ours = clients
    baseline = callcount.calls_per_chat(raw.chat, CHAT_TEXT, CHAT_CALLS)
    measured = callcount.calls_per_chat(ours.chat, CHAT_TEXT, CHAT_CALLS)
    assert measured <= CHAT_BUDGET * baseline, (
        f"octoai_ext makes {measured:.0f} Python calls per chat call, "
        f"{measured / baseline:.2f}x raw httpx ({baseline:.0f}); the budget is {CHAT_BUDGET}x"
    )


def test_call_counts_barely_depend_on_timing(clients: tuple[RawHttpx, Ours]) -> None:
    # Only the kernel's split of an answer into reads (a few dozen calls per extra read) and the
    # odd garbage collection vary, so repeated counts agree far more closely than the budgets.
    _, ours = clients
    expected = expected_stream(STREAM_CHUNKS)
    counts = [callcount.calls_per_chunk(ours.stream, STREAM_CHUNKS, expected) for _ in range(3)]
    assert max(counts) - min(counts) <= 0.01 * min(counts), counts
    chat = [callcount.calls_per_chat(ours.chat, CHAT_TEXT, 5) for _ in range(3)]
    assert max(chat) - min(chat) <= 0.01 * min(chat), chat


def test_a_stream_that_loses_a_chunk_fails_the_check() -> None:
    def lossy(chunks: int) -> tuple[int, int]:
        crc = 0
        for index in range(1, chunks):  # the first chunk is lost
            crc = zlib.crc32(token(index).encode(), crc)
        return chunks - 1, crc

    with pytest.raises(AssertionError, match="stream check failed"):
        callcount.calls_per_chunk(lossy, 10, expected_stream(10))


def test_the_counter_sees_python_calls_only_inside_the_function() -> None:
    def three_calls() -> None:
        for index in range(3):
            token(index)

    counted, _ = callcount.count_calls(three_calls)
    assert counted == 4  # three_calls itself and three calls of token()
