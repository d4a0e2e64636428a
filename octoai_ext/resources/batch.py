"""Batch inference results: `Batch` (from `OctoAI.batch`) and its asyncio twin `AsyncBatch`.

Both run the same `BatchRun` (scheduler, ledger, input). `Batch` drives one job at a time on
the calling thread, sleeping until the next poll is due; `AsyncBatch` starts every job the
scheduler offers at once, each in a task over the client's one connection pool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from .._batch.ledger import BatchLedger
from .._batch.run import BatchRun
from .._batch.work import Result
from .._closing import AsyncClosedOnExit, ClosedOnExit
from .._errors import OctoAIError

if TYPE_CHECKING:
    from .._batch.work import Job
    from .._tasks import FlowTasks
    from ..aio import AsyncOctoAI
    from ..client import OctoAI

__all__ = ["AsyncBatch", "Batch"]


class _BatchResults:
    """What both drivers share: their run, and the ledger it writes."""

    def __init__(self, run: BatchRun) -> None:
        self._run = run
        self._closed = False

    @property
    def ledger(self) -> BatchLedger:
        """The ledger of this batch (closed with the batch if it was given as a path)."""
        return self._run.ledger


class Batch(_BatchResults, ClosedOnExit):
    """The results of `OctoAI.batch`, as `(key, outputs)` or `(key, error)` pairs.

    An iterator and a context manager: leaving the `with` block, or `close()`, stops the
    work. Requests start with the first `next()`.
    """

    def __init__(self, client: OctoAI, run: BatchRun) -> None:
        super().__init__(run)
        self._client = client

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> tuple[Any, dict[str, Any] | OctoAIError]:
        if self._closed:
            raise StopIteration
        try:
            result = self._step()
        except BaseException:
            self.close()
            raise
        if result is None:
            self.close()
            raise StopIteration
        return result

    def _step(self) -> Result | None:
        run, client = self._run, self._client
        while True:
            result = run.next_result()
            if result is not None or run.finished:
                return result
            started = run.start_jobs(most=1)
            if started:
                job, flow = started[0]
                try:
                    outcome: object = client._drive(flow)
                except Exception as exc:  # the scheduler decides what an error means
                    outcome = exc
                run.complete([(job, outcome)])
                continue
            wait = run.idle_wait()
            if wait > 0:
                client._sleep(wait)

    def close(self) -> None:
        """Stop: no more requests are sent; the ledger keeps every item's state."""
        if not self._closed:
            self._closed = True
            self._run.close()


class AsyncBatch(_BatchResults, AsyncClosedOnExit):
    """The results of `AsyncOctoAI.batch`, as `(key, outputs)` or `(key, error)` pairs.

    An async iterator and an async context manager: leaving the `async with` block, or
    `aclose()`, stops the work. Requests start with the first `anext()`.
    """

    def __init__(self, client: AsyncOctoAI, run: BatchRun) -> None:
        super().__init__(run)
        self._client = client
        self._tasks: FlowTasks[Job] | None = None

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> tuple[Any, dict[str, Any] | OctoAIError]:
        if self._closed:
            raise StopAsyncIteration
        try:
            result = await self._step()
        except BaseException:
            await self.aclose()
            raise
        if result is None:
            await self.aclose()
            raise StopAsyncIteration
        return result

    async def _step(self) -> Result | None:
        from .._tasks import FlowTasks

        run, client = self._run, self._client
        if self._tasks is None:
            self._tasks = FlowTasks(client)
        tasks = self._tasks
        while True:
            result = run.next_result()
            if result is not None or run.finished:
                return result
            for job, flow in run.start_jobs():
                tasks.start(job, flow)
            if tasks.pending:
                finished = await tasks.next_batch(run.wait_time())
                if finished:
                    run.complete([(job, error or value) for job, value, error in finished])
                continue
            wait = run.idle_wait()
            if wait > 0:
                await client._sleep(wait)

    async def aclose(self) -> None:
        """Stop: no more requests are sent; the ledger keeps every item's state."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._tasks is not None:
                await self._tasks.aclose()
        finally:
            self._run.close()

    def __del__(self) -> None:
        # Dropped without being closed (a loop left early): stop the requests now.
        if self._tasks is not None:
            self._tasks.cancel()
