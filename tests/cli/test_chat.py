"""``octoai chat`` end to end: streamed, whole and JSON answers, failures and Ctrl-C."""

from __future__ import annotations

import json

from octoai_ext.devserver.textgen import generate, prompt_from_messages

from .conftest import Octoai

DEFAULT_MODEL = "meta-llama-3.1-8b-instruct"


def expected(
    prompt: str, *, model: str = DEFAULT_MODEL, max_tokens: int, system: str | None = None
) -> str:
    messages = [{"role": "system", "content": system}] if system is not None else []
    messages.append({"role": "user", "content": prompt})
    return generate(model, prompt_from_messages(messages), max_tokens=max_tokens).text


def test_chat_streams_the_answer_as_text(octoai: Octoai) -> None:
    result = octoai("chat", "Write a haiku about octopuses", "--max-tokens", "60")
    assert result.code == 0, result.stderr
    assert result.stdout == expected("Write a haiku about octopuses", max_tokens=60) + "\n"
    assert result.stderr == ""


def test_chat_without_streaming_prints_the_same_answer(octoai: Octoai) -> None:
    streamed = octoai("chat", "tide pools", "--max-tokens", "5")
    whole = octoai("chat", "tide pools", "--max-tokens", "5", "--no-stream")
    assert whole.code == 0, whole.stderr
    assert whole.stdout == streamed.stdout == expected("tide pools", max_tokens=5) + "\n"


def test_chat_sends_model_system_message_and_prompt_from_stdin(octoai: Octoai) -> None:
    result = octoai(
        "chat", "-", "--model", "mixtral-8x7b-instruct", "--system", "Be terse.",
        "--max-tokens", "7", "--temperature", "0.2",
        stdin="What is a reef?\n",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    answer = expected(
        "What is a reef?", model="mixtral-8x7b-instruct", max_tokens=7, system="Be terse."
    )
    assert result.stdout == answer + "\n"


def test_chat_json_prints_the_whole_response_object(octoai: Octoai) -> None:
    result = octoai("chat", "hello", "--max-tokens", "4", "--json")
    assert result.code == 0, result.stderr
    response = json.loads(result.stdout)
    assert response["object"] == "chat.completion"
    assert response["model"] == DEFAULT_MODEL
    assert response["choices"][0]["message"]["content"] == expected("hello", max_tokens=4)
    assert response["usage"]["completion_tokens"] == 4


def test_chat_json_stream_prints_one_json_line_per_chunk(octoai: Octoai) -> None:
    result = octoai("chat", "hello", "--max-tokens", "6", "--json", "--stream")
    assert result.code == 0, result.stderr
    chunks = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(chunks) == 6
    assert {chunk["object"] for chunk in chunks} == {"chat.completion.chunk"}
    text = "".join(chunk["choices"][0]["delta"].get("content") or "" for chunk in chunks)
    assert text == expected("hello", max_tokens=6)


def test_unknown_model_is_one_error_line(octoai: Octoai) -> None:
    result = octoai("chat", "hi", "--model", "no-such-model")
    assert result.code == 1
    assert result.stdout == ""
    assert result.error_lines == [result.error_lines[0]]
    assert result.error_lines[0].startswith("octoai: error: 404 Not Found: ")
    assert "no-such-model" in result.stderr
    assert "(request id " in result.stderr


def test_a_broken_stream_keeps_the_text_and_fails(octoai: Octoai) -> None:
    result = octoai("chat", "hello", "--max-tokens", "20", "-H", "X-OctoAI-Fault: cut-after=3")
    assert result.code == 1
    assert (
        result.stdout == "".join(generate(DEFAULT_MODEL, "hello", max_tokens=20).tokens[:3]) + "\n"
    )
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith("octoai: error: ")
    assert "Traceback" not in result.stderr


def test_ctrl_c_during_a_stream_stops_cleanly(octoai: Octoai) -> None:
    # The server sends two tokens, then stalls far longer than the test waits.
    result = octoai.interrupt(
        "chat", "hello", "--max-tokens", "20", "-H", "X-OctoAI-Fault: stall-after=2;stall=30",
        when=lambda out, _err: len(out.split()) >= 2,
    )  # fmt: skip
    assert result.code == 130
    assert (
        result.stdout == "".join(generate(DEFAULT_MODEL, "hello", max_tokens=20).tokens[:2]) + "\n"
    )
    assert result.error_lines == ["octoai: interrupted"]
