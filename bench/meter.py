"""Memory figures of the running process, read from ``/proc/self/status`` (Linux only)."""

from __future__ import annotations


def rss_kib(field: str) -> int:
    """The process's `field` of ``/proc/self/status`` in KiB: ``VmHWM`` (peak RSS) or ``VmRSS``."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")
