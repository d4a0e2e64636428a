"""Deterministic cost: Python function calls counted with `sys.setprofile`.

A `call` event fires for every Python function entered, including each time a generator or
coroutine resumes; `c_call` fires for every built-in called from Python. Neither depends on the
clock, so the counts can back a regression test. The one source of variation is how the kernel
splits a stream into reads (each extra read costs the transport a few dozen calls); streams are
sent in one write and read in pieces of up to 64 KiB, which keeps that variation to a few
hundredths of a call per chunk (under 0.1%); a chat call's count moves only when an extra read
or a garbage collection lands in it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any


@dataclass
class CallCount:
    """Python calls and built-in calls seen while a function ran."""

    python: int = 0
    builtin: int = 0


def count_calls(func: Callable[[], Any]) -> tuple[CallCount, Any]:
    """Run `func` under a profile hook and count the calls it made."""
    counts = CallCount()

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            counts.python += 1
        elif event == "c_call":
            counts.builtin += 1

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        result = func()
    finally:
        sys.setprofile(previous)
    # The hook saw `sys.setprofile` itself being called on the way out; that is not `func`'s.
    counts.builtin -= 1
    return counts, result


def calls_per_chat(chat: Callable[[], str], expected: str, calls: int) -> float:
    """Python calls per non-streamed chat call, averaged over `calls` calls."""

    def run() -> None:
        for _ in range(calls):
            if chat() != expected:
                raise AssertionError("wrong chat completion text")

    counts, _ = count_calls(run)
    return counts.python / calls


def calls_per_chunk(
    stream: Callable[[str, int], tuple[int, int]], model: str, n: int, expected: tuple[int, int]
) -> float:
    """Python calls per streamed chunk over one stream of `n` chunks (request setup included)."""
    counts, result = count_calls(lambda: stream(model, n))
    if result != expected:
        raise AssertionError(f"stream check failed: got {result}, expected {expected}")
    return counts.python / n
