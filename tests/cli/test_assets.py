"""``octoai asset`` end to end: the real command against the development server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.control import armed, client, request_log
from support.platform import PNG, SDXL, safetensors, unique

from octoai_ext.devserver import DevServer

from .conftest import Octoai, environment
from .helpers import NO_TOKEN_LINE, assert_one_error_line, lines_of


def write(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def read_asset(octoai: Octoai, reference: str) -> dict[str, Any] | None:
    """The asset as the server has it (read directly, not through the command under test)."""
    with client(octoai.server) as http:
        answer = http.get(f"/v1/assets/{reference}")
    if answer.status_code == 404:
        return None
    answer.raise_for_status()
    return dict(answer.json()["asset"])


def get_json(octoai: Octoai, reference: str) -> dict[str, Any]:
    asset = read_asset(octoai, reference)
    assert asset is not None, reference
    return asset


def upload_lora(octoai: Octoai, tmp_path: Path, name: str, *extra: str) -> Any:
    path = write(tmp_path, f"{name}.safetensors", safetensors(4096))
    return octoai(
        "asset", "upload", path, "--type", "lora", "--engine", SDXL, "--name", name, *extra
    )


def test_upload_waits_until_ready_and_prints_the_asset(octoai: Octoai, tmp_path: Path) -> None:
    name = unique("cli-lora")
    content = safetensors(3 * 1024 * 1024)
    path = write(tmp_path, "style.safetensors", content)
    result = octoai(
        "asset", "upload", path, "--type", "lora", "--engine", SDXL, "--name", name,
        "--trigger-word", "sks", "--trigger-word", "crayon", "--description", "a style",
        "--data-type", "fp16", "--file-format", "safetensors",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    # No progress when stderr is not a terminal, and nothing else either.
    assert result.stderr == ""
    shown = lines_of(result.stdout)
    assert shown["name"] == name
    assert shown["status"] == "ready"
    assert shown["type"] == "lora"
    assert shown["engine"] == SDXL
    assert shown["trigger words"] == "sks, crayon"
    assert shown["size"] == "3.0 MiB"
    assert shown["description"] == "a style"
    asset = get_json(octoai, name)
    assert asset["id"] == shown["id"]
    assert (asset["status"], asset["size_bytes"]) == ("ready", len(content))
    assert asset["data"]["trigger_words"] == ["sks", "crayon"]
    assert asset["is_public"] is False


def test_no_wait_and_json_print_the_uploaded_file(octoai: Octoai, tmp_path: Path) -> None:
    name = unique("cli-image")
    path = write(tmp_path, "photo.PNG", PNG)
    result = octoai(
        "asset", "upload", path, "--type", "file", "--name", name, "--no-wait", "--json"
    )
    assert result.code == 0, result.stderr
    asset = json.loads(result.stdout)
    assert asset["name"] == name
    assert asset["status"] == "uploaded"
    # The file format comes from the extension.
    assert asset["data"] == {**asset["data"], "asset_type": "file", "file_format": "png"}
    assert asset["size_bytes"] == len(PNG)
    text = write(tmp_path, "notes.data", b"hello")
    other = octoai(
        "asset", "upload", text, "--type", "file", "--name", unique("cli-notes"),
        "--file-format", "txt", "--public", "--no-wait", "--json",
    )  # fmt: skip
    assert other.code == 0, other.stderr
    assert json.loads(other.stdout)["data"]["file_format"] == "txt"
    assert json.loads(other.stdout)["is_public"] is True


def test_list_get_and_delete(octoai: Octoai, tmp_path: Path) -> None:
    first, second = unique("cli-a"), unique("cli-b")
    ids = {}
    for name in (first, second):
        uploaded = upload_lora(octoai, tmp_path, name, "--no-wait", "--json")
        assert uploaded.code == 0, uploaded.stderr
        ids[name] = json.loads(uploaded.stdout)["id"]
    table = octoai("asset", "list", "--name", first)
    assert table.code == 0, table.stderr
    header, row = table.stdout.splitlines()
    assert header.split() == ["NAME", "TYPE", "ENGINE", "STATUS", "SIZE", "ID"]
    cells = row.split()
    assert cells[:3] == [first, "lora", SDXL]
    assert cells[-1] == ids[first]
    listed = octoai("asset", "list", "--type", "lora", "--type", "vae", "--engine", SDXL, "--json")
    assert listed.code == 0, listed.stderr
    assets = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {first, second} <= {a["name"] for a in assets}
    assert {a["asset_type"] for a in assets} == {"lora"}
    # Public assets, by owner, cut to a limit.
    public = octoai(
        "asset", "list", "--public", "--owner", "octoai", "--type", "checkpoint", "--limit", "2",
        "--json",
    )  # fmt: skip
    assert public.code == 0, public.stderr
    checkpoints = [json.loads(line) for line in public.stdout.splitlines()]
    assert len(checkpoints) == 2
    assert all(a["is_public"] and a["asset_type"] == "checkpoint" for a in checkpoints)
    shown = octoai("asset", "get", "octoai:default-sdxl")
    assert shown.code == 0, shown.stderr
    assert lines_of(shown.stdout)["public"] == "yes"
    # Delete one by name and one by id: each is printed as it goes.
    deleted = octoai("asset", "delete", first, ids[second])
    assert deleted.code == 0, deleted.stderr
    assert deleted.stdout.splitlines() == [f"deleted {ids[first]}", f"deleted {ids[second]}"]
    assert read_asset(octoai, first) is None
    gone = octoai("asset", "get", first)
    assert gone.code == 1
    assert_one_error_line(gone.stderr)
    assert "404 Not Found" in gone.stderr


def test_a_rejected_file_exits_1_with_the_services_details(octoai: Octoai, tmp_path: Path) -> None:
    name = unique("cli-fake-png")
    path = write(tmp_path, "fake.png", b"GIF89a not a png")
    result = octoai("asset", "upload", path, "--type", "file", "--name", name)
    assert result.code == 1
    assert result.stdout == ""
    assert_one_error_line(result.stderr)
    asset = get_json(octoai, name)
    assert asset["status"] == "rejected"
    details = asset["status_details"].rstrip(".")
    assert details
    assert f"asset {name!r} ({asset['id']}) is rejected: {details}" in result.stderr
    # The name stays taken until the asset is deleted, so the line says how.
    assert result.stderr.endswith(f"delete it with: octoai asset delete {asset['id']}\n")
    broken = write(tmp_path, "broken.safetensors", b"not a safetensors file")
    refused = octoai(
        "asset", "upload", broken, "--type", "lora", "--engine", SDXL, "--name", unique("cli-bad")
    )
    assert refused.code == 1
    assert "is rejected: " in refused.stderr
    assert "safetensors" in refused.stderr


def test_an_empty_file_fails_and_is_named(octoai: Octoai, tmp_path: Path) -> None:
    name = unique("cli-empty")
    result = octoai("asset", "upload", write(tmp_path, "empty.txt", b""), "--type", "file",
                    "--name", name)  # fmt: skip
    assert result.code == 1
    assert_one_error_line(result.stderr)
    asset_id = get_json(octoai, name)["id"]
    assert "the upload failed: " in result.stderr
    assert f"asset {name!r} ({asset_id}) is error" in result.stderr
    assert f"octoai asset delete {asset_id}" in result.stderr


def test_a_taken_name_is_a_409_that_suggests_no_deletion(octoai: Octoai, tmp_path: Path) -> None:
    name = unique("cli-twice")
    assert upload_lora(octoai, tmp_path, name, "--no-wait").code == 0
    again = upload_lora(octoai, tmp_path, name, "--no-wait")
    assert again.code == 1
    assert again.stdout == ""
    assert_one_error_line(again.stderr)
    assert "409 Conflict" in again.stderr
    assert name in again.stderr
    # The asset holding the name is someone's finished work: nothing here says to delete it.
    assert "delete" not in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--type", "lora"), "--type lora needs --engine"),
        (("--type", "file", "--engine", SDXL), "--engine is for weights"),
        (("--type", "file", "--trigger-word", "sks"), "--trigger-word is for weights"),
        (("--type", "file", "--data-type", "fp32"), "--data-type is for weights"),
        (("--type", "file", "--file-format", "pt"), "--file-format pt is for weights"),
        (("--type", "lora", "--engine", SDXL, "--file-format", "png"), "is for --type file"),
        (("--type", "vae", "--engine", SDXL, "--trigger-word", "w"), "not a vae"),
        (("--type", "latent", "--engine", "audio/tortoise-tts", "--data-type", "fp16"), "latent"),
    ],
)
def test_options_that_do_not_fit_the_type_are_usage_errors(
    octoai: Octoai, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    name = unique("cli-never")
    path = write(tmp_path, "w.safetensors", safetensors(64))
    result = octoai("asset", "upload", path, "--name", name, *args)
    assert result.code == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr)
    assert message in result.stderr
    # Nothing was sent: no asset of that name exists.
    assert read_asset(octoai, name) is None


def test_an_unreadable_file_is_a_usage_error(octoai: Octoai, tmp_path: Path) -> None:
    for path in (str(tmp_path / "missing.png"), str(tmp_path)):
        result = octoai("asset", "upload", path, "--type", "file", "--name", unique("cli-none"))
        assert result.code == 2
        assert_one_error_line(result.stderr)
        assert f"cannot read the file {path}" in result.stderr


def test_no_token_is_a_usage_error(devserver: DevServer, tmp_path: Path) -> None:
    env = environment(None, OCTOAI_BASE_URL=devserver.base_url)
    run = Octoai(devserver)
    path = write(tmp_path, "a.png", PNG)
    for args in (
        ("asset", "list"),
        ("asset", "get", "octoai:default-sdxl"),
        ("asset", "upload", path, "--type", "file", "--name", "x"),
    ):
        result = run(*args, env=env)
        assert (result.code, result.stdout) == (2, "")
        assert result.error_lines == [NO_TOKEN_LINE]


def test_ctrl_c_during_an_upload_names_the_asset_left_incomplete(
    octoai: Octoai, tmp_path: Path
) -> None:
    name = unique("cli-cut")
    path = write(tmp_path, "big.safetensors", safetensors(256 * 1024))
    http = client(octoai.server)

    def uploading(_stdout: str, _stderr: str) -> bool:
        # The server holds the upload (an armed delay); once it has arrived, it is in flight.
        found = http.get(f"/v1/assets/{name}")
        if found.status_code != 200:
            return False
        target = "/_objects/" + found.json()["asset"]["id"]
        log = request_log(octoai.server)
        return any(r["method"] == "PUT" and r["path"] == target for r in log)

    with armed(octoai.server, "/_objects/", "delay=30;times=1", method="PUT"):
        result = octoai.interrupt(
            "asset", "upload", path, "--type", "lora", "--engine", SDXL, "--name", name,
            when=uploading,
        )  # fmt: skip
    asset = http.get(f"/v1/assets/{name}").json()["asset"]
    http.close()
    assert result.code == 130
    assert result.stdout == ""
    assert result.error_lines == [
        f"octoai: interrupted; the upload of asset {name!r} ({asset['id']}) was left "
        f"incomplete; delete it with: octoai asset delete {asset['id']}"
    ]
    assert asset["status"] == "ready_to_upload"
    # The way out it prints works.
    deleted = octoai("asset", "delete", asset["id"])
    assert (deleted.code, deleted.stdout) == (0, f"deleted {asset['id']}\n")
