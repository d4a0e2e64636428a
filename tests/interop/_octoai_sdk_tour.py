"""Run octoai-sdk 0.10.1 through every operation and print what it got, as one JSON object.

Run in a subprocess whose PYTHONPATH holds octoai-sdk (it is the package `octoai`, like
octoai 1.11.0, so it cannot be imported by the tests themselves). Usage:

    python _octoai_sdk_tour.py BASE_URL MODEL PROMPT_JSON INPUTS_JSON

The token comes from OCTOAI_TOKEN, as the SDK expects.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import octoai
import octoai.chat
from octoai.client import Client
from octoai.errors import OctoAIClientError

POLL_ATTEMPTS = 500
POLL_INTERVAL = 0.02


def main() -> None:
    base_url, model, messages_json, inputs_json = sys.argv[1:]
    messages = json.loads(messages_json)
    inputs = json.loads(inputs_json)
    # The SDK's only way to another host: the chat endpoint is a class attribute.
    octoai.chat.Completions.endpoint = f"{base_url}/v1/chat/completions"
    client = Client()
    report: dict[str, Any] = {"version": octoai.__version__}

    completion = client.chat.completions.create(model=model, messages=messages, max_tokens=20)
    report["chat"] = completion.model_dump()

    stream = client.chat.completions.create(
        model=model, messages=messages, max_tokens=20, stream=True
    )
    report["chat_stream"] = [chunk.model_dump() for chunk in stream]

    # Without max_tokens the SDK sends `"max_tokens": null`, which OctoAI's spec refuses.
    try:
        client.chat.completions.create(model=model, messages=messages)
    except OctoAIClientError as error:
        report["chat_without_max_tokens"] = str(error)

    endpoint = f"{base_url}/infer/echo"
    report["infer"] = client.infer(endpoint, inputs)

    future = client.infer_async(endpoint, inputs)
    report["future"] = future.model_dump()
    for attempt in range(POLL_ATTEMPTS):
        if client.is_future_ready(future):
            report["polls"] = attempt + 1
            break
        time.sleep(POLL_INTERVAL)
    report["future_result"] = client.get_future_result(future)

    report["health"] = client.health_check(f"{base_url}/healthcheck", timeout=10)
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
