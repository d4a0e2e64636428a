"""The README's runnable examples run as written, against the development server.

Every Python block right after a `<!-- runnable -->` line is a whole program. It runs in a
fresh interpreter, in a directory holding the files the examples name (a LoRA, three photos),
with `OCTOAI_TOKEN` and `OCTOAI_BASE_URL` pointing at a development server, as a user's
environment would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from octoai_ext.devserver import DevServer, png, safetensors

README = Path(__file__).resolve().parent.parent / "README.md"
_RUNNABLE = re.compile(r"<!-- runnable -->\n```python\n(.*?)```", re.S)


def examples() -> list[str]:
    return _RUNNABLE.findall(README.read_text(encoding="utf-8"))


def test_the_readme_has_runnable_examples() -> None:
    assert len(examples()) >= 3


@pytest.fixture(scope="module")
def server() -> Iterator[DevServer]:
    with DevServer(asset_ready_seconds=0.1, tune_pending_seconds=0.1, tune_seconds=0.5) as running:
        yield running


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "watercolor.safetensors").write_bytes(
        safetensors.encode({"format": "pt"}, {"lora_up.weight": bytes(4096)})
    )
    photos = tmp_path / "photos"
    photos.mkdir()
    for shade in (30, 90, 150):
        rows = [bytes([shade, 64, 200] * 8) for _ in range(8)]
        (photos / f"dog{shade}.png").write_bytes(png.encode_png(8, 8, rows))
    return tmp_path


@pytest.mark.parametrize("code", examples(), ids=lambda code: code.splitlines()[0][:40])
def test_a_runnable_example_runs(code: str, server: DevServer, workdir: Path) -> None:
    env = {**os.environ, "OCTOAI_TOKEN": server.token, "OCTOAI_BASE_URL": server.base_url}
    finished = subprocess.run(  # noqa: S603 - our own interpreter on the README's code
        [sys.executable, "-c", code],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.strip(), "the example printed nothing"
