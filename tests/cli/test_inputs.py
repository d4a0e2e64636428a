"""The input, header and future syntax of the command line, without a server."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from octoai_ext import InferenceFuture
from octoai_ext.cli._exits import CliError, ExitCode
from octoai_ext.cli._inputs import InputReader, parse_headers
from tests.strategies import input_keys, json_values


def reader(stdin: bytes = b"") -> InputReader:
    return InputReader(io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))


@given(key=input_keys, value=st.text().filter(lambda v: not v.startswith(("@", "\\@"))))
def test_key_equals_value_is_always_the_string(key: str, value: str) -> None:
    assert reader().input_item(f"{key}={value}") == (key, value)


@given(key=input_keys, value=json_values)
def test_key_colon_equals_json_is_the_json_value(key: str, value: Any) -> None:
    assert reader().input_item(f"{key}:={json.dumps(value)}") == (key, value)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("n=42", ("n", "42")),
        ("flag=true", ("flag", "true")),
        ("n:=42", ("n", 42)),
        ("flag:=true", ("flag", True)),
        ("x:=null", ("x", None)),
        ("eq=a=b", ("eq", "a=b")),
        ("handle=\\@octo", ("handle", "@octo")),
        ("empty=", ("empty", "")),
    ],
)
def test_examples(item: str, expected: tuple[str, Any]) -> None:
    assert reader().input_item(item) == expected


def test_files_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00\x01")
    (tmp_path / "v.json").write_text('{"k": [1]}')
    assert reader().input_item(f"a=@{tmp_path / 'a.bin'}") == ("a", b"\x00\x01")
    assert reader().input_item(f"v:=@{tmp_path / 'v.json'}") == ("v", {"k": [1]})
    assert reader(b"\xffraw").input_item("a=@-") == ("a", b"\xffraw")
    assert reader(b"[1, 2]").input_item("v:=@-") == ("v", [1, 2])


def test_input_file_then_items_on_top(tmp_path: Path) -> None:
    path = tmp_path / "inputs.json"
    path.write_text('{"a": 1, "b": 2}')
    assert reader().inputs(["b:=3", "c=x"], str(path)) == {"a": 1, "b": 3, "c": "x"}
    assert reader(b'{"z": true}').inputs([], "-") == {"z": True}
    assert reader().inputs([], None) == {}


@pytest.mark.parametrize(
    ("items", "input_file", "stdin", "message"),
    [
        (["novalue"], None, b"", "expected key=value"),
        ([":=1"], None, b"", "the key is empty"),
        (["n:={"], None, b"", "not valid JSON"),
        (["a=@-", "b=@-"], None, b"x", "only once"),
        ([], "-", b"[1]", "must hold a JSON object"),
        ([], "/no/such/file.json", b"", "cannot read /no/such/file.json"),
    ],
)
def test_bad_inputs_are_usage_errors(
    items: list[str], input_file: str | None, stdin: bytes, message: str
) -> None:
    with pytest.raises(CliError) as info:
        reader(stdin).inputs(items, input_file)
    assert info.value.code is ExitCode.USAGE
    assert message in str(info.value)


def test_headers() -> None:
    assert parse_headers([]) is None
    assert parse_headers(["X-A: 1", "X-B:two words "]) == {"X-A": "1", "X-B": "two words"}
    for bad in ("no colon", ": value", "Bad Name: x", "authorization: Bearer x"):
        with pytest.raises(CliError) as info:
            parse_headers([bad])
        assert info.value.code is ExitCode.USAGE


def test_future_references(tmp_path: Path) -> None:
    future = InferenceFuture("abc", "http://127.0.0.1:1/v1/requests/abc", "http://127.0.0.1:1/e")
    path = tmp_path / "future.json"
    path.write_text(future.to_json())
    assert reader().future(str(path)) == future
    assert reader(future.to_json().encode()).future("-") == future
    assert reader().future(future.to_json()) == future
    assert reader().future("abc") == "abc"
    for bad in ("missing/future.json", "future.json", "{}", "{not json"):
        with pytest.raises(CliError):
            reader().future(bad)


def test_prompt() -> None:
    assert reader().prompt("hi") == "hi"
    assert reader(b"from stdin\n\n").prompt("-") == "from stdin"
    with pytest.raises(CliError):
        reader(b"  \n").prompt("-")
