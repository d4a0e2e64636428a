"""What the loopback server answers, and what every adapter must get back.

Both sides build their bytes and expectations from these functions, so a client that drops,
repeats or garbles data fails its check instead of looking fast.
"""

from __future__ import annotations

import functools
import json
import zlib

#: The bearer token every adapter sends (the server ignores it; it is not a secret).
TOKEN = "bench-token"  # noqa: S105
#: The model of a non-streamed chat call.
CHAT_MODEL = "meta-llama-3.1-8b-instruct"
#: Models that ask the server for a stream of `max_tokens` chunks, all at once or one per ms.
BURST_MODEL = "bench-burst"
PACED_MODEL = "bench-paced"
MESSAGES = [{"role": "user", "content": "Write a blog about Seattle"}]
CHAT_MAX_TOKENS = 150
#: Path of the generic inference endpoint (sync, or queued with `X-OctoAI-Async: 1`).
INFER_PATH = "/infer/bench"

CHAT_TEXT = (
    "Founded in 1851 on the shores of Elliott Bay, Seattle grew from a timber town into the "
    "largest city of the Pacific Northwest. Its neighbourhoods climb steep hills between Puget "
    "Sound and Lake Washington, and on clear days Mount Rainier rises to the south. Coffee, "
    "ferries, public markets and a long tradition of aviation and software shape the city, "
    "while parks, bridges and the Olympic Mountains make every walk by the water worthwhile."
)

_CREATED = 1727000000


def chat_body() -> bytes:
    """A `ChatCompletionResponse` (openapi.yaml) carrying `CHAT_TEXT`."""
    return json.dumps(
        {
            "id": "chatcmpl-bench-0001",
            "object": "chat.completion",
            "created": _CREATED,
            "model": CHAT_MODEL,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": CHAT_TEXT},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {"prompt_tokens": 25, "completion_tokens": 92, "total_tokens": 117},
            "system_fingerprint": None,
        }
    ).encode()


def token(index: int) -> str:
    """The text of chunk `index`; varied so that a repeated or lost chunk changes the CRC."""
    return f" w{index}"


def chunk_event(index: int, count: int) -> bytes:
    """One SSE event carrying a `ChatCompletionChunk` (the last one has a finish reason)."""
    chunk = {
        "id": "chatcmpl-bench-0002",
        "object": "chat.completion.chunk",
        "created": _CREATED,
        "model": CHAT_MODEL,
        "choices": [
            {
                "index": 0,
                "delta": {"role": "assistant", "content": token(index)},
                "finish_reason": "stop" if index == count - 1 else None,
                "logprobs": None,
            }
        ],
        "usage": None,
    }
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"


DONE_EVENT = b"data: [DONE]\n\n"


@functools.cache
def expected_stream(count: int) -> tuple[int, int]:
    """`(chunks, crc32 of the concatenated text)` of a stream of `count` chunks."""
    crc = 0
    for index in range(count):
        crc = zlib.crc32(token(index).encode(), crc)
    return count, crc


def job_outputs(tag: int) -> dict[str, object]:
    """The outputs of inference job `tag`, sync or queued."""
    return {"tag": tag, "output": f"result-{tag}"}
