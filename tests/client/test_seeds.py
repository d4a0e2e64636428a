"""The snippets of the original product guides, written with this package's names, run as shown.

Each test mirrors one snippet: the token and host come from the environment, as in the guides
(`OCTOAI_TOKEN`, plus `OCTOAI_BASE_URL` pointing at the development server).
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

import pytest

import octoai_ext

SYSTEM = (
    "Below is an instruction that describes a task. "
    "Write a response that appropriately completes the request."
)


@pytest.fixture(autouse=True)
def guide_environment(monkeypatch: pytest.MonkeyPatch, devserver: Any) -> None:
    monkeypatch.setenv("OCTOAI_TOKEN", devserver.token)
    monkeypatch.setenv("OCTOAI_BASE_URL", devserver.base_url)


def test_python_guide_model_list() -> None:
    # >>> octoai.chat.get_model_list()
    models = octoai_ext.get_model_list()
    assert octoai_ext.TextModel.LLAMA_2_70B_CHAT.value in models


def test_python_guide_chat_completion(capsys: pytest.CaptureFixture[str]) -> None:
    from octoai_ext import OctoAI, TextModel

    client = OctoAI()
    completion = client.chat.completions.create(
        model=TextModel.LLAMA_2_70B_CHAT,
        messages=[
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": "Write a blog about Seattle"},
        ],
        max_tokens=150,
    )

    print(json.dumps(completion.to_dict(), indent=2))
    printed = json.loads(capsys.readouterr().out)
    assert printed["object"] == "chat.completion"
    assert printed["model"] == "llama-2-70b-chat"
    assert printed["choices"][0]["message"]["role"] == "assistant"
    assert set(printed["usage"]) == {"completion_tokens", "prompt_tokens", "total_tokens"}


def test_python_guide_streaming(capsys: pytest.CaptureFixture[str]) -> None:
    from octoai_ext import OctoAI, TextModel

    client = OctoAI()
    for completion in client.chat.completions.create(
        model=TextModel.LLAMA_2_70B_CHAT,
        messages=[
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": "Write a blog about Seattle"},
        ],
        max_tokens=150,
        stream=True,
    ):
        print(completion.choices[0].delta.content, end="", flush=True)

    streamed = capsys.readouterr().out
    plain = client.chat.completions.create(
        model=TextModel.LLAMA_2_70B_CHAT,
        messages=[
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": "Write a blog about Seattle"},
        ],
        max_tokens=150,
    )
    # The first chunk carries only the role; printing its None content is the guide's own quirk.
    assert streamed.removeprefix("None") == plain.choices[0].message.content


def test_text_gen_guide(capsys: pytest.CaptureFixture[str]) -> None:
    from octoai_ext import ChatMessage, OctoAI

    client = OctoAI()
    completion = client.text_gen.create_chat_completion(
        model="meta-llama-3-8b-instruct",
        messages=[
            ChatMessage(role="system", content=SYSTEM),
            ChatMessage(role="user", content="Write a blog about Seattle"),
        ],
        max_tokens=150,
    )
    print(json.dumps(completion.to_dict(), indent=2))
    assert json.loads(capsys.readouterr().out)["model"] == "meta-llama-3-8b-instruct"

    for chunk in client.text_gen.create_chat_completion_stream(
        model="meta-llama-3-8b-instruct",
        messages=[
            ChatMessage(role="system", content=SYSTEM),
            ChatMessage(role="user", content="Write a blog about Seattle"),
        ],
        max_tokens=150,
    ):
        print(chunk.choices[0].delta.content or "", end="", flush=True)
    assert capsys.readouterr().out == completion.choices[0].message.content


def test_typescript_reference_client_methods(devserver: Any) -> None:
    from octoai_ext import OctoAI

    client = OctoAI()  # the token comes from OCTOAI_TOKEN
    assert client.health_check(devserver.base_url + "/healthcheck") == 200
    outputs = client.infer(devserver.base_url + "/infer/echo", {"prompt": "a cat astronaut"})
    assert outputs == {"echo": {"prompt": "a cat astronaut"}}
    future = client.infer_async(devserver.base_url + "/infer/echo", {"prompt": "later"})
    for _ in range(600):
        if client.is_future_ready(future):
            break
        devserver.advance_clock(0.05)  # where the guide sleeps, time passes on the server
    assert client.get_future_result(future) == {"echo": {"prompt": "later"}}


def test_typescript_reference_infer_stream(devserver: Any) -> None:
    from octoai_ext import OctoAI

    client = OctoAI()
    text = ""
    for token in client.infer_stream(
        devserver.base_url + "/infer/chat",
        {"messages": [{"role": "user", "content": "hi"}], "max_tokens": 8, "stream": True},
    ):
        if token["object"] == "chat.completion.chunk":
            text += token["choices"][0]["delta"].get("content") or ""
    assert len(text.split()) == 8


def test_typescript_reference_secure_link() -> None:
    from octoai_ext import OctoAI

    # OCTOAI_BASE_URL wins over the SecureLink hosts; without it they are used.
    assert OctoAI(secure_link=True, base_url=None).base_url.startswith("http://127.0.0.1")


def test_securelink_hosts_without_a_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from octoai_ext import OctoAI

    monkeypatch.delenv("OCTOAI_BASE_URL")
    assert OctoAI(secure_link=True).base_url == "https://text.securelink.octo.ai"


def test_async_inference_guide_whisper_pattern(devserver: Any, tmp_path: Any) -> None:
    from octoai_ext import AsyncOctoAI

    audio_file = tmp_path / "octo_poem.wav"
    audio_file.write_bytes(b"RIFF\x00\x00WAVEfmt " + bytes(range(64)))
    audio = base64.b64encode(audio_file.read_bytes()).decode()
    inputs = {"language": "en", "task": "transcribe", "audio": audio}
    whisper_endpoint = devserver.base_url + "/infer/echo"
    whisper_health_check = devserver.base_url + "/healthcheck"

    async def wav_to_text() -> dict[str, Any] | None:
        async with AsyncOctoAI() as client:
            if await client.health_check(whisper_health_check) == 200:
                future = await client.infer_async(whisper_endpoint, inputs)
                ready = await client.is_future_ready(future)
                for _ in range(300):
                    if ready:
                        break
                    # Where the guide sleeps, time passes on the server.
                    await asyncio.to_thread(devserver.advance_clock, 0.05)
                    ready = await client.is_future_ready(future)
                return await client.get_future_result(future)
        return None

    outputs = asyncio.run(wav_to_text())
    assert outputs == {"echo": inputs}


def test_rest_reference_async_contract(devserver: Any) -> None:
    from octoai_ext import InferenceFuture, OctoAI

    client = OctoAI()
    future = client.infer_async(
        devserver.base_url + "/infer/echo", {"prompt": "A photo of a cute cat astronaut in space"}
    )
    # Stored as the service's own {response_id, poll_url} JSON, then polled from it.
    stored = json.dumps({"response_id": future.response_id, "poll_url": future.poll_url})
    outputs = client.wait(InferenceFuture.from_json(stored), timeout=30)
    assert outputs == {"echo": {"prompt": "A photo of a cute cat astronaut in space"}}
