"""Batch calls that must NOT type-check (see `tests/test_typing.py`). It is never run."""

from __future__ import annotations

from octoai_ext import AsyncOctoAI, OctoAI


def batch(client: OctoAI, aclient: AsyncOctoAI) -> None:
    client.batch("u", [{}])  # expect-error: call-arg
    client.batch("u", [{}], ledger="l", mode="threads")  # expect-error: arg-type
    client.batch("u", [{}], ledger="l", concurency=4)  # expect-error: call-arg
    client.batch("u", [{}], "l")  # expect-error: call-arg
    for _ in aclient.batch("u", [{}], ledger="l"):  # expect-error: attr-defined
        pass
