"""Flows run concurrently by an `AsyncOctoAI`, their outcomes queued as they finish.

What `as_completed` and the asyncio batch driver share: each flow runs in its own task over the
client's one connection pool; its value or exception is put on a queue, tagged, never raised
inside the task. The tasks refer to the queue and the client only, never to the iterator that
started them, so dropping that iterator cancels them at once (see `cancel`).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._flows import Flow

if TYPE_CHECKING:
    from .aio import AsyncOctoAI

__all__ = ["FlowTasks"]

K = TypeVar("K")
Finished = tuple[K, Any, Exception | None]


async def _run(
    client: AsyncOctoAI,
    tag: Any,
    flow: Flow[Any],
    limiter: asyncio.Semaphore | None,
    done: asyncio.Queue[Finished[Any]],
) -> None:
    try:
        value = await client._drive(flow, limiter)
    except Exception as exc:  # handed to the consumer, which decides; never lost in a task
        done.put_nowait((tag, None, exc))
    else:
        done.put_nowait((tag, value, None))


class FlowTasks(Generic[K]):
    """Runs flows in tasks and hands out `(tag, value, error)` as each finishes.

    Args:
        client: The client whose driver and pool run the flows.
        limiter: Bounds the requests in flight across every flow, if given.
    """

    def __init__(self, client: AsyncOctoAI, limiter: asyncio.Semaphore | None = None) -> None:
        self._client = client
        self._limiter = limiter
        self._done: asyncio.Queue[Finished[K]] = asyncio.Queue()
        self._tasks: set[asyncio.Task[None]] = set()
        self._unclaimed = 0

    @property
    def pending(self) -> int:
        """Flows started whose outcome was not handed out yet."""
        return self._unclaimed

    def start(self, tag: K, flow: Flow[Any]) -> None:
        """Start driving `flow`; its outcome comes back tagged with `tag`."""
        task = asyncio.ensure_future(_run(self._client, tag, flow, self._limiter, self._done))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        self._unclaimed += 1

    async def next(self) -> Finished[K]:
        """Wait for the next outcome."""
        finished = await self._done.get()
        self._unclaimed -= 1
        return finished

    async def next_batch(self, timeout: float | None) -> list[Finished[K]]:
        """Wait up to `timeout` seconds for one outcome, then take every other one ready."""
        if self._done.empty():
            try:
                async with asyncio.timeout(timeout):
                    first = await self._done.get()
            except TimeoutError:
                return []
            self._unclaimed -= 1
            batch = [first]
        else:
            batch = []
        while not self._done.empty():
            batch.append(self._done.get_nowait())
            self._unclaimed -= 1
        return batch

    def cancel(self) -> None:
        """Cancel every flow still running, without waiting (safe from `__del__`)."""
        for task in list(self._tasks):
            task.cancel()

    async def aclose(self) -> None:
        """Cancel every flow still running and wait for them to end."""
        tasks = list(self._tasks)
        self._tasks.clear()
        self._unclaimed = 0
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
