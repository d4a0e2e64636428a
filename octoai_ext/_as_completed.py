"""`AsyncOctoAI.as_completed`: many futures polled over one pool, yielded as they finish.

Each future's wait is a flow run by `FlowTasks`, whose tasks never refer back to the iterator,
so dropping it (or closing it, or leaving its `async with` block) cancels them at once; nothing
waits for the garbage collector.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from . import _polling
from ._closing import AsyncClosedOnExit
from ._errors import OctoAIClientError, OctoAIError
from ._futures import InferenceFuture
from ._tasks import FlowTasks

if TYPE_CHECKING:
    from .aio import AsyncOctoAI

__all__ = ["AsCompleted"]

Outcome = tuple[InferenceFuture, "dict[str, Any] | OctoAIError"]


class AsCompleted(AsyncClosedOnExit):
    """An async iterator of `(future, outputs)` pairs in finishing order; an async context manager.

    Built by `AsyncOctoAI.as_completed`. Polling starts with the first `__anext__`.
    """

    def __init__(
        self,
        client: AsyncOctoAI,
        futures: list[InferenceFuture],
        *,
        return_exceptions: bool,
        max_concurrency: int,
        first_poll_delay: float,
        options: Mapping[str, Any],
    ) -> None:
        if max_concurrency < 1:
            raise OctoAIClientError("max_concurrency must be at least 1")
        for future in futures:
            if not isinstance(future, InferenceFuture):
                raise OctoAIClientError(
                    f"as_completed needs InferenceFuture objects, not {type(future).__name__}"
                )
        self._client = client
        self._futures = futures
        self._given = {"timeout": None, **options}
        self._return_exceptions = return_exceptions
        self._max_concurrency = max_concurrency
        self._first_poll_delay = first_poll_delay
        self._tasks: FlowTasks[InferenceFuture] | None = None
        self._remaining = len(futures)

    def _start(self) -> FlowTasks[InferenceFuture]:
        tasks: FlowTasks[InferenceFuture] = FlowTasks(
            self._client, asyncio.Semaphore(self._max_concurrency)
        )
        core, given, delay = self._client._core, self._given, self._first_poll_delay
        for future in self._futures:
            tasks.start(future, _polling.wait(core, future, given, first_poll_delay=delay))
        self._tasks = tasks
        return tasks

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> Outcome:
        tasks = self._tasks if self._tasks is not None else self._start()
        if self._remaining == 0:
            await self.aclose()
            raise StopAsyncIteration
        try:
            future, outputs, error = await tasks.next()
        except BaseException:
            await self.aclose()
            raise
        self._remaining -= 1
        if error is None:
            return future, outputs
        if self._return_exceptions and isinstance(error, OctoAIError):
            return future, error
        await self.aclose()
        raise error

    async def aclose(self) -> None:
        """Stop polling: cancel every poll still running and wait for them to end."""
        self._remaining = 0
        if self._tasks is not None:
            await self._tasks.aclose()

    def __del__(self) -> None:
        # Dropped without being closed (a loop left early): stop the polls now.
        if self._tasks is not None:
            self._tasks.cancel()
