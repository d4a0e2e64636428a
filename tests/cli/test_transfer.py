"""The upload byte bar, drawn into a string with a clock the test sets."""

from __future__ import annotations

import io

from octoai_ext.cli._console import Console
from octoai_ext.cli._transfer import TransferBar

MIB = 1024 * 1024
CLEAR = "\r\x1b[K"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def bar(
    *, interactive: bool = True, label: str = "upload w", columns: int = 80
) -> tuple[TransferBar, io.StringIO, Clock]:
    stream, clock = io.StringIO(), Clock()
    console = Console(stream, interactive=interactive)
    return TransferBar(console, label, clock=clock, columns=columns), stream, clock


def drawn(stream: io.StringIO) -> list[str]:
    return [line for line in stream.getvalue().split(CLEAR) if line]


def test_the_bar_shows_bytes_percent_and_rate() -> None:
    progress, stream, clock = bar()
    clock.now += 2
    progress.update(4 * MIB, 16 * MIB)
    assert drawn(stream) == ["upload w [#####...............] 4.0 MiB / 16.0 MiB   25%  2.0 MiB/s"]


def test_redraws_are_spaced_but_the_last_one_always_comes() -> None:
    progress, stream, clock = bar()
    clock.now += 1
    for sent in range(1, 16):
        progress.update(sent * MIB, 16 * MIB)  # no time passes between these
    progress.update(16 * MIB, 16 * MIB)
    lines = drawn(stream)
    assert len(lines) == 2
    assert "1.0 MiB / 16.0 MiB" in lines[0]
    assert "16.0 MiB / 16.0 MiB  100%  16.0 MiB/s" in lines[1]
    clock.now += 0.2
    progress.update(16 * MIB, 16 * MIB)
    assert len(drawn(stream)) == 3


def test_a_retry_from_the_first_byte_restarts_the_rate() -> None:
    progress, stream, clock = bar()
    clock.now += 10
    progress.update(8 * MIB, 16 * MIB)
    clock.now += 1
    progress.update(1 * MIB, 16 * MIB)  # the library sends the file again
    clock.now += 1
    progress.update(3 * MIB, 16 * MIB)
    assert drawn(stream)[-1].endswith("3.0 MiB/s")
    assert progress.sent == 3 * MIB


def test_a_long_label_is_shortened_to_fit_the_terminal() -> None:
    progress, stream, clock = bar(label="upload " + "n" * 200, columns=72)
    clock.now += 1
    progress.update(MIB, 2 * MIB)
    (line,) = drawn(stream)
    assert len(line) < 72
    assert line.startswith("upload nnn")
    assert "...  [" not in line
    assert "... [" in line


def test_nothing_is_drawn_off_a_terminal_but_bytes_are_counted() -> None:
    progress, stream, _ = bar(interactive=False)
    with progress:
        progress.update(MIB, MIB)
    assert stream.getvalue() == ""
    assert progress.sent == MIB


def test_closing_clears_the_bar() -> None:
    progress, stream, _ = bar()
    with progress:
        progress.update(0, 0)
    assert "[####################] 0 B / 0 B  100%  -" in stream.getvalue()
    assert stream.getvalue().endswith(CLEAR)
