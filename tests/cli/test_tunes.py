"""``octoai tune`` end to end, on a server of its own whose clock the tests move.

A tune stays a minute `pending` and ten minutes `running` on the server's clock, so a tune is
in the state a test looks at until the test moves the clock; the command's own waits poll in
real time, and the test moves the clock once it has seen the command wait.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.control import armed, client, request_log
from support.platform import CHECKPOINT, PNG, TUNE_PENDING, TUNE_RUNNING, clocked_server, unique

from octoai_ext.cli._tunes import image_names
from octoai_ext.devserver import DevServer

from .conftest import Octoai, environment
from .helpers import NO_TOKEN_LINE, assert_one_error_line, lines_of

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(64))


@pytest.fixture(scope="module")
def tune_server() -> Iterator[DevServer]:
    """Uploaded images are ready at once; tunes take the clocked server's phases."""
    with clocked_server(asset_ready_seconds=0) as server:
        yield server


@pytest.fixture
def octoai(tune_server: DevServer) -> Octoai:
    return Octoai(tune_server)


@pytest.fixture
def http(tune_server: DevServer) -> Iterator[httpx.Client]:
    """The server read directly, to check what the command under test did."""
    with client(tune_server) as http:
        yield http


def images(tmp_path: Path, *names: str, content: bytes = PNG) -> list[str]:
    paths = []
    for name in names:
        path = tmp_path / name
        path.write_bytes(content)
        paths.append(str(path))
    return paths


def create_args(name: str, paths: list[str], *extra: str) -> list[str]:
    args = ["tune", "create", "--name", name, "--checkpoint", CHECKPOINT]
    for path in paths:
        args += ["--image", path]
    return [*args, "--trigger-word", "sks", "--steps", "200", *extra]


def start(octoai: Octoai, tmp_path: Path, name: str) -> dict[str, Any]:
    result = octoai(*create_args(name, images(tmp_path, f"{name}.png"), "--json"))
    assert result.code == 0, result.stderr
    return dict(json.loads(result.stdout))


def tunes_named(http: httpx.Client, name: str) -> list[dict[str, Any]]:
    return list(http.get("/v1/tunes", params={"name": name}).json()["data"])


def polled(server: DevServer, tune_id: str) -> Callable[[str, str], bool]:
    """Holds once the command has read the tune: it is waiting on it."""

    def holds(_stdout: str, _stderr: str) -> bool:
        log = request_log(server)
        return any(r["method"] == "GET" and r["path"] == f"/v1/tune/{tune_id}" for r in log)

    return holds


def finish(server: DevServer) -> Callable[[subprocess.Popen[bytes]], object]:
    return lambda _process: server.advance_clock(TUNE_PENDING + TUNE_RUNNING + 1)


def test_an_image_ready_once_uploaded_is_not_read_again(
    octoai: Octoai, http: httpx.Client, tmp_path: Path
) -> None:
    tune = start(octoai, tmp_path, unique("cli-once"))
    (image,) = tune["details"]["files"]
    log = http.get("/_devserver/requests").json()
    path = f"/v1/assets/{image['file_id']}"
    # The upload's own reading found it ready: the command does not wait on it.
    assert [r["method"] for r in log if r["path"] == path] == ["GET"]


def test_create_from_image_files_and_wait_for_the_lora(
    octoai: Octoai, http: httpx.Client, tmp_path: Path
) -> None:
    name = unique("cli-dog")
    paths = images(tmp_path, "a.png", "my photo.png")
    result = octoai.run_until(
        *create_args(name, paths, "--caption", "a dog", "--caption", "sks dog", "--wait"),
        when=lambda _out, _err: bool(tunes_named(http, name)),
        then=finish(octoai.server),
    )
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    (tune,) = tunes_named(http, name)
    assert tune["status"] == "succeeded"
    (lora_id,) = tune["output_lora_ids"]
    created, finished = result.stdout.split("\n\n")
    shown = lines_of(created)
    assert (shown["name"], shown["id"], shown["status"]) == (name, tune["id"], "pending")
    assert shown["images"] == "2"
    assert shown["checkpoint"].startswith("default-sdxl (asset_")
    assert finished == f"lora: {name} ({lora_id})\n"
    lora = http.get(f"/v1/assets/{lora_id}").json()["asset"]
    assert (lora["name"], lora["asset_type"], lora["status"]) == (name, "lora", "ready")
    # The images became file assets named after the tune and the files, captioned in order.
    files = tune["details"]["files"]
    assert [f["caption"] for f in files] == ["a dog", "sks dog"]
    uploaded = [http.get(f"/v1/assets/{f['file_id']}").json()["asset"] for f in files]
    assert [a["data"]["file_format"] for a in uploaded] == ["png", "png"]
    assert uploaded[0]["name"].startswith(name + "-")
    assert uploaded[0]["name"].endswith("-01-a")
    assert uploaded[1]["name"].endswith("-02-my-photo")


