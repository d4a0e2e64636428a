"""Chat and text completions against the development server, for both client flavours."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from octoai_ext import (
    AuthenticationError,
    ChatCompletionChunk,
    ChatCompletionResponse,
    ChatMessage,
    CompletionResponse,
    NotFoundError,
    OctoAI,
    OctoAIClientError,
    RequestValidationError,
    TextModel,
)
from octoai_ext.devserver.textgen import generate, prompt_from_messages

from .conftest import Flavour, make_client

MODEL = "meta-llama-3.1-8b-instruct"
MESSAGES = [
    {"role": "system", "content": "Below is an instruction that describes a task."},
    {"role": "user", "content": "Write a blog about Seattle"},
]


def expected(messages: list[dict[str, Any]] = MESSAGES, **kwargs: Any) -> Any:
    kwargs.setdefault("max_tokens", 512)
    return generate(MODEL, prompt_from_messages(messages), **kwargs)


async def test_chat_completion_is_exact(octo: Flavour) -> None:
    completion = await octo.call(
        octo.client.text_gen.create_chat_completion(model=MODEL, messages=MESSAGES, max_tokens=150)
    )
    want = expected(max_tokens=150)
    assert isinstance(completion, ChatCompletionResponse)
    assert completion.model == MODEL
    assert completion.choices[0].message.content == want.text
    assert completion.choices[0].finish_reason == want.finish_reason
    assert completion.usage is not None
    assert completion.usage.completion_tokens == want.completion_tokens
    assert completion.usage.prompt_tokens == want.prompt_tokens
    assert completion.to_dict()["choices"][0]["message"]["role"] == "assistant"


async def test_max_tokens_stop_n_and_seed(octo: Flavour) -> None:
    completion = await octo.call(
        octo.client.text_gen.create_chat_completion(
            model=MODEL, messages=MESSAGES, max_tokens=3, n=2, seed=7
        )
    )
    assert [c.index for c in completion.choices] == [0, 1]
    for choice in completion.choices:
        want = expected(max_tokens=3, seed=7, index=choice.index)
        assert choice.message.content == want.text
        assert choice.finish_reason == "length"
    full = expected(seed=7).text
    stop = full.split()[2]
    stopped = await octo.call(
        octo.client.text_gen.create_chat_completion(
            model=MODEL, messages=MESSAGES, stop=[stop], seed=7
        )
    )
    assert stopped.choices[0].message.content == expected(seed=7, stop=[stop]).text
    assert stopped.choices[0].finish_reason == "stop"
    assert stop not in stopped.choices[0].message.content


async def test_streamed_chat_matches_the_plain_answer(octo: Flavour) -> None:
    chunks = await octo.collect(
        octo.client.text_gen.create_chat_completion_stream(
            model=MODEL,
            messages=[ChatMessage(role=m["role"], content=m["content"]) for m in MESSAGES],
            max_tokens=20,
            stream_options={"include_usage": True},
        )
    )
    assert all(isinstance(chunk, ChatCompletionChunk) for chunk in chunks)
    want = expected(max_tokens=20)
    content = [c for c in chunks if c.choices]
    assert content[0].choices[0].delta.role == "assistant"
    assert "".join(c.choices[0].delta.content or "" for c in content) == want.text
    assert content[-1].choices[0].finish_reason == want.finish_reason
    usage = chunks[-1].usage
    assert chunks[-1].choices == []
    assert usage is not None
    assert usage.completion_tokens == want.completion_tokens


async def test_completions_plain_and_streamed(octo: Flavour) -> None:
    prompt = "Write a haiku about octopuses"
    completion = await octo.call(
        octo.client.text_gen.create_completion(model=MODEL, prompt=prompt, max_tokens=10)
    )
    want = generate(MODEL, prompt, max_tokens=10)
    assert isinstance(completion, CompletionResponse)
    assert completion.choices[0].text == want.text
    events = await octo.collect(
        octo.client.text_gen.create_completion_stream(model=MODEL, prompt=prompt, max_tokens=10)
    )
    assert "".join(e.choices[0].text for e in events if e.choices) == want.text


async def test_older_chat_surface(octo: Flavour) -> None:
    plain = await octo.call(
        octo.client.chat.completions.create(
            model=TextModel.META_LLAMA_3_1_8B_INSTRUCT, messages=MESSAGES, max_tokens=5
        )
    )
    assert plain.choices[0].message.content == expected(max_tokens=5).text
    stream = await octo.call(
        octo.client.chat.completions.create(
            model=MODEL, messages=MESSAGES, max_tokens=5, stream=True
        )
    )
    chunks = await octo.collect(stream)
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == expected(max_tokens=5).text


async def test_unknown_model_is_not_found(octo: Flavour) -> None:
    with pytest.raises(NotFoundError) as info:
        await octo.call(
            octo.client.text_gen.create_chat_completion(model="llama-99b", messages=MESSAGES)
        )
    assert info.value.status_code == 404
    assert "llama-99b" in info.value.message
    assert info.value.request_id


async def test_invalid_field_is_named(octo: Flavour) -> None:
    with pytest.raises(RequestValidationError) as info:
        await octo.call(
            octo.client.text_gen.create_chat_completion(
                model=MODEL, messages=MESSAGES, temperature=7.5
            )
        )
    assert info.value.status_code == 422
    assert any("temperature" in str(item["loc"]) for item in info.value.detail)
    assert isinstance(info.value, OctoAIClientError)


async def test_missing_token_fails_before_sending(flavour_name: str, devserver: Any) -> None:
    # The server's log is shared and full: count only the requests marked with this key.
    key = uuid.uuid4().hex
    marked = {"X-OctoAI-Fault": f"key={key}"}
    client = make_client(flavour_name, devserver, token=None)
    octo = Flavour(client, devserver)
    with pytest.raises(AuthenticationError, match="OCTOAI_TOKEN"):
        await octo.call(
            client.text_gen.create_chat_completion(
                model=MODEL, messages=MESSAGES, extra_headers=marked
            )
        )
    assert octo.requests(key) == []
    # With a token, the same marked request does show in the log.
    with_token = Flavour(make_client(flavour_name, devserver), devserver)
    await with_token.call(
        with_token.client.text_gen.create_chat_completion(
            model=MODEL, messages=MESSAGES, max_tokens=1, extra_headers=marked
        )
    )
    assert [entry["path"] for entry in octo.requests(key)] == ["/v1/chat/completions"]
    for flavour in (octo, with_token):
        await flavour.call(
            flavour.client.close() if not flavour.is_async else flavour.client.aclose()
        )


async def test_wrong_token_is_rejected_and_never_shown(flavour_name: str, devserver: Any) -> None:
    client = make_client(flavour_name, devserver, token="wrong-secret-value")
    octo = Flavour(client, devserver)
    with pytest.raises(AuthenticationError) as info:
        await octo.call(client.text_gen.create_chat_completion(model=MODEL, messages=MESSAGES))
    assert info.value.status_code == 401
    assert "wrong-secret-value" not in str(info.value)
    assert "wrong-secret-value" not in repr(info.value)
    assert "wrong-secret-value" not in repr(client)


def test_token_never_logged(devserver: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    with OctoAI(token=devserver.token, base_url=devserver.base_url) as client:
        client.text_gen.create_chat_completion(model=MODEL, messages=MESSAGES, max_tokens=2)
    assert caplog.records, "one debug line per attempt is expected"
    assert devserver.token not in caplog.text
