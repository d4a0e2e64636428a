"""The byte bar of an upload and the status line of asset and tune waits, on a terminal.

A server of its own on the test clock keeps an uploaded asset `uploaded` (and a tune
`pending`) until the test has seen the command show that state; then it moves the clock on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.control import client
from support.platform import (
    CHECKPOINT,
    PNG,
    SDXL,
    TUNE_PENDING,
    TUNE_RUNNING,
    clocked_server,
    safetensors,
    unique,
)

from octoai_ext.devserver import DevServer

from .conftest import Octoai, environment
from .helpers import lines_of, run_with_terminal_stderr

pytest.importorskip("pty")

MIB = 1024 * 1024
#: Seconds of the server's clock an upload is checked: ten minutes here.
CHECKING = 600.0
CLEAR = "\r\x1b[K"


@pytest.fixture(scope="module")
def slow_server() -> Iterator[DevServer]:
    with clocked_server(asset_ready_seconds=CHECKING) as server:
        yield server


def test_upload_draws_a_byte_bar_then_the_wait_on_a_terminal(
    slow_server: DevServer, tmp_path: Path
) -> None:
    path = tmp_path / "big.safetensors"
    path.write_bytes(safetensors(8 * MIB))
    # A short name: the bar's line must fit the terminal's 80 columns with the whole label.
    name = unique("b")
    args = ["asset", "upload", str(path), "--type", "lora", "--engine", SDXL, "--name", name]
    code, stdout, stderr = run_with_terminal_stderr(
        [*args, "--json"],
        environment(slow_server),
        # The asset is checked for ten minutes of the server's clock, until the test moves it.
        when=lambda err: f"asset {name}: uploaded (" in err,
        then=lambda: slow_server.advance_clock(CHECKING + 1),
    )
    assert code == 0, stderr
    assert json.loads(stdout)["status"] == "ready"
    assert "\r" not in stdout
    # The byte bar: the label, sent / total, the percentage and the rate, redrawn in place.
    bar = f"{CLEAR}upload {name} ["
    assert bar in stderr
    final = stderr[stderr.rindex(bar) :].split(CLEAR)[1]
    assert "] 8.0 MiB / 8.0 MiB  100%  " in final
    assert final.endswith("/s")
    # Then the wait's line, from the library's callbacks, from uploaded to the end.
    assert stderr.index(bar) < stderr.index(f"asset {name}: uploaded (")
    assert stderr.endswith(CLEAR)
    # Each line is cleared before the next is drawn, so none runs into another.
    assert all(len(line) < 100 for line in stderr.split(CLEAR))


def test_no_bar_and_no_status_line_when_stderr_is_not_a_terminal(
    slow_server: DevServer, tmp_path: Path
) -> None:
    path = tmp_path / "w.safetensors"
    path.write_bytes(safetensors(2 * MIB))
    name = unique("quiet")
    result = Octoai(slow_server).run_until(
        "asset", "upload", str(path), "--type", "lora", "--engine", SDXL, "--name", name,
        when=lambda _out, _err: _uploaded(slow_server, name),
        then=lambda _process: slow_server.advance_clock(CHECKING + 1),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert lines_of(result.stdout)["name"] == name


def _files(server: DevServer, **params: str) -> list[dict[str, object]]:
    with client(server) as http:
        answer = http.get("/v1/assets", params={"asset_type": "file", **params})
    return list(answer.json()["data"])


def _uploaded(server: DevServer, name: str) -> bool:
    with client(server) as http:
        answer = http.get(f"/v1/assets/{name}")
    return answer.status_code == 200 and answer.json()["asset"]["status"] == "uploaded"


def test_tune_wait_draws_its_state_on_a_terminal(slow_server: DevServer, tmp_path: Path) -> None:
    image = tmp_path / "dog.png"
    image.write_bytes(PNG)
    run = Octoai(slow_server)
    # The image is checked on the server's clock too: move it on once it is uploaded.
    name = unique("tw")
    made = run.run_until(
        "tune", "create", "--name", name, "--checkpoint", CHECKPOINT,
        "--image", str(image), "--trigger-word", "sks", "--steps", "100", "--json",
        when=lambda _out, _err: any(
            str(a["name"]).startswith(name + "-") and a["status"] == "uploaded"
            for a in _files(slow_server)
        ),
        then=lambda _process: slow_server.advance_clock(CHECKING + 1),
    )  # fmt: skip
    assert made.code == 0, made.stderr
    tune = json.loads(made.stdout)
    code, stdout, stderr = run_with_terminal_stderr(
        ["tune", "wait", tune["id"]],
        environment(slow_server),
        when=lambda err: f"tune {tune['id']}: pending (" in err,
        then=lambda: slow_server.advance_clock(TUNE_PENDING + TUNE_RUNNING + 1),
    )
    assert code == 0, stderr
    assert lines_of(stdout)["status"] == "succeeded"
    assert "next check in" in stderr
    assert stderr.endswith(CLEAR)
