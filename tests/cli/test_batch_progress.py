"""The live line of ``octoai batch run``, drawn from made-up progress reports."""

from __future__ import annotations

import io

from octoai_ext import BatchProgress
from octoai_ext.cli._batch_progress import BatchProgressLine, describe
from octoai_ext.cli._console import Console


def progress(**changes: object) -> BatchProgress:
    fields: dict[str, object] = {
        "submitted": 40,
        "running": 30,
        "done": 8,
        "failed": 2,
        "resubmitted": 0,
        "skipped": 0,
        "throttled": 0,
        "concurrency": 100,
        "rate": 5.0,
        "elapsed": 2.0,
    }
    return BatchProgress(**{**fields, **changes})  # type: ignore[arg-type]


def test_counts_rate_and_eta_against_the_total() -> None:
    text = describe(progress(), 100)
    assert text == "10/100 done, 2 failed, 30 running, 40 submitted, 5.0/s, ETA 18 s"


def test_items_finished_earlier_count_as_done_and_the_eta_reads_in_minutes_and_hours() -> None:
    assert "ETA 2 min 40 s" in describe(progress(skipped=190, rate=0.5), 280)
    assert "ETA 2 h 46 min" in describe(progress(rate=1.0), 10_010)
    assert describe(progress(), None).startswith("10 done,")
    assert "ETA" not in describe(progress(rate=0.0), 100)


def test_resubmissions_and_throttling_are_shown_only_when_they_happen() -> None:
    quiet = describe(progress(), 100)
    assert "resubmitted" not in quiet
    assert "throttled" not in quiet
    busy = describe(progress(resubmitted=3, throttled=12, concurrency=25), 100)
    assert ", 3 resubmitted, throttled 12x (concurrency 25)," in busy


def test_the_line_is_drawn_and_removed_only_on_a_terminal() -> None:
    terminal = io.StringIO()
    with BatchProgressLine(Console(terminal, interactive=True), 100) as line:
        line.update(progress())
    assert "10/100 done" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")
    piped = io.StringIO()
    with BatchProgressLine(Console(piped, interactive=False), 100) as line:
        line.update(progress())
    assert piped.getvalue() == ""
