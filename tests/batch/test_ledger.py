"""The SQLite ledger: what it stores, what it refuses, and the results file written from it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from octoai_ext import (
    BatchInputError,
    BatchLedger,
    InferenceFailedError,
    InferenceFuture,
    LedgerError,
    LedgerMismatchError,
)
from octoai_ext._batch import records as r

URL = "http://127.0.0.1:1/infer/echo"


def finished_ledger(path: Path) -> BatchLedger:
    ledger = BatchLedger(path, create=True)
    ledger.bind(URL)
    one = r.submit_intent(None, 0, '"a"', now=1.0)
    two = r.submit_intent(None, 1, "1", now=1.0)
    three = r.submit_intent(None, 2, '"c"', now=1.0)
    ledger.save([one, two, three])
    future = InferenceFuture("rid", "http://127.0.0.1:1/v1/requests/rid")
    ledger.save(
        [
            r.completed(r.accepted(one, future, now=2.0), {"echo": "é"}, now=3.0),
            r.failed(two, r.error_to_dict(InferenceFailedError("boom", request_id="q")), now=3.0),
        ]
    )
    return ledger


def test_records_round_trip(tmp_path: Path) -> None:
    with BatchLedger(tmp_path / "l", create=True) as ledger:
        intent = r.submit_intent(None, 7, '"x"', now=12.5)
        future = InferenceFuture("rid", "http://h/v1/requests/rid")
        queued = r.accepted(intent, future, now=13.0)
        ledger.save([queued])
        assert ledger.lookup(0, 6) == {}
        assert ledger.lookup(7, 7) == {7: queued}
        assert list(ledger.records()) == [queued]


def test_a_new_ledger_takes_its_endpoint_and_refuses_another(tmp_path: Path) -> None:
    path = tmp_path / "run.ledger"
    with BatchLedger(path, create=True) as ledger:
        assert ledger.endpoint_url is None
        ledger.bind(URL)
        ledger.bind(URL)
    with BatchLedger(path) as ledger:
        assert ledger.endpoint_url == URL
        with pytest.raises(LedgerMismatchError, match="belongs to a batch for"):
            ledger.bind(URL + "2")


def test_binding_answers_the_highest_position_recorded(tmp_path: Path) -> None:
    with BatchLedger(tmp_path / "l", create=True) as ledger:
        assert ledger.bind(URL) == -1
        ledger.save([r.submit_intent(None, 5, '"a"', now=1.0), r.submit_intent(None, 2, "2", 1.0)])
    with BatchLedger(tmp_path / "l") as ledger:
        assert ledger.bind(URL) == 5


def test_a_missing_ledger_is_only_created_when_asked(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="no batch ledger"):
        BatchLedger(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


def test_files_that_are_not_ledgers_are_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LedgerError, match="cannot open"):
        BatchLedger(garbage)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    with pytest.raises(LedgerError, match="not a batch ledger"):
        BatchLedger(other)
    future = tmp_path / "future.ledger"
    BatchLedger(future, create=True).close()
    with sqlite3.connect(future) as db:
        db.execute("UPDATE meta SET value = '99' WHERE name = 'format'")
    db.close()
    with pytest.raises(LedgerError, match="format 99"):
        BatchLedger(future)


def test_two_items_with_one_key_are_refused_and_nothing_of_the_group_is_kept(
    tmp_path: Path,
) -> None:
    with BatchLedger(tmp_path / "l", create=True) as ledger:
        ledger.save([r.submit_intent(None, 0, '"same"', now=1.0)])
        with pytest.raises(BatchInputError, match="same id"):
            ledger.save(
                [
                    r.submit_intent(None, 1, '"other"', now=1.0),
                    r.submit_intent(None, 2, '"same"', now=1.0),
                ]
            )
        assert list(ledger.lookup(0, 10)) == [0]


def test_summary_and_results_cover_every_run(tmp_path: Path) -> None:
    with finished_ledger(tmp_path / "l") as ledger:
        summary = ledger.summary()
        assert (summary.submitting, summary.submitted, summary.completed, summary.failed) == (
            1,
            0,
            1,
            1,
        )
        assert summary.recorded == 3
        assert summary.in_flight == 1
        assert summary.endpoint_url == URL
        results = list(ledger.results())
        assert results[0] == ("a", {"echo": "é"})
        key, error = results[1]
        assert key == 1
        assert isinstance(error, InferenceFailedError)
        assert (error.message, error.request_id) == ("boom", "q")


def test_the_results_file_is_replaced_whole_with_one_line_per_finished_item(
    tmp_path: Path,
) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text("stale\n" * 10)
    with finished_ledger(tmp_path / "l") as ledger:
        assert ledger.export_jsonl(out) == 2
        assert ledger.export_jsonl(out) == 2
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"id": "a", "outputs": {"echo": "é"}},
        {
            "id": 1,
            "error": {
                "type": "InferenceFailedError",
                "message": "boom",
                "status_code": None,
                "request_id": "q",
            },
        },
    ]
    assert not (tmp_path / "results.jsonl.partial").exists()


def test_a_closed_ledger_reports_a_ledger_error(tmp_path: Path) -> None:
    ledger = BatchLedger(tmp_path / "l", create=True)
    ledger.close()
    with pytest.raises(LedgerError):
        ledger.summary()
    assert repr(ledger) == f"BatchLedger({str(tmp_path / 'l')!r})"


def test_only_one_run_at_a_time_may_use_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "shared.ledger"
    with BatchLedger(path, create=True) as first:
        first.bind(URL)
        first.bind(URL)  # the same run again
        with BatchLedger(path) as second:
            assert second.summary().recorded == 0  # reading is fine
            with pytest.raises(LedgerError, match="another batch run"):
                second.bind(URL)
    with BatchLedger(path) as later:
        later.bind(URL)
