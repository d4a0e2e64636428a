"""Python function calls counted with `sys.setprofile`: a cost that does not depend on the clock.

The profile hook sees a ``call`` event each time a Python function is entered or a generator or
coroutine resumes. Only the calling thread is profiled, so a server elsewhere never counts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def count_calls(func: Callable[[], Any]) -> tuple[int, Any]:
    """Run `func` and return how many Python calls it made, and its result."""
    calls = 0

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        result = func()
    finally:
        sys.setprofile(previous)
    return calls, result


def calls_per_chat(chat: Callable[[], str], expected: str, repeat: int) -> float:
    """Python calls per chat call, over `repeat` calls that must all answer `expected`."""

    def run() -> None:
        for _ in range(repeat):
            if chat() != expected:
                raise AssertionError("wrong chat completion text")

    calls, _ = count_calls(run)
    return calls / repeat


def calls_per_chunk(
    stream: Callable[[int], tuple[int, int]], chunks: int, expected: tuple[int, int]
) -> float:
    """Python calls per chunk of one stream of `chunks` chunks, the request included.

    `stream` returns ``(chunks received, CRC-32 of their text)``, which must equal `expected`, so a
    client that drops or repeats chunks cannot look cheap.
    """
    calls, result = count_calls(lambda: stream(chunks))
    if result != expected:
        raise AssertionError(f"stream check failed: got {result}, expected {expected}")
    return calls / chunks
