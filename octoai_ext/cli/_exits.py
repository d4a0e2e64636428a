"""Exit codes of the command line and the errors that carry them."""

from __future__ import annotations

import enum

from .. import InferenceFailedError, OctoAIError, OctoAITimeoutError

__all__ = ["CliError", "ExitCode", "describe", "exit_code_for", "usage_error"]


class ExitCode(enum.IntEnum):
    """What the exit status of ``octoai`` means."""

    OK = 0
    #: The service refused or failed the request, could not be reached, or the inference failed.
    API_ERROR = 1
    #: Bad arguments, unreadable input files, no token or a bad base URL; nothing was sent.
    USAGE = 2
    #: ``future result`` without ``--wait``: the inference is still pending or running.
    NOT_READY = 3
    #: A timeout ran out: a request, ``--wait --timeout`` or ``health --timeout``.
    TIMEOUT = 4
    #: ``batch run`` finished, but some items failed (their errors are in the results file).
    ITEMS_FAILED = 5
    #: Interrupted with Ctrl-C (128 + SIGINT, as shells report it).
    INTERRUPTED = 130
    #: Standard output was closed early (128 + SIGPIPE), as in ``octoai models | head -1``.
    BROKEN_PIPE = 141


class CliError(Exception):
    """A failure the command line reports as one line, with its own exit code."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.code = code


def usage_error(message: str) -> CliError:
    """A usage error (exit code 2): bad arguments or unreadable input; nothing was sent."""
    return CliError(message, ExitCode.USAGE)


def exit_code_for(exc: OctoAIError) -> ExitCode:
    """The exit code for an exception of the client library."""
    if isinstance(exc, OctoAITimeoutError):
        return ExitCode.TIMEOUT
    return ExitCode.API_ERROR


def describe(exc: OctoAIError) -> str:
    """The one-line message for an exception of the client library.

    `str()` already gives the status, the server's message and the request id, never the
    token. An error found after a successful answer (a failed inference reported by its
    status poll, a stream that broke) carries that answer's 2xx status, which would read as
    if the request had succeeded, so the status is left out of those lines.
    """
    if exc.status_code is None or not 200 <= exc.status_code < 300:
        return str(exc)
    text = exc.message
    if isinstance(exc, InferenceFailedError):
        text = f"inference failed: {text}"
    return f"{text} (request id {exc.request_id})" if exc.request_id else text