def test_get_list_cancel_and_delete(octoai: Octoai, http: httpx.Client, tmp_path: Path) -> None:
    name = unique("cli-cat")
    paths = images(tmp_path, "cat.jpg", content=JPEG)
    made = octoai(*create_args(name, paths, "--seed", "7", "--description", "a cat", "--json"))
    assert made.code == 0, made.stderr
    tune = json.loads(made.stdout)
    assert (tune["name"], tune["status"], tune["description"]) == (name, "pending", "a cat")
    assert tune["details"]["seed"] == 7
    shown = octoai("tune", "get", tune["id"])
    assert shown.code == 0, shown.stderr
    fields = lines_of(shown.stdout)
    assert (fields["id"], fields["status"], fields["trigger word"]) == (
        tune["id"],
        "pending",
        "sks",
    )
    assert fields["steps"] == "200"
    table = octoai("tune", "list", "--name", name)
    header, row = table.stdout.splitlines()
    assert header.split() == ["NAME", "STATUS", "CHECKPOINT", "TRIGGER", "STEPS", "CREATED", "ID"]
    assert row.split()[:5] == [name, "pending", "default-sdxl", "sks", "200"]
    assert row.split()[-1] == tune["id"]
    # The checkpoint is given as people know it; the service filters by its id.
    listed = octoai("tune", "list", "--checkpoint", CHECKPOINT, "--trigger-word", "sks", "--json")
    assert listed.code == 0, listed.stderr
    assert tune["id"] in {json.loads(line)["id"] for line in listed.stdout.splitlines()}
    other = octoai("tune", "list", "--trigger-word", "nobody-uses-this", "--json")
    assert (other.code, other.stdout) == (0, "")
    one = octoai("tune", "list", "--limit", "1", "--json")
    assert len(one.stdout.splitlines()) == 1
    cancelled = octoai("tune", "cancel", tune["id"], "--json")
    assert cancelled.code == 0, cancelled.stderr
    assert json.loads(cancelled.stdout)["status"] == "cancelled"
    again = octoai("tune", "cancel", tune["id"])
    assert again.code == 1
    assert_one_error_line(again.stderr)
    assert "409 Conflict" in again.stderr
    deleted = octoai("tune", "delete", tune["id"])
    assert (deleted.code, deleted.stdout) == (0, f"deleted {tune['id']}\n")
    gone = octoai("tune", "get", tune["id"])
    assert gone.code == 1
    assert "404 Not Found" in gone.stderr
    # Its image stays in the asset library.
    (image,) = tune["details"]["files"]
    assert http.get(f"/v1/assets/{image['file_id']}").status_code == 200


def test_wait_prints_the_finished_tune_and_its_lora(
    octoai: Octoai, http: httpx.Client, tmp_path: Path
) -> None:
    tune = start(octoai, tmp_path, unique("cli-wait"))
    waiting = polled(octoai.server, tune["id"])
    result = octoai.run_until("tune", "wait", tune["id"], when=waiting, then=finish(octoai.server))
    assert result.code == 0, result.stderr
    shown = lines_of(result.stdout)
    (lora_id,) = http.get(f"/v1/tune/{tune['id']}").json()["output_lora_ids"]
    assert shown["status"] == "succeeded"
    assert shown["lora"] == f"{tune['name']} ({lora_id})"
    # Waiting on a finished tune answers at once, here as JSON.
    again = octoai("tune", "wait", tune["id"], "--json")
    assert again.code == 0, again.stderr
    assert json.loads(again.stdout)["output_lora_ids"] == [lora_id]


def test_ctrl_c_during_a_wait_says_the_tune_goes_on(
    octoai: Octoai, http: httpx.Client, tmp_path: Path
) -> None:
    tune = start(octoai, tmp_path, unique("cli-ctrl-c"))
    result = octoai.interrupt("tune", "wait", tune["id"], when=polled(octoai.server, tune["id"]))
    assert result.code == 130
    assert result.stdout == ""
    assert result.error_lines == [
        f"octoai: interrupted; tune {tune['id']} goes on in the service; "
        f"wait again with: octoai tune wait {tune['id']}"
    ]
    assert http.get(f"/v1/tune/{tune['id']}").json()["status"] == "pending"


