"""`with` and `async with` for objects whose way out is their `close` or `aclose`.

Clients, streams, batches and progress lines all end the same way, on every path out of the
block; the two mixins say it once.
"""

from __future__ import annotations

from abc import abstractmethod
from types import TracebackType
from typing import Self


class ClosedOnExit:
    """``with obj:`` gives ``obj`` back and calls ``obj.close()`` however the block is left."""

    @abstractmethod
    def close(self) -> None:
        """Release what the object holds; calling it again does nothing."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClosedOnExit:
    """``async with obj:`` gives ``obj`` back and awaits ``obj.aclose()`` however it is left."""

    @abstractmethod
    async def aclose(self) -> None:
        """Release what the object holds; calling it again does nothing."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
