"""Misuses of the public API fail `mypy --strict`, each with the expected error on its line.

`tests/typing/api.py` pins what must type-check (it is part of `make lint`); the files in
`tests/typing/misuse/` pin what must not: a misspelt constructor option or per-call option, a
positional argument where the API is keyword-only, an option of the wrong type.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

MISUSE = Path(__file__).parent / "typing" / "misuse"
_EXPECT = re.compile(r"#\s*expect-error:\s*([\w, -]+)$")
_ERROR = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[\w-]+)\]$")


def expected_errors(path: Path) -> set[tuple[int, str]]:
    expected = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _EXPECT.search(line)
        if match:
            expected |= {(number, code.strip()) for code in match.group(1).split(",")}
    return expected


@pytest.mark.parametrize("path", sorted(MISUSE.glob("*.py")), ids=lambda p: p.name)
def test_misuse_is_rejected_by_mypy_strict(path: Path) -> None:
    expected = expected_errors(path)
    assert expected, f"{path.name} marks no expected error"
    stdout, stderr, _ = mypy_api.run(
        ["--strict", "--no-error-summary", "--show-error-codes", "--hide-error-context", str(path)]
    )
    found = set()
    for line in stdout.splitlines():
        match = _ERROR.match(line)
        if match and Path(match["path"]).name == path.name:
            found.add((int(match["line"]), match["code"]))
    assert found == expected, (
        f"missing: {sorted(expected - found)}; unexpected: {sorted(found - expected)}\n"
        f"{stdout}{stderr}"
    )
