"""Markdown building blocks shared by the report's tables."""

from __future__ import annotations

from collections.abc import Sequence

from bench.analysis import Figure


def ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def num(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}{unit}"


def cell(fig: Figure, unit: str, digits: int = 1) -> str:
    if fig.value is None:
        return "-" if fig.note in ("", "not measured") else f"n/a ({fig.note})"
    if fig.ratio is None:
        return num(fig.value, unit, digits)
    return f"{ratio(fig.ratio)} ({num(fig.value, unit, digits)})"


def span(fig: Figure) -> str:
    if fig.low is None or fig.high is None:
        return "-"
    return f"{fig.low:.2f}-{fig.high:.2f}"


def spread_text(seen: tuple[float, float] | None) -> str:
    if seen is None:
        return "-"
    low, high = seen
    return "none" if low == high else f"{(high - low) / low:.3%}"


def verdict(passed: bool | None) -> str:
    return {True: "pass", False: "**MISS**", None: "not measured"}[passed]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
