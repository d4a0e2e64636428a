"""docs/cli.md documents every command, every option and every exit code the parser has."""

from __future__ import annotations

import argparse
from pathlib import Path

from octoai_ext.cli._exits import ExitCode
from octoai_ext.cli._parser import build_parser

DOCS = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")


def commands(
    parser: argparse.ArgumentParser, prefix: str = "octoai"
) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[f"{prefix} {name}"] = sub
                found.update(commands(sub, f"{prefix} {name}"))
    return found


def test_every_command_has_a_section_and_an_example() -> None:
    found = commands(build_parser())
    assert {"octoai chat", "octoai infer", "octoai future status", "octoai health"} <= set(found)
    for name in found:
        top = " ".join(name.split()[:2])
        assert f"### `{top}`" in DOCS, name
        assert f"\n{name} " in DOCS or f"\n{name}\n" in DOCS, f"no example of {name}"


def test_every_option_is_documented() -> None:
    for name, parser in commands(build_parser()).items():
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in DOCS, f"{name} {option}"


def test_every_exit_code_is_documented() -> None:
    for code in ExitCode:
        assert f"| {int(code)} |" in DOCS, code
