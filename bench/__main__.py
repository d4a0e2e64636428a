"""`python -m bench [--quick] [--output PATH]`: run everything, write and print RESULTS.md."""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

from bench import analysis, notes, report, runner
from bench.config import FULL, QUICK

_DEFAULT_OUTPUT = pathlib.Path(__file__).with_name("RESULTS.md")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; the exit status is 0 even when targets are missed (see the table)."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds and smaller sizes (< 1 min)"
    )
    parser.add_argument("--output", type=pathlib.Path, default=_DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    mode = QUICK if args.quick else FULL
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s]{message}", file=sys.stderr, flush=True)

    log(f" {mode.name} mode")
    results = runner.run_all(mode, log, analysis.missed_profiles)
    text = report.render(results, notes.findings(results))
    args.output.write_text(text, encoding="utf-8")
    print(text)
    log(f" wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
