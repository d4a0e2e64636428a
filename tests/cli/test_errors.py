"""Failures end to end: one line on stderr, a documented exit code, never a traceback or token."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from octoai_ext import __version__, get_model_list
from octoai_ext.devserver import DevServer

from .conftest import COMMAND, Octoai, environment
from .helpers import NO_TOKEN_LINE, assert_one_error_line


@pytest.mark.parametrize(
    "args",
    [
        ("chat", "hi"),
        ("infer", "{url}/infer/echo", "-i", "a=1"),
        ("infer", "{url}/infer/echo", "--async"),
        ("future", "status", "0123abcd"),
        ("future", "result", "0123abcd", "--wait"),
    ],
)
def test_no_token_is_a_usage_error_and_sends_nothing(
    devserver: DevServer, args: tuple[str, ...]
) -> None:
    env = environment(None, OCTOAI_BASE_URL=devserver.base_url)
    result = Octoai(devserver)(*(a.format(url=devserver.base_url) for a in args), env=env)
    assert result.code == 2
    assert result.stdout == ""
    assert result.error_lines == [NO_TOKEN_LINE]


def test_the_api_key_variable_is_read_too(devserver: DevServer) -> None:
    env = environment(None, OCTOAI_BASE_URL=devserver.base_url, OCTOAI_API_KEY=devserver.token)
    result = Octoai(devserver)("chat", "hi", "--max-tokens", "2", env=env)
    assert result.code == 0, result.stderr


def test_a_wrong_token_is_a_401_and_never_shown(devserver: DevServer) -> None:
    secret = "sk-wrong-token-5f1e2d3c4b5a"
    env = environment(devserver, token=secret)
    run = Octoai(devserver)
    for args in (
        ("chat", "hi"),
        ("-v", "chat", "hi", "--no-stream"),
        ("-v", "infer", devserver.base_url + "/infer/echo", "-i", "a=1"),
        ("future", "status", "0123abcd"),
    ):
        result = run(*args, env=env)
        assert result.code == 1
        assert secret not in result.stdout + result.stderr
        assert result.error_lines[-1].startswith("octoai: error: 401 Unauthorized: ")
        assert "(request id " in result.error_lines[-1]
        assert "Traceback" not in result.stderr


def test_no_server_is_one_line(octoai: Octoai, dead_url: str) -> None:
    env = environment(octoai.server, OCTOAI_BASE_URL=dead_url)
    for args in (("chat", "hi"), ("infer", dead_url + "/infer/echo"), ("future", "status", "ab")):
        result = octoai(*args, env=env)
        assert result.code == 1
        assert_one_error_line(result.stderr)
        assert "could not connect" in result.stderr


def test_base_url_option_beats_the_environment(octoai: Octoai, dead_url: str) -> None:
    env = environment(octoai.server, OCTOAI_BASE_URL=dead_url)
    before = octoai(
        "--base-url", octoai.server.base_url, "chat", "hi", "--max-tokens", "2", env=env
    )
    after = octoai("chat", "hi", "--max-tokens", "2", "--base-url", octoai.server.base_url, env=env)
    assert before.code == after.code == 0
    assert before.stdout == after.stdout != ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("infer", "{url}/infer/echo", "-i", "novalue"), "expected key=value"),
        (("infer", "{url}/infer/echo", "-i", "=x"), "the key is empty"),
        (("infer", "{url}/infer/echo", "-i", "n:=nope"), "not valid JSON"),
        (("infer", "{url}/infer/echo", "-i", "a=@/no/such/file.wav"), "cannot read"),
        (("infer", "{url}/infer/echo", "-f", "/no/such/inputs.json"), "cannot read"),
        (("infer", "{url}/infer/echo", "-i", "a=@-", "-i", "b=@-"), "only once"),
        (("infer", "not-a-url"), "absolute http(s) URL"),
        (("infer", "{url}/infer/echo", "-H", "Authorization: Bearer x"), "Authorization"),
        (("infer", "{url}/infer/echo", "-H", "no colon"), "expected 'Name: value'"),
        (("--base-url", "ftp://x", "chat", "hi"), "base_url"),
        (("chat", ""), "the prompt is empty"),
        (("future", "status", "/no/such/future.json"), "no such file"),
        (("future", "status", "{{}}"), "does not hold a stored future"),
        (("health", "example.com/healthcheck"), "absolute http(s) URL"),
    ],
)
def test_usage_errors_exit_2(octoai: Octoai, args: tuple[str, ...], message: str) -> None:
    result = octoai(*(a.format(url=octoai.server.base_url) for a in args))
    assert result.code == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr)
    assert message in result.stderr


@pytest.mark.parametrize(
    "args",
    [(), ("frobnicate",), ("chat",), ("chat", "hi", "--max-tokens", "0"), ("health", "--timeout")],
)
def test_argument_errors_exit_2(octoai: Octoai, args: tuple[str, ...]) -> None:
    result = octoai(*args)
    assert result.code == 2
    assert result.stdout == ""
    # argparse names the command: "octoai chat: error: ...".
    assert result.error_lines[-1].startswith("octoai")
    assert ": error: " in result.error_lines[-1]
    assert "Traceback" not in result.stderr


def test_version_and_models(octoai: Octoai) -> None:
    version = octoai("--version")
    assert (version.code, version.stdout) == (0, f"octoai (octoai-ext) {__version__}\n")
    models = octoai("models")
    assert models.code == 0
    assert models.stdout.splitlines() == get_model_list()
    assert "meta-llama-3.1-8b-instruct" in models.stdout.splitlines()


def test_a_closed_pipe_is_not_a_traceback(octoai: Octoai) -> None:
    # `octoai chat ... | head -c 1`: the reader goes away while tokens are still coming.
    process = subprocess.Popen(  # noqa: S603 - our own console script
        [
            *COMMAND, "chat", "hello", "--max-tokens", "20",
            "-H", "X-OctoAI-Fault: stall-after=1;stall=2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=environment(octoai.server),
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.read(1) == b" "
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 141
    assert err == b""


def test_importing_the_package_does_not_import_the_cli_and_the_cli_no_devserver() -> None:
    code = (
        "import sys, octoai_ext\n"
        "assert 'octoai_ext.cli' not in sys.modules\n"
        "import octoai_ext.cli\n"
        "heavy = [m for m in sys.modules if m.startswith(('octoai_ext.devserver', 'starlette',"
        " 'uvicorn', 'openapi_core'))]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)  # noqa: S603


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "octoai_ext.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert (result.returncode, result.stdout) == (0, f"octoai (octoai-ext) {__version__}\n")


def test_the_installed_console_script_runs_like_the_entry_point(octoai: Octoai) -> None:
    # The other tests call the entry point in-process; this one runs the real executable.
    args = ("infer", octoai.url("/infer/echo"), "-i", "prompt=hi")
    in_process = octoai(*args)
    as_process = octoai.run_process(*args)
    assert (as_process.code, as_process.stdout, as_process.stderr) == (
        in_process.code,
        in_process.stdout,
        in_process.stderr,
    )
    assert json.loads(as_process.stdout) == {"echo": {"prompt": "hi"}}
    failed = octoai.run_process("infer", "not a url", "-i", "a=b")
    assert failed.code == octoai("infer", "not a url", "-i", "a=b").code == 2
