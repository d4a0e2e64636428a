"""``octoai infer`` and ``octoai future`` end to end."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

from octoai_ext import InferenceFuture
from octoai_ext.devserver.jobs import PENDING_SECONDS

from .conftest import Octoai


def test_infer_sends_typed_inputs_and_prints_the_outputs(octoai: Octoai, tmp_path: Path) -> None:
    audio = bytes(range(256)) * 3
    (tmp_path / "poem.wav").write_bytes(audio)
    (tmp_path / "options.json").write_text('{"beam": 5, "words": ["a", "b"]}')
    result = octoai(
        "infer", octoai.url("/infer/echo"),
        "--input", "language=en",
        "--input", "count=42",
        "-i", "n:=42",
        "-i", "flag:=true",
        "-i", 'obj:={"a": [1, null]}',
        "-i", f"audio=@{tmp_path / 'poem.wav'}",
        "-i", f"options:=@{tmp_path / 'options.json'}",
        "-i", "handle=\\@octo",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "echo": {
            "language": "en",
            "count": "42",
            "n": 42,
            "flag": True,
            "obj": {"a": [1, None]},
            "audio": base64.b64encode(audio).decode(),
            "options": {"beam": 5, "words": ["a", "b"]},
            "handle": "@octo",
        }
    }


def test_input_file_and_stdin_bytes(octoai: Octoai, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"task": "transcribe", "language": "fr"}))
    result = octoai(
        "infer", octoai.url("/infer/echo"), "--input-file", str(inputs), "-i", "language=en",
        "-i", "audio=@-",
        stdin=b"\x00RIFF\xff",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["echo"] == {
        "task": "transcribe",
        "language": "en",
        "audio": base64.b64encode(b"\x00RIFF\xff").decode(),
    }


def test_async_prints_a_future_that_future_commands_read(octoai: Octoai, tmp_path: Path) -> None:
    queued = octoai("infer", octoai.url("/infer/echo"), "-i", "hello=world", "--async")
    assert queued.code == 0, queued.stderr
    future = InferenceFuture.from_json(queued.stdout)
    assert future.endpoint_url == octoai.url("/infer/echo")
    stored = tmp_path / "future.json"
    stored.write_text(queued.stdout)

    outputs = {"echo": {"hello": "world"}}
    octoai.server.advance_clock(PENDING_SECONDS)
    waited = octoai("future", "result", str(stored), "--wait", "--timeout", "30")
    assert waited.code == 0, waited.stderr
    assert json.loads(waited.stdout) == outputs
    for reference, stdin in [
        (str(stored), ""),
        ("-", queued.stdout),
        (queued.stdout.strip(), ""),
        (future.response_id, ""),
    ]:
        status = octoai("future", "status", reference, stdin=stdin)
        assert (status.code, status.stdout, status.stderr) == (0, "completed\n", "")
        result = octoai("future", "result", reference, stdin=stdin)
        assert result.code == 0, result.stderr
        assert json.loads(result.stdout) == outputs


def test_async_wait_prints_the_outputs(octoai: Octoai) -> None:
    key = uuid.uuid4().hex
    # Once the job is queued, the clock moves past its whole minute.
    result = octoai.run_until(
        "infer", octoai.url("/infer/slow"), "-i", "duration:=60", "--async", "--wait",
        "-H", f"X-OctoAI-Fault: key={key}",
        when=lambda _out, _err: bool(octoai.requests(key)),
        then=lambda _process: octoai.server.advance_clock(PENDING_SECONDS + 60),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout) == {"echo": {"duration": 60}, "slept": 60}
    # Not a terminal: no progress line, so stdout and stderr stay clean.
    assert result.stderr == ""


def test_result_of_an_unfinished_future_exits_3(octoai: Octoai) -> None:
    # Queued for a minute that nobody lets pass: it is pending throughout.
    queued = octoai(
        "infer", octoai.url("/infer/slow"), "-i", "duration:=10", "--async",
        "-H", f"X-OctoAI-Fault: pending=60;key={uuid.uuid4()}",
    )  # fmt: skip
    assert queued.code == 0, queued.stderr
    future = InferenceFuture.from_json(queued.stdout)
    result = octoai("future", "result", "-", stdin=queued.stdout)
    assert result.code == 3
    assert result.stdout == ""
    assert result.error_lines == [
        f"octoai: error: request {future.response_id} is pending, not completed yet; "
        "try again later or pass --wait"
    ]
    status = octoai("future", "status", future.response_id)
    assert status.stdout == "pending\n"


def test_wait_timeout_prints_the_future_and_exits_4(octoai: Octoai) -> None:
    result = octoai(
        "infer", octoai.url("/infer/slow"), "-i", "duration:=30", "--wait", "--timeout", "0.2"
    )
    assert result.code == 4
    future = InferenceFuture.from_json(result.stdout)
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith(f"octoai: error: request {future.response_id} is still")
    assert f"octoai future result --wait {future.response_id}" in result.stderr


def test_a_failed_inference_is_one_error_line(octoai: Octoai) -> None:
    result = octoai("infer", octoai.url("/infer/fail"), "-i", "message=GPU melted", "--wait")
    assert result.code == 1
    assert result.stdout == ""
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith("octoai: error: inference failed: GPU melted")


def test_a_failing_sync_inference_shows_status_and_message(octoai: Octoai) -> None:
    result = octoai("infer", octoai.url("/infer/fail"), "-i", "message=GPU melted")
    assert result.code == 1
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith("octoai: error: 500 Internal Server Error: ")
    assert "GPU melted" in result.stderr


def test_unknown_future_is_a_404(octoai: Octoai) -> None:
    for command in ("status", "result"):
        result = octoai("future", command, "0123456789abcdef0123456789abcdef")
        assert result.code == 1
        assert result.stdout == ""
        assert len(result.error_lines) == 1
        assert result.error_lines[0].startswith("octoai: error: 404 Not Found: ")
        assert "0123456789abcdef0123456789abcdef" in result.stderr
        assert "Traceback" not in result.stderr


def test_ctrl_c_during_a_wait_prints_the_future(octoai: Octoai) -> None:
    # -v logs each request, so the test knows when the wait has begun polling.
    result = octoai.interrupt(
        "-v", "infer", octoai.url("/infer/slow"), "-i", "duration:=60", "--async", "--wait",
        when=lambda _out, err: "GET " in err,
    )  # fmt: skip
    assert result.code == 130
    future = InferenceFuture.from_json(result.stdout)
    last = result.error_lines[-1]
    assert last.startswith(f"octoai: interrupted; request {future.response_id} goes on")
    assert "Traceback" not in result.stderr
    # The work was not lost: once its minute has passed, the printed future gives the outputs.
    octoai.server.advance_clock(PENDING_SECONDS + 60)
    resumed = octoai("future", "result", "-", "--wait", "--timeout", "30", stdin=result.stdout)
    assert resumed.code == 0, resumed.stderr
    assert json.loads(resumed.stdout) == {"echo": {"duration": 60}, "slept": 60}


def test_a_request_timeout_exits_4(octoai: Octoai) -> None:
    result = octoai("infer", octoai.url("/infer/slow"), "-i", "duration:=5", "--timeout", "0.3")
    assert result.code == 4
    assert result.stdout == ""
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith(
        "octoai: error: POST /infer/slow did not finish within 0.3 s"
    )
