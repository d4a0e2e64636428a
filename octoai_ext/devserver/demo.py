"""A short tour of the client against the embedded development server (``make demo``).

It starts a server, then uses only the public client API: a chat, a streamed chat printed
token by token, a synchronous inference, an asynchronous inference with its progress, a
health check, a LoRA uploaded to the asset library, and a LoRA fine-tuned on three uploaded
images and used to generate an image; then the same tour through the `octoai` command line.
The server is stopped at the end, whatever happens.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Final

from octoai_ext import BatchLedger, OctoAI, TextModel, WaitProgress

from . import png, safetensors
from ._launcher import DevServer

__all__ = ["main"]

_MODEL: Final = TextModel.META_LLAMA_3_1_8B_INSTRUCT.value
_MESSAGES: Final = [
    {"role": "system", "content": "You are a helpful assistant. Keep your answers short."},
    {"role": "user", "content": "Write a short blog about Seattle"},
]
_ENGINE: Final = "image/stable-diffusion-xl-v1-0"
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
                content = getattr(choice.delta, "content", None)
                if isinstance(content, str):
                    sys.stdout.write(content)
                    sys.stdout.flush()
    _say()


def _inference(client: OctoAI, base_url: str) -> None:
    _say("== Synchronous inference")
    outputs = client.infer(f"{base_url}/infer/echo", {"prompt": "A photo of an octopus"})
    _say(f"outputs: {outputs}")


class _StateChanges:
    """An `on_progress` callback that prints each new state a wait sees."""

    def __init__(self) -> None:
        self.last = ""

    def __call__(self, progress: WaitProgress) -> None:
        if progress.state != self.last:
            self.last = progress.state
            _say(f"status: {progress.state} ({progress.elapsed:.1f} s)")


def _async_inference(client: OctoAI, base_url: str) -> None:
    _say("== Asynchronous inference")
    future = client.infer_async(f"{base_url}/infer/slow", {"duration": 0.5})
    _say(f"queued: response_id={future.response_id}")
    outputs = client.wait(
        future, timeout=_POLL_LIMIT, poll_interval=0.1, on_progress=_StateChanges()
    )
    _say(f"result: {outputs}")


def _a_lora_file() -> bytes:
    # A small but genuine safetensors file: the server checks the header of weights it gets.
    return safetensors.encode({"format": "pt"}, {"lora_up.weight": bytes(1024)})


def _an_image(shade: int) -> bytes:
    rows = [bytes([shade, 128, 255 - shade] * 16) for _ in range(16)]
    return png.encode_png(16, 16, rows)


def _asset_library(client: OctoAI) -> None:
    _say("== Asset library: upload a LoRA")
    sent: list[int] = []
    lora = client.asset.create(
        _a_lora_file(),
        name="demo-watercolor",
        data={"asset_type": "lora", "engine": _ENGINE, "trigger_words": ["watercolor"]},
        description="a LoRA uploaded by the demo",
        on_progress=lambda done, total: sent.append(done),
    )
    _say(f"uploaded {sent[-1]} bytes: {lora.name} ({lora.id}) is {lora.status}")
    for asset in client.asset.list(asset_type="lora"):
        engine = getattr(asset.data, "engine", "-")
        _say(f"listed: {asset.name} {asset.asset_type} {engine} {asset.status}")
    checkpoint = client.asset.get("octoai:default-sdxl")
    engine = getattr(checkpoint.data, "engine", "-")
    _say(f"public checkpoint: octoai:{checkpoint.name} ({engine})")


def _fine_tuning(client: OctoAI, base_url: str) -> None:
    _say("== Fine-tuning: train a LoRA on three images, then generate with it")
    images = [
        client.asset.create(
            _an_image(shade),
            name=f"demo-dog-{shade}",
            data={"asset_type": "file", "file_format": "png"},
        )
        for shade in (40, 120, 200)
    ]
    _say(f"uploaded {len(images)} training images")
    tune = client.tune.create(
        name="demo-sks-dog",
        base_checkpoint="octoai:default-sdxl",
        files=[(image, "a photo of sks dog") for image in images],
        trigger_words="sks",
        steps=400,
    )
    _say(f"tune {tune.id} is {tune.status}")
    tune = client.tune.wait(tune, interval=0.25, timeout=_POLL_LIMIT, on_progress=_StateChanges())
    _say(f"the tune made the LoRA {tune.name} ({tune.output_lora_ids[0]})")
    inputs = {"prompt": "a photo of sks dog on a beach", "seed": 7, "loras": {tune.name: 0.8}}
    image = client.infer(f"{base_url}/generate/sdxl", inputs)["images"][0]
    data = base64.b64decode(image["image_b64"])
    digest = hashlib.sha256(data).hexdigest()[:16]
    _say(f"generated a {len(data)}-byte PNG with the LoRA (sha256 {digest}...)")


def _batch(client: OctoAI, base_url: str, workdir: str) -> None:
    _say("== Batch inference (resumable: the ledger keeps every item's state)")
    items = [{"id": f"photo-{n}", "prompt": f"an octopus, take {n}"} for n in range(5)]
    ledger = Path(workdir) / "photos.ledger"
    with client.batch(f"{base_url}/infer/echo", items, ledger=ledger, concurrency=3) as results:
        for key, outputs in results:
            _say(f"{key}: {outputs}")
    with BatchLedger(ledger) as opened:
        _say(f"ledger: {opened.summary().completed} completed")


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
        inputs = "".join(f'{{"id": "clip-{n}", "duration": 0.1}}\n' for n in range(20))
        (Path(tmp) / "inputs.jsonl").write_text(inputs)
        _say('$ # inputs.jsonl: 20 lines like {"id": "clip-0", "duration": 0.1}')
        url = f"{server.base_url}/infer/slow"
        _octoai(["batch", "run", url, "inputs.jsonl", "--out", "results.jsonl"], env, tmp)
        _say(f"  results.jsonl: {(Path(tmp) / 'results.jsonl').read_text().splitlines()[0]} ...")
        _octoai(["batch", "status", "results.jsonl.ledger"], env, tmp)
        _octoai(["health", f"{server.base_url}/healthcheck"], env, tmp)


def main() -> int:
    """Run the tour; return the process exit status."""
    # Short phases, so the tour shows a whole tune in a few seconds.
    with DevServer(asset_ready_seconds=0.2, tune_pending_seconds=0.5, tune_seconds=2) as server:
        _say(f"Development server running at {server.base_url}")
        with OctoAI(token=server.token, base_url=server.base_url) as client:
            _chat(client)
            _streamed_chat(client)
            _inference(client, server.base_url)
            _async_inference(client, server.base_url)
            with tempfile.TemporaryDirectory() as workdir:
                _batch(client, server.base_url, workdir)
            _health(client, server.base_url)
            _asset_library(client)
            _fine_tuning(client, server.base_url)
        _command_line(server)
    _say("Development server stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
