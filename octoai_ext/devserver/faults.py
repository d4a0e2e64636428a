"""Fault directives of the development server: parsing and counting, with no I/O.

A request asks for faults with the ``X-OctoAI-Fault`` header, a ``;``-separated list of
``name=value`` directives (see ``docs/devserver.md``). The server honours it only when it was
started with ``--faults``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

__all__ = [
    "FAULT_HEADER",
    "MAX_DELAY",
    "FaultCounter",
    "FaultError",
    "Faults",
    "parse_faults",
]

#: The request header that carries fault directives.
FAULT_HEADER: Final = "X-OctoAI-Fault"
#: Delays and stalls longer than this are refused, so a typo cannot hang a test run.
MAX_DELAY: Final = 60.0

_MALFORMED_KINDS: Final = frozenset({"json", "shape", "sse"})


class FaultError(ValueError):
    """A fault header that cannot be honoured; the message names the bad directive."""

    def __init__(self, directive: str, problem: str) -> None:
        super().__init__(f"fault directive {directive!r}: {problem}")
        self.directive = directive


@dataclass(frozen=True)
class Faults:
    """The parsed directives of one fault header; None means the directive is absent."""

    key: str
    status: int | None = None
    times: int | None = None
    retry_after: str | None = None
    delay: float | None = None
    malformed: str | None = None
    cut_after: int | None = None
    end_after: int | None = None
    error_event_after: int | None = None
    stall_after: int | None = None
    stall: float | None = None
    poll_url_base: str | None = None
    status_override: str | None = None
    cut_upload_after: int | None = None
    tune_fail: str | None = None
    pending: float | None = None

    @property
    def affects_stream(self) -> bool:
        """Whether a directive changes the events of a stream."""
        return any(
            value is not None
            for value in (self.cut_after, self.end_after, self.error_event_after, self.stall_after)
        ) or (self.malformed == "sse")


def _count(directive: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise FaultError(directive, f"{value!r} is not an integer") from None
    if number < 0:
        raise FaultError(directive, "must not be negative")
    return number


def _seconds(directive: str, value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise FaultError(directive, f"{value!r} is not a number of seconds") from None
    if not 0 <= number <= MAX_DELAY:
        raise FaultError(directive, f"must be between 0 and {MAX_DELAY:g} seconds")
    return number


def _status(directive: str, value: str) -> int:
    code = _count(directive, value)
    # A 1xx status cannot end an HTTP/1.1 exchange, so the range starts at 200.
    if not 200 <= code <= 599:
        raise FaultError(directive, "must be an HTTP status between 200 and 599")
    return code


def _malformed(directive: str, value: str) -> str:
    if value not in _MALFORMED_KINDS:
        raise FaultError(directive, f"must be one of {', '.join(sorted(_MALFORMED_KINDS))}")
    return value


def _text(directive: str, value: str) -> str:
    if not value:
        raise FaultError(directive, "needs a value")
    return value


def _url(directive: str, value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise FaultError(directive, "must be an http:// or https:// URL")
    return value.rstrip("/")


_PARSERS: Final[dict[str, tuple[str, Callable[[str, str], object]]]] = {
    "status": ("status", _status),
    "times": ("times", _count),
    "key": ("key", _text),
    "retry-after": ("retry_after", _text),
    "delay": ("delay", _seconds),
    "malformed": ("malformed", _malformed),
    "cut-after": ("cut_after", _count),
    "end-after": ("end_after", _count),
    "error-event-after": ("error_event_after", _count),
    "stall-after": ("stall_after", _count),
    "stall": ("stall", _seconds),
    "poll-url-base": ("poll_url_base", _url),
    "status-override": ("status_override", _text),
    "cut-upload-after": ("cut_upload_after", _count),
    "tune-fail": ("tune_fail", _text),
    "pending": ("pending", _seconds),
}


def parse_faults(header: str) -> Faults:
    """Parse a fault header.

    Args:
        header: The header value, for example ``"status=503;times=2;retry-after=1"``.

    Returns:
        The directives; ``key`` defaults to the whole header value.

    Raises:
        FaultError: A directive is unknown, repeated, has no ``=`` or has a bad value.
    """
    fields: dict[str, object] = {}
    for raw in header.split(";"):
        item = raw.strip()
        if not item:
            continue
        name, sep, value = item.partition("=")
        name, value = name.strip().lower(), value.strip()
        if name not in _PARSERS:
            raise FaultError(name, "unknown directive")
        if not sep:
            raise FaultError(name, "needs a value (name=value)")
        attribute, parse = _PARSERS[name]
        if attribute in fields:
            raise FaultError(name, "given twice")
        fields[attribute] = parse(name, value)
    if "stall_after" in fields and "stall" not in fields:
        raise FaultError("stall-after", "needs stall=<seconds> as well")
    fields.setdefault("key", header.strip())
    return Faults(**fields)  # type: ignore[arg-type]


class FaultCounter:
    """Counts requests per fault key, to honour ``times=N``."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._lock = threading.Lock()

    def applies(self, faults: Faults) -> bool:
        """Count this request and say whether its directives apply to it.

        Without ``times`` every request is affected; with ``times=N`` only the first N
        requests that carry the same key.
        """
        with self._lock:
            seen = self._seen.get(faults.key, 0) + 1
            self._seen[faults.key] = seen
        return faults.times is None or seen <= faults.times
