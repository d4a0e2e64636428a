"""The development server's deterministic text model.

Pure functions only: tests import this module to compute the exact text the server answers.

The model picks words from a small lorem vocabulary plus the words of the prompt. Each word is
chosen by hashing the model name, the prompt, the seed, the choice index and the position, so the
same request always gives the same answer, and different seeds or choice indexes give different
ones. Every token is one word with a leading space. A generation ends by itself after between
``MIN_NATURAL_TOKENS`` and ``MAX_NATURAL_TOKENS`` tokens (finish reason ``stop``), earlier when
``max_tokens`` is reached (``length``), and is cut before the first stop sequence (``stop``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = [
    "MAX_NATURAL_TOKENS",
    "MIN_NATURAL_TOKENS",
    "Generation",
    "count_prompt_tokens",
    "generate",
    "prompt_from_completion",
    "prompt_from_messages",
]

MIN_NATURAL_TOKENS: Final = 8
MAX_NATURAL_TOKENS: Final = 40

_LOREM: Final = (
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "et",
    "dolore",
    "magna",
    "aliqua",
    "octopus",
    "tentacle",
    "reef",
    "current",
    "tide",
    "kelp",
    "shell",
    "ink",
)
# Prompt words join the vocabulary after cleaning, so answers echo the prompt a little.
_WORD: Final = re.compile(r"[A-Za-z0-9']+")
_MAX_PROMPT_WORDS: Final = 64


@dataclass(frozen=True)
class Generation:
    """The result of one generation (one choice).

    Attributes:
        tokens: The generated tokens, each a word with a leading space (the last may be cut
            short by a stop sequence).
        finish_reason: ``stop`` (natural end or stop sequence) or ``length`` (``max_tokens``).
        prompt_tokens: The number of whitespace-separated tokens of the prompt.
    """

    tokens: list[str]
    finish_reason: str
    prompt_tokens: int

    @property
    def text(self) -> str:
        """The generated text: the tokens joined."""
        return "".join(self.tokens)

    @property
    def completion_tokens(self) -> int:
        """The number of generated tokens."""
        return len(self.tokens)


def count_prompt_tokens(prompt: str) -> int:
    """Count the tokens of a prompt the way usage reports them: whitespace-separated words."""
    return len(prompt.split())


def prompt_from_messages(messages: Iterable[Mapping[str, object]]) -> str:
    """Return the prompt text of a chat: the text of every message, joined by newlines.

    A message's content may be a string, a list of parts (only ``text`` parts count) or null.
    """
    texts: list[str] = []
    for message in messages:
        content = message.get("content")
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list):
            texts.extend(
                str(part["text"])
                for part in content
                if isinstance(part, Mapping) and part.get("type") == "text" and "text" in part
            )
    return "\n".join(texts)


def prompt_from_completion(prompt: object) -> str:
    """Return the prompt text of a completion request.

    A string is used as it is; a list of strings or of token ids is joined by newlines (token ids
    are written as decimal numbers, a nested list is joined by spaces); null is an empty prompt.
    """
    if isinstance(prompt, str):
        return prompt
    if isinstance(prompt, list):
        parts: list[str] = []
        for item in prompt:
            if isinstance(item, list):
                parts.append(" ".join(str(token) for token in item))
            else:
                parts.append(str(item))
        return "\n".join(parts)
    return ""


def _digest(*parts: object) -> int:
    data = "\x1f".join(str(part) for part in parts).encode("utf-8")
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "big")


def _vocabulary(prompt: str) -> list[str]:
    words = [word.lower() for word in _WORD.findall(prompt)[:_MAX_PROMPT_WORDS]]
    return [*_LOREM, *words]


def _cut_at_stop(tokens: list[str], stop: Sequence[str]) -> list[str] | None:
    """Return the tokens before the earliest stop sequence, or None when none occurs."""
    text = "".join(tokens)
    positions = [pos for seq in stop if seq and (pos := text.find(seq)) >= 0]
    if not positions:
        return None
    remaining = min(positions)
    kept: list[str] = []
    for token in tokens:
        if remaining <= 0:
            break
        kept.append(token[:remaining])
        remaining -= len(token)
    return kept


def generate(
    model: str,
    prompt: str,
    *,
    max_tokens: int,
    stop: Sequence[str] | str | None = None,
    seed: int | None = None,
    index: int = 0,
) -> Generation:
    """Generate one choice deterministically.

    Args:
        model: The model name (part of the hash, so models answer differently).
        prompt: The prompt text (see `prompt_from_messages` and `prompt_from_completion`).
        max_tokens: The most tokens to generate (at least 1).
        stop: Stop sequences; the text is cut before the earliest one.
        seed: The request's seed; None is a seed of its own.
        index: The choice index, for ``n`` > 1.

    Returns:
        The generated tokens, the finish reason and the prompt's token count.
    """
    span = MAX_NATURAL_TOKENS - MIN_NATURAL_TOKENS + 1
    natural = MIN_NATURAL_TOKENS + _digest(model, prompt, seed, index, "length") % span
    vocabulary = _vocabulary(prompt)
    count = max(0, min(natural, max_tokens))
    tokens = [
        " " + vocabulary[_digest(model, prompt, seed, index, position) % len(vocabulary)]
        for position in range(count)
    ]
    stops = [stop] if isinstance(stop, str) else list(stop or [])
    cut = _cut_at_stop(tokens, stops)
    if cut is not None:
        return Generation(cut, "stop", count_prompt_tokens(prompt))
    finish_reason = "length" if max_tokens < natural else "stop"
    return Generation(tokens, finish_reason, count_prompt_tokens(prompt))
