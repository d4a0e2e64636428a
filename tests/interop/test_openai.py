"""OpenAI's published Python client (`openai`) against the development server."""

from __future__ import annotations

import openai
import pytest

from .conftest import MESSAGES, MODEL, PROMPT, Reference


def test_chat(openai_client: openai.OpenAI, reference: Reference) -> None:
    completion = openai_client.chat.completions.create(
        model=MODEL, messages=MESSAGES, max_tokens=20
    )
    expected = reference.chat(max_tokens=20)
    [choice] = completion.choices
    assert choice.message.role == "assistant"
    assert choice.message.content == expected["choices"][0]["message"]["content"]
    assert choice.finish_reason == expected["choices"][0]["finish_reason"]
    assert completion.usage is not None
    assert completion.usage.model_dump(exclude_none=True) == expected["usage"]
    assert completion.model == MODEL


def test_chat_stream_with_usage(openai_client: openai.OpenAI, reference: Reference) -> None:
    stream = openai_client.chat.completions.create(
        model=MODEL,
        messages=MESSAGES,
        max_tokens=20,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    expected = reference.chat(max_tokens=20)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == expected["choices"][0]["message"]["content"]
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices]
    assert finishes[-1] == expected["choices"][0]["finish_reason"]
    assert all(reason is None for reason in finishes[:-1])
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.model_dump(exclude_none=True) == expected["usage"]


def test_chat_with_tools_and_json_mode(openai_client: openai.OpenAI, reference: Reference) -> None:
    # The fields OpenAI's client sends for tools and JSON mode are accepted as OctoAI accepts them.
    completion = openai_client.chat.completions.create(
        model=MODEL,
        messages=MESSAGES,
        max_tokens=20,
        seed=3,
        tools=[{"type": "function", "function": {"name": "lookup", "parameters": {}}}],
        tool_choice="none",
        response_format={"type": "json_object"},
        user="interop",
    )
    expected = reference.chat(max_tokens=20, seed=3)
    assert completion.choices[0].message.content == expected["choices"][0]["message"]["content"]


def test_completion(openai_client: openai.OpenAI, reference: Reference) -> None:
    completion = openai_client.completions.create(model=MODEL, prompt=PROMPT, max_tokens=20)
    expected = reference.completion(max_tokens=20)
    assert completion.object == "text_completion"
    assert completion.choices[0].text == expected["choices"][0]["text"]
    assert completion.choices[0].finish_reason == expected["choices"][0]["finish_reason"]
    assert completion.usage is not None
    assert completion.usage.model_dump(exclude_none=True) == expected["usage"]


def test_completion_stream(openai_client: openai.OpenAI, reference: Reference) -> None:
    events = list(
        openai_client.completions.create(model=MODEL, prompt=PROMPT, max_tokens=20, stream=True)
    )
    expected = reference.completion(max_tokens=20)
    assert "".join(event.choices[0].text for event in events) == expected["choices"][0]["text"]
    assert events[-1].choices[0].finish_reason == expected["choices"][0]["finish_reason"]


async def test_async_chat_stream(
    async_openai_client: openai.AsyncOpenAI, reference: Reference
) -> None:
    async with async_openai_client as client:
        stream = await client.chat.completions.create(
            model=MODEL, messages=MESSAGES, max_tokens=20, stream=True
        )
        text = "".join([c.choices[0].delta.content or "" async for c in stream])
    assert text == reference.chat(max_tokens=20)["choices"][0]["message"]["content"]


def test_errors_map_to_openai_exceptions(openai_client: openai.OpenAI) -> None:
    with pytest.raises(openai.NotFoundError) as missing:
        openai_client.chat.completions.create(model="llama-99b", messages=MESSAGES)
    assert "llama-99b" in missing.value.message
    with pytest.raises(openai.UnprocessableEntityError) as invalid:
        openai_client.chat.completions.create(model=MODEL, messages=MESSAGES, temperature=7.5)
    assert "temperature" in str(invalid.value.body)
    wrong_token = openai_client.with_options(api_key="not-a-token")
    with pytest.raises(openai.AuthenticationError):
        wrong_token.chat.completions.create(model=MODEL, messages=MESSAGES)