def test_a_wait_that_runs_out_of_time_exits_4(octoai: Octoai, tmp_path: Path) -> None:
    tune = start(octoai, tmp_path, unique("cli-slow"))
    result = octoai("tune", "wait", tune["id"], "--timeout", "0.5")
    assert result.code == 4
    assert result.stdout == ""
    assert_one_error_line(result.stderr)
    assert f"wait again with: octoai tune wait {tune['id']}" in result.stderr


def test_a_failed_tune_exits_1_with_the_services_details(octoai: Octoai, tmp_path: Path) -> None:
    with armed(octoai.server, "/v1/tune", "tune-fail=out of memory;times=1", method="POST"):
        tune = start(octoai, tmp_path, unique("cli-fail"))
    octoai.server.advance_clock(TUNE_PENDING + TUNE_RUNNING + 1)
    result = octoai("tune", "wait", tune["id"])
    assert result.code == 1
    assert result.stdout == ""
    assert_one_error_line(result.stderr)
    assert f"tune {tune['name']!r} ({tune['id']}) failed: out of memory" in result.stderr


def test_a_rejected_image_stops_the_tune_unless_told_to_go_on(
    octoai: Octoai, http: httpx.Client, tmp_path: Path
) -> None:
    good = images(tmp_path, "good.png")
    bad = images(tmp_path, "bad.png", content=b"GIF89a not a png")
    name = unique("cli-strict")
    stopped = octoai(*create_args(name, [*good, *bad]))
    assert stopped.code == 1
    assert stopped.stdout == ""
    assert_one_error_line(stopped.stderr)
    assert f"image {bad[0]}: asset '{name}-" in stopped.stderr
    assert "is rejected: " in stopped.stderr
    kept = stopped.stderr.split("delete them with: octoai asset delete ")[1].split()
    assert len(kept) == 2
    assert all(http.get(f"/v1/assets/{asset_id}").status_code == 200 for asset_id in kept)
    assert tunes_named(http, name) == []
    lenient = unique("cli-lenient")
    went_on = octoai(*create_args(lenient, [*good, *bad], "--continue-on-rejection", "--json"))
    assert went_on.code == 0, went_on.stderr
    (warning,) = went_on.error_lines
    assert warning.startswith(f"octoai: warning: image {bad[0]}: asset '{lenient}-")
    assert warning.endswith("the tune goes on without it (--continue-on-rejection)")
    tune = json.loads(went_on.stdout)
    assert len(tune["details"]["files"]) == 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--caption", "one", "--caption", "two"), "2 --caption for 1 --image"),
        (("--image", "{tmp}/missing.png"), "cannot read the image"),
        (("--image", "{tmp}/weights.safetensors"), "a tune trains on .png, .jpg or .jpeg"),
    ],
)
def test_bad_images_and_captions_are_usage_errors(
    octoai: Octoai, http: httpx.Client, tmp_path: Path, extra: tuple[str, ...], message: str
) -> None:
    (tmp_path / "weights.safetensors").write_bytes(b"x")
    name = unique("cli-usage")
    args = create_args(name, images(tmp_path, "ok.png"))
    result = octoai(*args, *(a.format(tmp=tmp_path) for a in extra))
    assert result.code == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr)
    assert message in result.stderr
    # Nothing was uploaded before the arguments were checked.
    listed = http.get("/v1/assets", params={"asset_type": "file"}).json()["data"]
    assert not [a for a in listed if a["name"].startswith(name)]


def test_no_token_is_a_usage_error(tune_server: DevServer, tmp_path: Path) -> None:
    env = environment(None, OCTOAI_BASE_URL=tune_server.base_url)
    run = Octoai(tune_server)
    for args in (
        ["tune", "list"],
        ["tune", "wait", "tune_x"],
        create_args("x", images(tmp_path, "a.png")),
    ):
        result = run(*args, env=env)
        assert (result.code, result.stdout) == (2, "")
        assert result.error_lines == [NO_TOKEN_LINE]


def test_image_names_are_valid_distinct_and_derived_from_both_names() -> None:
    paths = [Path("x/Photo 1.PNG"), Path("y/Photo 1.PNG"), Path("__.jpg")]
    first = image_names("My dog: sks!", paths)
    assert first[0].startswith("My-dog-sks-")
    assert first[0].endswith("-01-Photo-1")
    assert first[2].endswith("-03-image")
    assert len(set(first)) == 3
    # Another run of the same tune gets other names, so a retry does not collide.
    assert set(first).isdisjoint(image_names("My dog: sks!", paths))
    pattern = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
    assert all(pattern.match(name) for name in first + image_names("...", paths))
    long = image_names("t" * 300, [Path("p" * 300 + ".png")])
    assert pattern.match(long[0])
