"""A short tour of the client against the embedded development server (``make demo``).

It starts a server, then uses only the public client API: a chat, a streamed chat printed
token by token, a synchronous inference, an asynchronous inference with polling, and a
health check; then the same tour through the `octoai` command line. The server is stopped at
the end, whatever happens.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from octoai_ext import OctoAI, TextModel

from ._launcher import DevServer

__all__ = ["main"]

_MODEL: Final = TextModel.META_LLAMA_3_1_8B_INSTRUCT.value
_MESSAGES: Final = [
    {"role": "system", "content": "You are a helpful assistant. Keep your answers short."},
    {"role": "user", "content": "Write a short blog about Seattle"},
]
_POLL_INTERVAL: Final = 0.02
_POLL_LIMIT: Final = 30.0


def _say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _chat(client: OctoAI) -> None:
    _say("== Chat completion")
    completion = client.text_gen.create_chat_completion(
        model=_MODEL, messages=_MESSAGES, max_tokens=20
    )
    choice = completion.choices[0]
    _say(f"assistant:{choice.message.content}")
    usage = completion.to_dict().get("usage") or {}
    _say(
        f"finish_reason={choice.finish_reason} prompt_tokens={usage.get('prompt_tokens')} "
        f"completion_tokens={usage.get('completion_tokens')}"
    )


def _streamed_chat(client: OctoAI) -> None:
    _say("== Streamed chat completion")
    sys.stdout.write("assistant:")
    with client.text_gen.create_chat_completion_stream(
        model=_MODEL, messages=_MESSAGES, max_tokens=20, seed=7
    ) as stream:
        for chunk in stream:
            for choice in chunk.choices:
                if isinstance(choice.delta.content, str):
                    sys.stdout.write(choice.delta.content)
                    sys.stdout.flush()
    _say()


def _inference(client: OctoAI, base_url: str) -> None:
    _say("== Synchronous inference")
    outputs = client.infer(f"{base_url}/infer/echo", {"prompt": "A photo of an octopus"})
    _say(f"outputs: {outputs}")


def _async_inference(client: OctoAI, base_url: str) -> None:
    _say("== Asynchronous inference")
    future = client.infer_async(f"{base_url}/infer/slow", {"duration": 0.5})
    _say(f"queued: response_id={future.response_id}")
    last = ""
    deadline = time.monotonic() + _POLL_LIMIT
    while time.monotonic() < deadline:
        status = client.get_future_status(future)
        if status != last:
            _say(f"status: {status}")
            last = status
        # Decided on the status just printed: asking again could see the job finish after a
        # `running` line and end the tour without ever printing `completed`.
        if status in {"completed", "failed"}:
            break
        time.sleep(_POLL_INTERVAL)
    _say(f"result: {client.wait(future, timeout=_POLL_LIMIT)}")


def _health(client: OctoAI, base_url: str) -> None:
    _say("== Health check")
    url = f"{base_url}/healthcheck"
    _say(f"{url} answered {client.health_check(url, timeout=30)}")


def _octoai(args: list[str], env: dict[str, str], cwd: str) -> None:
    _say(f"$ octoai {shlex.join(args)}")
    # The installed `octoai` script, run with this interpreter so the demo needs no PATH setup.
    result = subprocess.run(  # noqa: S603 (fixed arguments, our own command)
        [sys.executable, "-m", "octoai_ext.cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    for line in (result.stdout + result.stderr).splitlines():
        _say(f"  {line}")
    if result.returncode != 0:
        raise SystemExit(f"octoai {args[0]} exited with {result.returncode}")


def _command_line(server: DevServer) -> None:
    _say("== The octoai command line")
    env = {**os.environ, "OCTOAI_BASE_URL": server.base_url, "OCTOAI_TOKEN": server.token}
    with tempfile.TemporaryDirectory() as tmp:
        future_file = Path(tmp) / "future.json"
        _octoai(["chat", "Write a haiku about octopuses", "--max-tokens", "12"], env, tmp)
        _octoai(
            ["infer", f"{server.base_url}/infer/echo", "-i", "prompt=a cat astronaut"], env, tmp
        )
        args = ["infer", f"{server.base_url}/infer/slow", "-i", "duration:=0.3", "--async"]
        _say(f"$ octoai {shlex.join(args)} > future.json")
        future_file.write_text(
            subprocess.run(  # noqa: S603 (fixed arguments, our own command)
                [sys.executable, "-m", "octoai_ext.cli", *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            ).stdout
        )
        _say(f"  {future_file.read_text().strip()}")
        _octoai(["future", "result", "future.json", "--wait"], env, tmp)
        _octoai(["health", f"{server.base_url}/healthcheck"], env, tmp)


def main() -> int:
    """Run the tour; return the process exit status."""
    with DevServer() as server:
        _say(f"Development server running at {server.base_url}")
        with OctoAI(token=server.token, base_url=server.base_url) as client:
            _chat(client)
            _streamed_chat(client)
            _inference(client, server.base_url)
            _async_inference(client, server.base_url)
            _health(client, server.base_url)
        _command_line(server)
    _say("Development server stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
