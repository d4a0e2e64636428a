"""Fail when requirements/lock.txt no longer satisfies pyproject.toml and requirements/tools.in.

    python scripts/check_lock.py     # run by `make setup` after installing the lock

The lock pins every package of the development environment to one version. A requirement that
is added to pyproject.toml, or a range that is narrowed there, without `make lock` would make
the next install either miss that package or keep a version the project no longer accepts:
this check names each such requirement. (Whether the pinned packages' own requirements are met
is what `uv pip check` answers.)
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
TOOLS = ROOT / "requirements" / "tools.in"
LOCK = ROOT / "requirements" / "lock.txt"

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)")


def declared(pyproject: Mapping[str, Any], tools_text: str) -> list[Requirement]:
    """Every requirement the lock must satisfy: runtime, every extra, build system and tools."""
    project = pyproject.get("project", {})
    build = pyproject.get("build-system", {})
    texts: list[str] = [*project.get("dependencies", []), *build.get("requires", [])]
    for extra in project.get("optional-dependencies", {}).values():
        texts.extend(extra)
    for line in tools_text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            texts.append(line)
    return [Requirement(text) for text in texts]


def pins(lock_text: str) -> dict[str, Version]:
    """The ``name==version`` lines of a lock, by canonical name."""
    found: dict[str, Version] = {}
    for line in lock_text.splitlines():
        match = _PIN.match(line)
        if match:
            found[canonicalize_name(match[1])] = Version(match[2])
    return found


def problems(requirements: Iterable[Requirement], pinned: Mapping[str, Version]) -> list[str]:
    """One line per requirement the pins do not satisfy (empty when the lock is current)."""
    found: list[str] = []
    for requirement in requirements:
        name = canonicalize_name(requirement.name)
        version = pinned.get(name)
        if version is None:
            found.append(f"{requirement} is not pinned")
        elif not requirement.specifier.contains(version, prereleases=True):
            found.append(f"{requirement} is pinned at {version}")
    return found


def main() -> int:
    with PYPROJECT.open("rb") as stream:
        pyproject = tomllib.load(stream)
    requirements = declared(pyproject, TOOLS.read_text(encoding="utf-8"))
    found = problems(requirements, pins(LOCK.read_text(encoding="utf-8")))
    if found:
        lock = LOCK.relative_to(ROOT)
        print(f"{lock} does not match pyproject.toml and {TOOLS.relative_to(ROOT)}:")
        print("\n".join(f"  {line}" for line in found))
        print(f"run `make lock UPGRADE=` to update {lock} and commit it")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
