"""The flows a batch job runs: queue an item, run it synchronously, or check its future.

Each is the client's own flow (`_inference`, `_polling`) with the batch's options and deadline,
so retries, token scope and errors are those of single calls. One difference: a 429 answer ends
the job at once with `Throttled` instead of being retried inside it, because throttling is the
scheduler's business (it slows the whole batch down) and never an item's failure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from .. import _inference, _polling
from .._flows import Deadline, Flow, Outcome
from .._futures import AsyncStatus
from .work import Checked, Job, JobKind, Throttled

if TYPE_CHECKING:
    from .._core import CallOptions, ClientCore

__all__ = ["flow_for"]

T = TypeVar("T")


def _throttled(flow: Flow[T]) -> Flow[T]:
    """Run `flow`, but end it with `Throttled` at the first 429 answer."""
    outcome: Outcome = None
    try:
        while True:
            try:
                step = flow.send(outcome)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]
            outcome = yield step
            if type(outcome) is httpx.Response and outcome.status_code == 429:
                raise Throttled(outcome.headers.get("retry-after"))
    finally:
        flow.close()


def _check(
    core: ClientCore, job: Job, options: CallOptions, deadline: Deadline | None, endpoint: str
) -> Flow[Checked]:
    record = job.work.record
    if record is None:
        raise TypeError("a check job needs the item's record")
    future = record.future(endpoint)
    poll = yield from _polling.status(core, future, options, deadline)
    if poll.status is AsyncStatus.COMPLETED and poll.response_url is not None:
        outputs = yield from _polling.fetch_result(
            core, future, poll.response_url, options, deadline
        )
        return Checked(outputs)
    return Checked(error=poll.failure())


def flow_for(
    core: ClientCore,
    job: Job,
    endpoint_url: str,
    options: CallOptions,
    deadline: Deadline | None,
) -> Flow[Any]:
    """The flow that does `job`; its value (or exception) goes to `Scheduler.complete`."""
    inputs: Mapping[str, Any] = job.work.inputs or {}
    if job.kind is JobKind.SUBMIT:
        return _throttled(_inference.queue(core, endpoint_url, inputs, options, deadline))
    if job.kind is JobKind.INFER:
        return _throttled(_inference.run(core, endpoint_url, inputs, options, deadline))
    return _throttled(_check(core, job, options, deadline, endpoint_url))
