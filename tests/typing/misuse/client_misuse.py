"""Calls that must NOT type-check: `tests/test_typing.py` runs `mypy --strict` on this file and
requires an error on exactly the lines marked `# expect-error: <code>`. It is never run."""

from __future__ import annotations

from octoai_ext import AsyncOctoAI, InferenceFuture, OctoAI


def constructor() -> None:
    OctoAI(tiemout=5)  # expect-error: call-arg
    OctoAI(max_retries="3")  # expect-error: arg-type
    OctoAI("token", "http://127.0.0.1:8000")  # expect-error: call-arg
    AsyncOctoAI(untrusted_urls="ignore")  # expect-error: arg-type
    OctoAI(httpx_client=object())  # expect-error: arg-type


def per_call_options(client: OctoAI, future: InferenceFuture) -> None:
    client.infer("u", {}, max_retry=1)  # expect-error: call-arg
    client.infer("u", {}, max_retries=None)  # expect-error: arg-type
    client.get_future_status(future, extra_body={})  # expect-error: call-arg
    client.wait(future, 10)  # expect-error: call-arg
    client.health_check("u", 10, 1)  # expect-error: call-arg, arg-type
    chat = client.text_gen.create_chat_completion
    chat(model="m", messages=[], max_token=5)  # expect-error: call-arg
    chat("m", [])  # expect-error: call-arg
    client.with_options(timeout="5")  # expect-error: arg-type
    client.with_raw_response.infer("u", {}, tiemout=1)  # expect-error: call-arg


async def async_misuse(client: AsyncOctoAI) -> None:
    stream = client.text_gen.create_chat_completion_stream(model="m", messages=[])
    async for _chunk in stream:  # expect-error: attr-defined
        pass
