"""Every request OctoAI's published spec accepts is accepted here too, and null means "not given".

OctoAI's request schemas (`tests/fixtures/octoai_text_gen_requests.openapi.json`, taken from its
public API definitions) drive schemathesis: each generated body is valid for OctoAI, so the
development server must not answer it with a 422, nor fail on it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from octoai_ext.devserver import DevServer
from octoai_ext.devserver.textgen import generate, prompt_from_messages

from .helpers import CHAT_MODEL, client, sse_json

OCTOAI_SPEC = (
    Path(__file__).resolve().parent.parent / "fixtures" / "octoai_text_gen_requests.openapi.json"
)
MESSAGES = [{"role": "user", "content": "Write a haiku about octopuses"}]


def _octoai_spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(OCTOAI_SPEC.read_text(encoding="utf-8"))
    # OctoAI's content parts give `type` a default, yet they are told apart by `type` (the
    # discriminator), which OpenAPI requires to be present: a part without it is not valid.
    for name in ("MultiModalTextMessage", "MultiModalImageMessage"):
        part = spec["components"]["schemas"][name]
        part["required"] = sorted({*part["required"], "type"})
    return spec


octoai = schemathesis.openapi.from_dict(_octoai_spec())
# Positive cases only: a body OctoAI would refuse may be refused here too.
octoai.config.generation.update(
    modes=[schemathesis.GenerationMode.POSITIVE], max_examples=25, deterministic=True
)


@octoai.parametrize()
@settings(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_a_request_valid_for_octoai_is_not_refused(
    case: schemathesis.Case, devserver: DevServer
) -> None:
    # Any model name is valid for OctoAI's schema; a known one lets the request reach the model.
    assert isinstance(case.body, dict)
    case.body["model"] = CHAT_MODEL
    answer = case.call(
        base_url=devserver.base_url, headers={"Authorization": f"Bearer {devserver.token}"}
    )
    assert answer.status_code not in {422, 500}, (case.body, answer.text)
    assert answer.status_code in {200, 400}, answer.text


def _post(server: DevServer, path: str, body: dict[str, Any]) -> Any:
    with client(server) as http:
        answer = http.post(path, json=body)
    assert answer.status_code == 200, answer.text
    return answer


def _chat_text(server: DevServer, **fields: Any) -> str:
    body = {"model": CHAT_MODEL, "messages": MESSAGES, "max_tokens": 20, **fields}
    return str(
        _post(server, "/v1/chat/completions", body).json()["choices"][0]["message"]["content"]
    )


def test_null_chat_fields_mean_not_given(devserver: DevServer) -> None:
    expected = generate(CHAT_MODEL, prompt_from_messages(MESSAGES), max_tokens=20).text
    assert _chat_text(devserver) == expected
    nulls = {
        "response_format": None,
        "tools": None,
        "tool_choice": None,
        "stop": None,
        "seed": None,
        "logit_bias": None,
        "peft": None,
        "user": None,
    }
    assert _chat_text(devserver, **nulls) == expected


def test_null_fields_of_a_streamed_chat_mean_not_given(devserver: DevServer) -> None:
    body = {
        "model": CHAT_MODEL,
        "messages": MESSAGES,
        "max_tokens": 20,
        "stream": True,
        "response_format": None,
        "tools": None,
        "tool_choice": None,
    }
    chunks = sse_json(_post(devserver, "/v1/chat/completions", body).text)
    text = "".join(chunk["choices"][0]["delta"]["content"] for chunk in chunks)
    assert text == generate(CHAT_MODEL, prompt_from_messages(MESSAGES), max_tokens=20).text


def test_a_null_prompt_is_an_empty_prompt(devserver: DevServer) -> None:
    def completion(prompt: Any) -> Any:
        body = {"model": CHAT_MODEL, "prompt": prompt, "max_tokens": 20, "suffix": None}
        return _post(devserver, "/v1/completions", body).json()["choices"][0]

    assert (
        completion(None)["text"]
        == completion("")["text"]
        == generate(CHAT_MODEL, "", max_tokens=20).text
    )


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"messages": []}, id="no-messages"),
        pytest.param({"stop": [f"stop-{i}" for i in range(20)]}, id="twenty-stop-sequences"),
        pytest.param(
            {"tools": [{"function": {"name": f"tool_{i}"}} for i in range(130)]},
            id="130-tools",
        ),
        pytest.param({"top_logprobs": 50, "logprobs": True}, id="top-logprobs-50"),
        pytest.param({"response_format": {"type": "regex", "schema": None}}, id="format-kind"),
        pytest.param({"tool_choice": "none"}, id="tool-choice-none"),
        pytest.param({"log_prompt": True, "loglikelihood": True}, id="octoai-flags"),
    ],
)
def test_chat_requests_octoai_accepts(devserver: DevServer, fields: dict[str, Any]) -> None:
    body = {"model": CHAT_MODEL, "messages": MESSAGES, "max_tokens": 4, **fields}
    answer = _post(devserver, "/v1/chat/completions", body).json()
    assert answer["choices"][0]["message"]["role"] == "assistant"


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"best_of": 0}, id="best-of-0"),
        pytest.param(
            {
                "min_p": 0.1,
                "repetition_penalty": 1.1,
                "logit_bias": {"50256": -100},
                "ignore_eos": True,
                "peft": None,
                "log_prompt": False,
                "loglikelihood": False,
            },
            id="octoai-fields",
        ),
    ],
)
def test_completion_requests_octoai_accepts(devserver: DevServer, fields: dict[str, Any]) -> None:
    body = {"model": CHAT_MODEL, "prompt": "Eight arms", "max_tokens": 4, **fields}
    answer = _post(devserver, "/v1/completions", body).json()
    assert answer["choices"][0]["text"]
