"""``octoai batch``: killed and resumed, interrupted, throttled, with failed items retried."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

from support.control import arm, armed_faults, clear_request_log, keyed, request_log

from .conftest import COMMAND, RUN_TIMEOUT, Octoai, environment

#: A generous bound for one run that waits for a ledger count; it only keeps a hang finite.
_WATCH_LIMIT = 120.0


def write_items(path: Path, n: int) -> list[dict[str, Any]]:
    items = [{"id": f"item-{i}", "n": i} for i in range(n)]
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return items


def read_results(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def ledger_counts(path: Path) -> dict[str, int]:
    """Items per state, read with plain SQLite (the writer may be running); {} before it exists."""
    if not path.exists():
        return {}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        rows = db.execute("SELECT state, COUNT(*) FROM items GROUP BY state").fetchall()
        resubmissions = db.execute("SELECT COALESCE(SUM(resubmissions), 0) FROM items").fetchone()
    except sqlite3.OperationalError:  # created, but its tables not yet
        return {}
    finally:
        db.close()
    return {**dict(rows), "resubmissions": resubmissions[0]}


def posts_to(octoai: Octoai, path: str) -> int:
    log = request_log(octoai.server)
    return sum(1 for entry in log if entry["method"] == "POST" and entry["path"] == path)


def test_killed_three_times_and_resumed_every_item_is_in_the_results_once(
    octoai: Octoai, tmp_path: Path
) -> None:
    items = write_items(tmp_path / "inputs.jsonl", 2000)
    out, ledger = tmp_path / "results.jsonl", tmp_path / "results.jsonl.ledger"
    concurrency = 100
    args = [*COMMAND, "batch", "run", octoai.url("/infer/echo"), str(tmp_path / "inputs.jsonl")]
    args += ["--out", str(out), "--concurrency", str(concurrency)]
    targets = sorted(random.Random().sample(range(100, 1900), 3))
    uncertain_at_kills = []
    for target in targets:
        process = subprocess.Popen(  # noqa: S603 - our own console script
            args, env=environment(octoai.server), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            limit = time.monotonic() + _WATCH_LIMIT
            while ledger_counts(ledger).get("completed", 0) < target:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < limit, f"never reached {target} completed items"
                time.sleep(0.02)
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait()
            if process.stderr:
                process.stderr.close()
        counts = ledger_counts(ledger)
        # What was in flight at the kill: submits that may have reached the service, and
        # queued items that the next run polls.
        assert counts.get("submitting", 0) + counts.get("submitted", 0) <= concurrency
        uncertain_at_kills.append(counts.get("submitting", 0))
    finished = subprocess.run(  # noqa: S603 - our own console script
        args, env=environment(octoai.server), capture_output=True, timeout=RUN_TIMEOUT * 3
    )
    assert finished.returncode == 0, finished.stderr.decode()
    results = read_results(out)
    assert len(results) == len(items)
    assert [r["id"] for r in results] == [item["id"] for item in items]
    assert [r["outputs"] for r in results] == [{"echo": {"n": item["n"]}} for item in items]
    counts = ledger_counts(ledger)
    assert counts["completed"] == 2000
    # Exactly the submits that were uncertain at each kill were sent again, no more.
    assert counts["resubmissions"] == sum(uncertain_at_kills)


def test_ctrl_c_stops_cleanly_and_the_same_command_resumes(octoai: Octoai, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"item-{i}", "duration": 0.5}) for i in range(100)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["batch", "run", octoai.url("/infer/slow"), str(source), "--out", str(out)]
    args += ["--concurrency", "10"]
    # -v logs each answer; the outputs of the first items fetched are stored well before the
    # fifth fetch is answered, and the run has about ten seconds of work left.
    interrupted = octoai.interrupt(
        "-v", *args, when=lambda _out, err: err.count("/v1/responses/") >= 5
    )
    assert interrupted.code == 130, interrupted.stderr
    last = interrupted.error_lines[-1]
    assert last.startswith("octoai: interrupted; ")
    assert "run the same command again to resume" in last
    assert "Traceback" not in interrupted.stderr
    before = read_results(out)
    assert 0 < len(before) < 100
    resumed = octoai(*args)
    assert resumed.code == 0, resumed.stderr
    results = read_results(out)
    assert [r["id"] for r in results] == [f"item-{i}" for i in range(100)]
    assert all(r in results for r in before)


def test_a_429_storm_armed_on_the_server_slows_the_run_without_failing_items(
    start_devserver: Any, tmp_path: Path
) -> None:
    octoai = Octoai(start_devserver(faults=True))
    write_items(tmp_path / "in.jsonl", 100)
    out = tmp_path / "out.jsonl"
    storm = "status=429;retry-after=0.05;times=40"
    for path in ("/infer/echo", "/v1/requests/"):
        arm(octoai.server, path, storm)
    result = octoai(
        "batch", "run", octoai.url("/infer/echo"), str(tmp_path / "in.jsonl"),
        "--out", str(out), "--concurrency", "30",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "100 items: 100 completed, 0 failed" in result.stderr
    assert all("outputs" in r for r in read_results(out))
    # Every armed 429 was answered: submits and polls were throttled 40 times each.
    left = armed_faults(octoai.server)
    assert all(entry["remaining"] == 0 for entry in left), left


def test_failed_items_are_reported_and_retry_failed_sends_only_them(
    octoai: Octoai, tmp_path: Path
) -> None:
    write_items(tmp_path / "in.jsonl", 50)
    out = tmp_path / "out.jsonl"
    args = ["batch", "run", octoai.url("/infer/echo"), str(tmp_path / "in.jsonl")]
    args += ["--out", str(out), "--concurrency", "20"]
    # The first five requests, all submits, answer 500: a POST is not retried on 500.
    broken = "X-OctoAI-Fault: " + keyed("status=500;times=5")
    first = octoai(*args, "-H", broken)
    assert first.code == 5, first.stderr
    assert "5 items failed" in first.error_lines[-1]
    assert "--retry-failed" in first.error_lines[-1]
    errors = [r for r in read_results(out) if "error" in r]
    assert len(errors) == 5
    assert all(r["error"]["status_code"] == 500 for r in errors)
    again_without = octoai(*args)
    assert again_without.code == 5  # failed items stay failed unless asked
    clear_request_log(octoai.server)
    retried = octoai(*args, "--retry-failed")
    assert retried.code == 0, retried.stderr
    assert posts_to(octoai, "/infer/echo") == 5
    results = read_results(out)
    assert len(results) == 50
    assert all("outputs" in r for r in results)


def test_a_failing_endpoint_reports_every_item_and_retry_failed_resends_only_them(
    octoai: Octoai, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(f'{{"id": {i}, "message": "no {i}"}}\n' for i in range(6)))
    out = tmp_path / "out.jsonl"
    args = ["batch", "run", octoai.url("/infer/fail"), str(source), "--out", str(out)]
    first = octoai(*args)
    assert first.code == 5, first.stderr
    assert "6 items: 0 completed, 6 failed" in first.stderr
    assert [(r["id"], r["error"]["message"]) for r in read_results(out)] == [
        (i, f"no {i}") for i in range(6)
    ]
    assert all(r["error"]["type"] == "InferenceFailedError" for r in read_results(out))
    clear_request_log(octoai.server)
    retried = octoai(*args, "--retry-failed")
    assert retried.code == 5
    assert posts_to(octoai, "/infer/fail") == 6
    assert len(read_results(out)) == 6


def test_status_summarises_a_ledger(octoai: Octoai, tmp_path: Path) -> None:
    write_items(tmp_path / "in.jsonl", 10)
    out = tmp_path / "out.jsonl"
    run = octoai(
        "batch", "run", octoai.url("/infer/echo"), str(tmp_path / "in.jsonl"), "--out", str(out)
    )
    assert run.code == 0, run.stderr
    status = octoai("batch", "status", str(tmp_path / "out.jsonl.ledger"), "--json")
    assert status.code == 0, status.stderr
    assert json.loads(status.stdout) == {
        "endpoint_url": octoai.url("/infer/echo"),
        "completed": 10,
        "failed": 0,
        "submitted": 0,
        "submitting": 0,
        "resubmissions": 0,
    }
    plain = octoai("batch", "status", str(tmp_path / "out.jsonl.ledger"))
    assert "completed      10" in plain.stdout
    missing = octoai("batch", "status", str(tmp_path / "nothing.ledger"))
    assert missing.code == 2
    assert "no batch ledger" in missing.stderr


def test_bad_input_lines_and_another_endpoint_are_usage_errors(
    octoai: Octoai, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1}\n\n{"id": 2\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    bad = octoai("batch", "run", octoai.url("/infer/echo"), str(source), "--out", str(out))
    assert bad.code == 2
    assert f"{source}, line 3: not JSON" in bad.stderr
    other = octoai("batch", "run", octoai.url("/infer/slow"), str(source), "--out", str(out))
    assert other.code == 2
    assert "belongs to a batch for" in other.stderr
    missing = octoai(
        "batch", "run", octoai.url("/infer/echo"), str(tmp_path / "no"), "--out", str(out)
    )
    assert missing.code == 2
