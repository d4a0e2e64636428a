"""Fine-tuning: `client.tune` trains LoRAs from uploaded images.

`Tunes` and its asyncio twin `AsyncTunes` build the same flows (`_tunes`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Unpack

from .. import _tunes
from .._errors import OctoAIClientError
from .._flows import Flow
from .._paging import MAX_PAGE, aiterate, iterate
from .._paging import split_filters as _split
from .._response import raw_async, raw_sync
from .._types import BodyOptions, ProgressCallback, RequestOptions, TuneFilters

if TYPE_CHECKING:
    from .._generated import Asset, ListTunesResponse, Tune
    from ..aio import AsyncOctoAI
    from ..client import OctoAI

__all__ = ["AsyncTunes", "AsyncTunesWithRawResponse", "Tunes", "TunesWithRawResponse"]


def _details(
    details: Any,
    *,
    base_checkpoint: Asset | str | None,
    files: Any,
    trigger_words: str | Iterable[str] | None,
    steps: int | None,
    seed: int | None,
    resize_images: bool | None,
) -> Any:
    shorthand = (base_checkpoint, files, trigger_words, steps, seed, resize_images)
    if details is not None:
        if any(value is not None for value in shorthand):
            raise OctoAIClientError(
                "give either details=... or base_checkpoint, files, trigger_words and steps"
            )
        return details
    if base_checkpoint is None or files is None or trigger_words is None or steps is None:
        raise OctoAIClientError("a LoRA tune needs base_checkpoint, files, trigger_words and steps")
    return _tunes.lora_details(
        base_checkpoint=base_checkpoint,
        files=files,
        trigger_words=trigger_words,
        steps=steps,
        seed=seed,
        resize_images=resize_images,
    )


class Tunes:
    """Fine-tuning: `client.tune`."""

    def __init__(self, client: OctoAI) -> None:
        self._client = client

    def create(
        self,
        *,
        name: str,
        base_checkpoint: Asset | str | None = None,
        files: Any = None,
        trigger_words: str | Iterable[str] | None = None,
        steps: int | None = None,
        seed: int | None = None,
        resize_images: bool | None = None,
        details: Any = None,
        description: str | None = None,
        continue_on_rejection: bool = False,
        wait: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[BodyOptions],
    ) -> Tune:
        """Start a LoRA tune: train a LoRA on `files` from `base_checkpoint`.

        Args:
            name: The tune's name; the LoRA it makes is named after it.
            base_checkpoint: The checkpoint: an `Asset`, its id, or `owner:name` such as
                `octoai:default-sdxl`.
            files: The training images (`file` assets): a list of assets or ids, a list of
                `(asset, caption)` pairs, or a mapping from asset id to caption.
            trigger_words: The trigger word (one; a list of one is accepted).
            steps: Training steps (about 75 to 100 per image).
            seed: A seed for repeatable training.
            resize_images: Resize the images to the checkpoint's size first.
            details: The whole details instead (a generated `LoraTune` or
                `TextToSpeechLatentTune`, or a dict); then leave out the arguments above.
            description: A description.
            continue_on_rejection: Train on the other images if one is rejected.
            wait: Wait until the tune succeeds (see `wait`).
            on_progress: With `wait`, called with a `WaitProgress` after every read.
            **options: `timeout` (with `wait`, it bounds the whole wait), `max_retries`,
                `extra_headers`, `extra_body`.

        Raises:
            OctoAIClientError: Bad arguments (before anything is sent).
            RequestValidationError: The service refused the details (a missing checkpoint or
                image, more than one trigger word, ...), naming the field.
            ConflictError: You already have a tune with this name.
            TuneFailedError: With `wait`, the tune failed.
            TuneCancelledError: With `wait`, the tune was cancelled.
        """
        body = _details(
            details,
            base_checkpoint=base_checkpoint,
            files=files,
            trigger_words=trigger_words,
            steps=steps,
            seed=seed,
            resize_images=resize_images,
        )
        flow = _tunes.create(
            self._client._core,
            options,
            name=name,
            details=body,
            description=description,
            continue_on_rejection=continue_on_rejection,
            wait=wait,
            on_progress=on_progress,
        )
        return self._client._drive(flow)

    def get(self, tune: Tune | str, **options: Unpack[RequestOptions]) -> Tune:
        """A tune by id.

        Raises:
            NotFoundError: No such tune.
        """
        return self._client._drive(_tunes.get(self._client._core, tune, options))

    def cancel(self, tune: Tune | str, **options: Unpack[RequestOptions]) -> Tune:
        """Cancel a pending or running tune, and return it (`cancelled`).

        Raises:
            NotFoundError: No such tune.
            OctoAIClientError: The tune already ended (succeeded, failed or cancelled).
        """
        return self._client._drive(_tunes.cancel(self._client._core, tune, options))

    def delete(self, tune: Tune | str, **options: Unpack[RequestOptions]) -> Tune:
        """Delete a tune; its LoRA and its training images stay in the asset library.

        Raises:
            NotFoundError: No such tune.
        """
        return self._client._drive(_tunes.delete(self._client._core, tune, options))

    def wait(
        self,
        tune: Tune | str,
        *,
        interval: float = _tunes.TUNE_POLL_INTERVAL,
        max_interval: float = _tunes.TUNE_MAX_POLL_INTERVAL,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> Tune:
        """Read a tune on a growing schedule until it succeeds, and return it.

        Args:
            tune: The tune or its id.
            interval: Seconds before the second read; each pause grows by half.
            max_interval: The longest pause.
            on_progress: Called with a `WaitProgress` after every read.
            **options: `timeout` bounds the whole wait (default: none).

        Raises:
            TuneFailedError: The tune failed (`status_details` says why).
            TuneCancelledError: The tune was cancelled.
            OctoAIServerError: A status this client does not know (it does not wait on it).
            OctoAITimeoutError: The `timeout` passed; the tune goes on.
        """
        flow = _tunes.wait(
            self._client._core,
            tune,
            options,
            interval=interval,
            max_interval=max_interval,
            on_progress=on_progress,
        )
        return self._client._drive(flow)

    def list(self, **filters: Unpack[TuneFilters]) -> Iterator[Tune]:
        """Every tune matching the filters, across pages fetched as the iteration needs them.

        Raises:
            OctoAIClientError: An unknown filter (at the first item).
        """
        core, (found, options) = self._client._core, _split(filters)

        def page(offset: int) -> Flow[ListTunesResponse]:
            return _tunes.list_page(core, found, options, limit=MAX_PAGE, offset=offset)

        return iterate(self._client._drive, page)

    def list_page(
        self, *, limit: int = MAX_PAGE, offset: int = 0, **filters: Unpack[TuneFilters]
    ) -> ListTunesResponse:
        """One page of matching tunes, with `has_more` and `total`.

        Raises:
            OctoAIClientError: An unknown filter, or `limit` outside 1 to 100.
        """
        found, options = _split(filters)
        flow = _tunes.list_page(self._client._core, found, options, limit=limit, offset=offset)
        return self._client._drive(flow)


class AsyncTunes:
    """Fine-tuning: `client.tune` of `AsyncOctoAI`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._client = client

    async def create(
        self,
        *,
        name: str,
        base_checkpoint: Asset | str | None = None,
        files: Any = None,
        trigger_words: str | Iterable[str] | None = None,
        steps: int | None = None,
        seed: int | None = None,
        resize_images: bool | None = None,
        details: Any = None,
        description: str | None = None,
        continue_on_rejection: bool = False,
        wait: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[BodyOptions],
    ) -> Tune:
        """Start a LoRA tune: train a LoRA on `files` from `base_checkpoint`.

        Args:
            name: The tune's name; the LoRA it makes is named after it.
            base_checkpoint: The checkpoint: an `Asset`, its id, or `owner:name` such as
                `octoai:default-sdxl`.
            files: The training images (`file` assets): a list of assets or ids, a list of
                `(asset, caption)` pairs, or a mapping from asset id to caption.
            trigger_words: The trigger word (one; a list of one is accepted).
            steps: Training steps (about 75 to 100 per image).
            seed: A seed for repeatable training.
            resize_images: Resize the images to the checkpoint's size first.
            details: The whole details instead (a generated `LoraTune` or
                `TextToSpeechLatentTune`, or a dict); then leave out the arguments above.
            description: A description.
            continue_on_rejection: Train on the other images if one is rejected.
            wait: Wait until the tune succeeds (see `wait`).
            on_progress: With `wait`, called with a `WaitProgress` after every read.
            **options: `timeout` (with `wait`, it bounds the whole wait), `max_retries`,
                `extra_headers`, `extra_body`.

        Raises:
            OctoAIClientError: Bad arguments (before anything is sent).
            RequestValidationError: The service refused the details (a missing checkpoint or
                image, more than one trigger word, ...), naming the field.
            ConflictError: You already have a tune with this name.
            TuneFailedError: With `wait`, the tune failed.
            TuneCancelledError: With `wait`, the tune was cancelled.
        """
        body = _details(
            details,
            base_checkpoint=base_checkpoint,
            files=files,
            trigger_words=trigger_words,
            steps=steps,
            seed=seed,
            resize_images=resize_images,
        )
        flow = _tunes.create(
            self._client._core,
            options,
            name=name,
            details=body,
            description=description,
            continue_on_rejection=continue_on_rejection,
            wait=wait,
            on_progress=on_progress,
        )
        return await self._client._drive(flow)

    async def get(self, tune: Tune | str, **options: Unpack[RequestOptions]) -> Tune:
        """A tune by id.

        Raises:
            NotFoundError: No such tune.
        """
        return await self._client._drive(_tunes.get(self._client._core, tune, options))

    async def cancel(self, tune: Tune | str, **options: Unpack[RequestOptions]) -> Tune:
        """Cancel a pending or running tune, and return it (`cancelled`).

        Raises:
            NotFoundError: No such tune.
            OctoAIClientError: The tune already ended (succeeded, failed or cancelled).
        """
        return await self._client._drive(_tunes.cancel(self._client._core, tune, options))

    async def delete(self, tune: Tune | str, **options: Unpack[RequestOptions]) -> Tune:
        """Delete a tune; its LoRA and its training images stay in the asset library.

        Raises:
            NotFoundError: No such tune.
        """
        return await self._client._drive(_tunes.delete(self._client._core, tune, options))

    async def wait(
        self,
        tune: Tune | str,
        *,
        interval: float = _tunes.TUNE_POLL_INTERVAL,
        max_interval: float = _tunes.TUNE_MAX_POLL_INTERVAL,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> Tune:
        """Read a tune on a growing schedule until it succeeds, and return it.

        Args:
            tune: The tune or its id.
            interval: Seconds before the second read; each pause grows by half.
            max_interval: The longest pause.
            on_progress: Called with a `WaitProgress` after every read.
            **options: `timeout` bounds the whole wait (default: none).

        Raises:
            TuneFailedError: The tune failed (`status_details` says why).
            TuneCancelledError: The tune was cancelled.
            OctoAIServerError: A status this client does not know (it does not wait on it).
            OctoAITimeoutError: The `timeout` passed; the tune goes on.
        """
        flow = _tunes.wait(
            self._client._core,
            tune,
            options,
            interval=interval,
            max_interval=max_interval,
            on_progress=on_progress,
        )
        return await self._client._drive(flow)

    def list(self, **filters: Unpack[TuneFilters]) -> AsyncIterator[Tune]:
        """Every tune matching the filters, across pages fetched as the iteration needs them.

        Raises:
            OctoAIClientError: An unknown filter (at the first item).
        """
        core, (found, options) = self._client._core, _split(filters)

        def page(offset: int) -> Flow[ListTunesResponse]:
            return _tunes.list_page(core, found, options, limit=MAX_PAGE, offset=offset)

        return aiterate(self._client._drive, page)

    async def list_page(
        self, *, limit: int = MAX_PAGE, offset: int = 0, **filters: Unpack[TuneFilters]
    ) -> ListTunesResponse:
        """One page of matching tunes, with `has_more` and `total`.

        Raises:
            OctoAIClientError: An unknown filter, or `limit` outside 1 to 100.
        """
        found, options = _split(filters)
        flow = _tunes.list_page(self._client._core, found, options, limit=limit, offset=offset)
        return await self._client._drive(flow)


class TunesWithRawResponse:
    """`client.with_raw_response.tune`: the methods that return a value, as `APIResponse`s."""

    def __init__(self, tunes: Tunes) -> None:
        self.create = raw_sync(tunes.create)
        self.get = raw_sync(tunes.get)
        self.cancel = raw_sync(tunes.cancel)
        self.delete = raw_sync(tunes.delete)
        self.wait = raw_sync(tunes.wait)
        self.list_page = raw_sync(tunes.list_page)


class AsyncTunesWithRawResponse:
    """`client.with_raw_response.tune` of `AsyncOctoAI`."""

    def __init__(self, tunes: AsyncTunes) -> None:
        self.create = raw_async(tunes.create)
        self.get = raw_async(tunes.get)
        self.cancel = raw_async(tunes.cancel)
        self.delete = raw_async(tunes.delete)
        self.wait = raw_async(tunes.wait)
        self.list_page = raw_async(tunes.list_page)
