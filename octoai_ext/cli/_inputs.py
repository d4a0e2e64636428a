r"""Reading what the user passes: inference inputs, stored futures and URLs.

Inputs follow httpie's convention, so that a value is never guessed to be something else:

    key=value      the string "value" (always a string, even "42" or "true")
    key:=json      the JSON value: key:=42, key:=true, key:='{"a": [1, 2]}'
    key=@path      the bytes of a file, sent base64-encoded (audio, images); @- reads stdin
    key:=@path     the JSON value stored in a file
    key=\@text     the string "@text" (a backslash keeps a leading @ literal)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO, TextIO
from urllib.parse import urlsplit

from .. import InferenceFuture, OctoAIClientError
from ._exits import usage_error

__all__ = ["InputReader", "parse_future", "parse_headers", "require_http_url"]

_STDIN = "-"
# Characters allowed in a header name besides letters and digits (RFC 9110 tokens).
_TOKEN_CHARS = frozenset("!#$%&'*+-.^_`|~")


class InputReader:
    """Reads inputs and stored futures from arguments, files and standard input.

    Args:
        stdin: Standard input as text; its binary buffer is used for ``key=@-``.
    """

    def __init__(self, stdin: TextIO) -> None:
        self._stdin = stdin
        self._stdin_used_by: str | None = None

    def prompt(self, text: str) -> str:
        """The prompt argument, or standard input when it is ``-``.

        Raises:
            CliError: The prompt is empty.
        """
        if text == _STDIN:
            self._claim_stdin("the prompt")
            text = self._stdin.read().rstrip("\n")
        if not text.strip():
            raise usage_error("the prompt is empty")
        return text

    def inputs(self, items: Iterable[str], input_file: str | None) -> dict[str, Any]:
        """The inputs object: the JSON file first, then each ``--input`` item on top.

        Raises:
            CliError: A malformed item, an unreadable file or JSON that is not an object.
        """
        inputs: dict[str, Any] = {}
        if input_file is not None:
            loaded = self._json(self._read_text(input_file), _describe(input_file))
            if not isinstance(loaded, Mapping):
                raise usage_error(f"{_describe(input_file)} must hold a JSON object of inputs")
            inputs.update(loaded)
        for item in items:
            key, value = self.input_item(item)
            inputs[key] = value
        return inputs

    def input_item(self, item: str) -> tuple[str, Any]:
        """Parse one ``--input`` item into its key and value.

        Raises:
            CliError: The item has no ``=``, an empty key, bad JSON or an unreadable file.
        """
        key, sep, value = item.partition("=")
        if not sep:
            raise usage_error(f"--input {item!r}: expected key=value, key:=json or key=@file")
        as_json = key.endswith(":")
        if as_json:
            key = key[:-1]
        if not key:
            raise usage_error(f"--input {item!r}: the key is empty")
        if as_json:
            if value.startswith("@"):
                return key, self._json(self._read_text(value[1:]), _describe(value[1:]))
            return key, self._json(value, f"--input {key}:=")
        if value.startswith("@"):
            return key, self._read_bytes(value[1:])
        if value.startswith("\\@"):
            return key, value[1:]
        return key, value

    def future(self, reference: str) -> InferenceFuture | str:
        """A stored future from a file, ``-`` (stdin) or inline JSON; otherwise the bare id.

        Returns:
            The future, or the argument itself when it names no file and is not JSON: a
            response id, for `OctoAI.get_future`.

        Raises:
            CliError: The file cannot be read or does not hold a stored future.
        """
        if reference == _STDIN:
            return parse_future(self._read_text(_STDIN), "standard input")
        if reference.lstrip().startswith("{"):
            return parse_future(reference, "the argument")
        path = Path(reference)
        if path.is_file():
            return parse_future(self._read_text(reference), reference)
        if "/" in reference or reference.endswith(".json"):
            raise usage_error(f"{reference}: no such file (pass a future file or a response id)")
        if not reference.strip():
            raise usage_error("the response id is empty")
        return reference

    def _claim_stdin(self, use: str) -> None:
        if self._stdin_used_by is not None:
            raise usage_error(
                f"standard input can be read only once ({self._stdin_used_by} and {use})"
            )
        self._stdin_used_by = use

    def _read_text(self, name: str) -> str:
        if name == _STDIN:
            self._claim_stdin("a JSON value")
            return self._stdin.read()
        try:
            return Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise usage_error(f"cannot read {name}: {_reason(exc)}") from None

    def _read_bytes(self, name: str) -> bytes:
        if name == _STDIN:
            self._claim_stdin("a file input")
            buffer: BinaryIO = self._stdin.buffer
            return buffer.read()
        try:
            return Path(name).read_bytes()
        except OSError as exc:
            raise usage_error(f"cannot read {name}: {_reason(exc)}") from None

    @staticmethod
    def _json(text: str, where: str) -> Any:
        try:
            return json.loads(text)
        except ValueError as exc:
            raise usage_error(f"{where}: not valid JSON ({exc})") from None


def parse_future(text: str, where: str) -> InferenceFuture:
    """Read a future stored by ``octoai infer --async`` (or `InferenceFuture.to_json`).

    Raises:
        CliError: The text is not a stored future.
    """
    try:
        return InferenceFuture.from_json(text)
    except OctoAIClientError as exc:
        raise usage_error(f"{where} does not hold a stored future: {exc.message}") from None


def require_http_url(url: str, what: str) -> str:
    """Check that `url` is an absolute http(s) URL.

    Raises:
        CliError: It is not.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise usage_error(f"{what} must be an absolute http(s) URL, not {url!r}")
    return url


def parse_headers(items: Iterable[str]) -> dict[str, str] | None:
    """Extra request headers from ``Name: value`` items; None when there are none.

    Raises:
        CliError: An item is malformed, or names ``Authorization`` (the token comes from
            the environment only, so that it never lands in shell history).
    """
    headers: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition(":")
        name = name.strip()
        if not sep or not name or not all(c.isalnum() or c in _TOKEN_CHARS for c in name):
            raise usage_error(f"--header {item!r}: expected 'Name: value'")
        if name.lower() == "authorization":
            raise usage_error(
                "--header Authorization is refused: the token is read from OCTOAI_TOKEN only"
            )
        headers[name] = value.strip()
    return headers or None


def _describe(name: str) -> str:
    return "standard input" if name == _STDIN else name


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
