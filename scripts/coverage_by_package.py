"""Print the last test run's coverage per part of octoai_ext: the client core, cli, devserver.

    python scripts/coverage_by_package.py    # after `coverage run` and `coverage combine`

`coverage report` lists files and checks the one gate on the whole package; this adds the
totals per part, so a part that falls behind shows even while the whole stays above the gate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import coverage
from coverage.exceptions import NoDataError

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "octoai_ext"
#: Subpackages reported on their own; every other module of octoai_ext is the core.
PARTS = ("cli", "devserver")


def part_of(path: Path) -> str:
    """The report line a measured file counts towards."""
    relative = path.resolve().relative_to(PACKAGE)
    if len(relative.parts) > 1 and relative.parts[0] in PARTS:
        return f"octoai_ext.{relative.parts[0]}"
    return "octoai_ext (core)"


def main() -> int:
    cov = coverage.Coverage()
    cov.load()
    totals: dict[str, list[int]] = {}
    try:
        files = cov.get_data().measured_files()
    except NoDataError:
        files = set()
    for filename in sorted(files):
        path = Path(filename)
        if not path.resolve().is_relative_to(PACKAGE):
            continue
        _, statements, _, missing, _ = cov.analysis2(filename)
        counts = totals.setdefault(part_of(path), [0, 0])
        counts[0] += len(statements)
        counts[1] += len(missing)
    if not totals:
        print("no coverage data: run the tests first (make pytest)", file=sys.stderr)
        return 1
    whole = [sum(counts[0] for counts in totals.values()), sum(c[1] for c in totals.values())]
    print(f"{'part':<24}{'stmts':>7}{'miss':>7}{'cover':>8}")
    for name, (statements, missing) in [*sorted(totals.items()), ("octoai_ext", whole)]:
        percent = 100.0 * (statements - missing) / statements if statements else 100.0
        print(f"{name:<24}{statements:>7}{missing:>7}{percent:>7.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
