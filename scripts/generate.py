"""Regenerate the Python client in generated/octoai_api from openapi.yaml, or check it for drift.

    python scripts/generate.py            # regenerate, replacing the committed tree
    python scripts/generate.py --check    # regenerate into a temporary directory and diff
    python scripts/generate.py --spec S --out D   # generate from another spec into D

Generation always happens in a fresh temporary directory, so no stale file survives a
regeneration, and the post hooks run the pinned ruff from this interpreter's environment.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ruff import find_ruff_bin

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator-config.yaml"
TARGET = ROOT / "generated" / "octoai_api"


def generate_into(out: Path, spec: Path = SPEC) -> None:
    """Run the pinned generator on `spec`, writing the package to `out` (which must not exist)."""
    # Both tools are found through this interpreter's own installation, wherever its scripts
    # live: the generator runs as a module, and the directory of the ruff binary that the
    # installed ruff package names goes first on PATH for the generator's post hooks.
    ruff_dir = Path(find_ruff_bin()).parent
    env = dict(os.environ, PATH=f"{ruff_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    env["RUFF_NO_CACHE"] = "true"
    cmd = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--output-path",
        str(out),
        "--fail-on-warning",
    ]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (out / "__init__.py").exists():
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"generation failed (exit {result.returncode})")


def tree(root: Path) -> dict[str, bytes]:
    """Every file below `root`, by relative path, with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def diff_trees(expected: Path, actual: Path) -> list[str]:
    """A readable list of differences between two generated trees (empty when identical)."""
    want, have = tree(expected), tree(actual)
    problems: list[str] = []
    for name in sorted(want.keys() | have.keys()):
        if name not in have:
            problems.append(f"missing from {actual}: {name}")
        elif name not in want:
            problems.append(f"not generated (stale?): {name}")
        elif want[name] != have[name]:
            problems.extend(
                difflib.unified_diff(
                    want[name].decode(errors="replace").splitlines(),
                    have[name].decode(errors="replace").splitlines(),
                    f"generated/{name} (fresh)",
                    f"generated/{name} (committed)",
                    lineterm="",
                )
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated/ is out of date")
    parser.add_argument("--spec", type=Path, default=SPEC)
    parser.add_argument("--out", type=Path, default=None, help="write here instead of generated/")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="octoai-gen-") as tmp:
        fresh = Path(tmp) / "octoai_api"
        generate_into(fresh, args.spec)
        if args.check:
            problems = diff_trees(fresh, TARGET)
            if problems:
                print("\n".join(problems[:400]))
                print("\ngenerated/octoai_api is out of date: run `make generate` and commit it.")
                return 1
            print("generated/octoai_api matches openapi.yaml")
            return 0
        target = args.out or TARGET
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, target)
        print(f"generated {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
