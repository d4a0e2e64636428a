"""The exact package versions and the machine a run measured."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
import sys

_PACKAGES = (
    "octoai-ext",
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "attrs",
    "openai",
    "httpx2",
    "httpcore2",
    "pydantic",
    "octoai",
    "httpx-sse",
)


def versions() -> dict[str, str]:
    """Python and the installed version of every package that takes part."""
    found = {"python": platform.python_version() + f" ({platform.python_implementation()})"}
    for name in _PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    found["octoai-ext"] += _git_revision()
    return found


def _git_revision() -> str:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        head = subprocess.run(
            ["git", "-C", root, "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "-C",
                root,
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                "octoai_ext",
            ],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return f" (git {head}{', octoai_ext modified' if dirty else ''})"


def machine() -> dict[str, str]:
    """CPU count and model, kernel and the load when asked."""
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "load": " / ".join(f"{value:.2f}" for value in load),
        "executable": sys.executable,
    }
