"""InferenceFuture is a small value that survives storage and comes back intact."""

from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from octoai_ext import InferenceFuture, OctoAIClientError
from tests.strategies import short_text


@given(response_id=short_text, poll_url=short_text, endpoint_url=st.none() | short_text)
def test_round_trips(response_id: str, poll_url: str, endpoint_url: str | None) -> None:
    future = InferenceFuture(response_id, poll_url, endpoint_url)
    assert InferenceFuture.from_dict(future.to_dict()) == future
    assert InferenceFuture.from_json(future.to_json()) == future
    assert pickle.loads(pickle.dumps(future)) == future  # noqa: S301 (our own bytes)


def test_reads_the_service_answer() -> None:
    answer = {
        "response_id": "778bbfd58c-hz95k",
        "poll_url": "https://async.octoai.run/v1/requests/778bbfd58c-hz95k",
    }
    future = InferenceFuture.from_json(json.dumps(answer))
    assert future.response_id == "778bbfd58c-hz95k"
    assert future.to_dict() == answer
    assert hash(future) == hash(InferenceFuture.from_dict(answer))


@pytest.mark.parametrize(
    "bad",
    [
        "not json",
        "[]",
        '{"poll_url": "x"}',
        '{"response_id": "x"}',
        '{"response_id": "", "poll_url": "x"}',
        '{"response_id": 5, "poll_url": "x"}',
    ],
)
def test_bad_stored_futures_raise_clearly(bad: str) -> None:
    with pytest.raises(OctoAIClientError):
        InferenceFuture.from_json(bad)


def test_is_immutable() -> None:
    future = InferenceFuture("a", "b")
    with pytest.raises(AttributeError):
        future.response_id = "c"  # type: ignore[misc]
