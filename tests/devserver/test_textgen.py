"""The deterministic text model, tested without a server."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from octoai_ext.devserver.textgen import (
    MAX_NATURAL_TOKENS,
    MIN_NATURAL_TOKENS,
    count_prompt_tokens,
    generate,
    prompt_from_completion,
    prompt_from_messages,
)

MODEL = "meta-llama-3.1-8b-instruct"


def test_same_request_same_answer_and_seed_or_index_change_it() -> None:
    first = generate(MODEL, "Write a haiku about octopuses", max_tokens=100)
    assert first == generate(MODEL, "Write a haiku about octopuses", max_tokens=100)
    variants = {
        generate(MODEL, "Write a haiku about octopuses", max_tokens=100, seed=seed).text
        for seed in range(5)
    }
    assert len(variants) > 1
    assert generate(MODEL, "x", max_tokens=100, index=1) != generate(MODEL, "x", max_tokens=100)
    assert generate("other-model", "x", max_tokens=100) != generate(MODEL, "x", max_tokens=100)


def test_tokens_are_words_with_a_leading_space() -> None:
    generation = generate(MODEL, "hello", max_tokens=100)
    assert all(token.startswith(" ") and token.strip() for token in generation.tokens)
    assert generation.text == "".join(generation.tokens)
    assert generation.completion_tokens == len(generation.tokens)


def test_natural_end_is_stop() -> None:
    generation = generate(MODEL, "hello", max_tokens=1000)
    assert MIN_NATURAL_TOKENS <= generation.completion_tokens <= MAX_NATURAL_TOKENS
    assert generation.finish_reason == "stop"


def test_max_tokens_cuts_with_length() -> None:
    generation = generate(MODEL, "hello", max_tokens=3)
    assert generation.completion_tokens == 3
    assert generation.finish_reason == "length"
    assert generation.tokens == generate(MODEL, "hello", max_tokens=1000).tokens[:3]


def test_max_tokens_equal_to_the_natural_length_is_a_natural_stop() -> None:
    natural = generate(MODEL, "hello", max_tokens=1000)
    exact = generate(MODEL, "hello", max_tokens=natural.completion_tokens)
    assert exact == natural


def test_stop_sequence_cuts_before_it() -> None:
    full = generate(MODEL, "hello", max_tokens=1000)
    stop = full.tokens[3]
    cut = generate(MODEL, "hello", max_tokens=1000, stop=[stop])
    assert cut.finish_reason == "stop"
    assert stop not in cut.text
    assert full.text.startswith(cut.text)
    assert cut.text == full.text[: full.text.index(stop)]


def test_stop_inside_a_token_keeps_its_start() -> None:
    full = generate(MODEL, "hello", max_tokens=1000)
    word = full.tokens[0]
    cut = generate(MODEL, "hello", max_tokens=1000, stop=word[2:])
    assert cut.tokens == [word[:2]]


def test_stop_at_the_start_leaves_nothing() -> None:
    cut = generate(MODEL, "hello", max_tokens=1000, stop=" ")
    assert cut.tokens == []
    assert cut.finish_reason == "stop"


def test_empty_stop_sequences_are_ignored() -> None:
    assert generate(MODEL, "hello", max_tokens=5, stop=[""]) == generate(
        MODEL, "hello", max_tokens=5
    )


def test_prompt_tokens_count_whitespace_words() -> None:
    assert count_prompt_tokens("  one two\nthree  ") == 3
    assert generate(MODEL, "one two three", max_tokens=1).prompt_tokens == 3


def test_prompt_from_messages_joins_texts() -> None:
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": [{"type": "text", "text": "Hi"}, {"type": "image_url"}]},
        {"role": "assistant", "content": None},
    ]
    assert prompt_from_messages(messages) == "Be brief.\nHi"


def test_prompt_from_completion_accepts_every_prompt_form() -> None:
    assert prompt_from_completion("abc") == "abc"
    assert prompt_from_completion(["a", "b"]) == "a\nb"
    assert prompt_from_completion([1, 2]) == "1\n2"
    assert prompt_from_completion([[1, 2], [3]]) == "1 2\n3"


@given(
    prompt=st.text(max_size=80),
    max_tokens=st.integers(min_value=1, max_value=60),
    seed=st.none() | st.integers(),
    stop=st.lists(st.text(min_size=1, max_size=4), max_size=3),
)
def test_generation_invariants(
    prompt: str, max_tokens: int, seed: int | None, stop: list[str]
) -> None:
    generation = generate(MODEL, prompt, max_tokens=max_tokens, seed=seed, stop=stop)
    assert generation.completion_tokens <= max_tokens
    assert not any(sequence in generation.text for sequence in stop)
    assert generation.finish_reason in {"stop", "length"}
    uncut = generate(MODEL, prompt, max_tokens=max_tokens, seed=seed)
    assert uncut.text.startswith(generation.text)
