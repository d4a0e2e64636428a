"""The typed keyword arguments of the text methods name exactly the spec's request fields."""

from __future__ import annotations

from octoai_ext._generated import CHAT_REQUEST_FIELDS, COMPLETION_REQUEST_FIELDS
from octoai_ext._types import BodyOptions, ChatParams, CompletionParams

# Passed as positional-style keywords or set by the method itself, not through **params.
_OWN_ARGUMENTS = {"model", "messages", "prompt", "stream"}


def _body_keys(params: type) -> set[str]:
    return set(params.__optional_keys__) - set(BodyOptions.__optional_keys__)


def test_chat_params_are_the_chat_request_fields() -> None:
    assert _body_keys(ChatParams) == CHAT_REQUEST_FIELDS - _OWN_ARGUMENTS


def test_completion_params_are_the_completion_request_fields() -> None:
    assert _body_keys(CompletionParams) == COMPLETION_REQUEST_FIELDS - _OWN_ARGUMENTS
