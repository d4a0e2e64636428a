"""The asset library: `client.asset` uploads, finds, waits for and deletes assets.

Assets are LoRAs, checkpoints, VAEs, textual inversions and files such as training images.
`Assets` and its asyncio twin `AsyncAssets` build the same flows (`_assets`).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from typing import IO, TYPE_CHECKING, Any, Unpack

from .. import _assets
from .. import _constants as c
from .._flows import Flow
from .._paging import MAX_PAGE, aiterate, iterate
from .._paging import split_filters as _split
from .._response import raw_async, raw_sync
from .._types import AssetFilters, BodyOptions, ProgressCallback, RequestOptions
from .._upload_body import UploadProgress, UploadSource

if TYPE_CHECKING:
    from .._generated import Asset, DeleteAssetResponse, ListAssetsResponse
    from ..aio import AsyncOctoAI
    from ..client import OctoAI

__all__ = ["Assets", "AssetsWithRawResponse", "AsyncAssets", "AsyncAssetsWithRawResponse"]

#: A file to upload: a path, bytes, or a binary file object that can seek.
FileSource = str | os.PathLike[str] | bytes | IO[bytes]


class Assets:
    """The asset library: `client.asset`."""

    def __init__(self, client: OctoAI) -> None:
        self._client = client

    def create(
        self,
        file: FileSource | None = None,
        *,
        name: str,
        data: Any,
        description: str | None = None,
        is_public: bool = False,
        url: str | None = None,
        wait: bool = True,
        on_progress: UploadProgress | None = None,
        **options: Unpack[BodyOptions],
    ) -> Asset:
        """Create an asset from a file (uploaded in chunks) or a URL, and wait until it is ready.

        Args:
            file: What to upload: a path, bytes or a seekable binary file object. Leave it out
                with `url=`.
            name: The asset's name, unique among your assets.
            data: Its type and details: a dict such as `{"asset_type": "lora", "engine":
                "image/stable-diffusion-xl-v1-0", "trigger_words": ["sks"]}`, or a generated
                data model (`LoraData`, `CheckpointData`, `FileData`, ...).
            description: A description.
            is_public: Whether every user may see and use it.
            url: Create the asset from this URL instead of uploading a file.
            wait: Wait until the asset is `ready`; False returns it once uploaded.
            on_progress: Called with `(bytes sent, total bytes)` as the file goes out.
            **options: `timeout` bounds the whole creation, upload and wait included (default
                900 s); `max_retries`, `extra_headers` and `extra_body` as elsewhere.

        Returns:
            The asset: `ready` with `wait`, else as the upload left it (`uploaded`).

        Raises:
            OctoAIClientError: Bad arguments or a missing file (before anything is sent).
            ConflictError: You already have an asset with this name.
            AssetRejectedError: The service refused the file (`status_details` says why).
            AssetFailedError: The upload or its processing failed.
            OctoAITimeoutError: The `timeout` passed; the asset may exist, incomplete.
        """
        source = UploadSource(file) if file is not None else None
        flow = _assets.create(
            self._client._core,
            source,
            options,
            name=name,
            data=data,
            description=description,
            is_public=is_public,
            url=url,
            wait=wait,
            on_progress=on_progress,
        )
        return self._client._drive(flow)

    def get(self, asset: Asset | str, **options: Unpack[RequestOptions]) -> Asset:
        """An asset by id, by your own asset's name, or as `owner:name` (`octoai:default-sdxl`).

        Raises:
            NotFoundError: No such asset.
        """
        return self._client._drive(_assets.get(self._client._core, asset, options))

    def delete(self, asset: Asset | str, **options: Unpack[RequestOptions]) -> DeleteAssetResponse:
        """Delete an asset (by `Asset`, id or your own asset's name); it then answers 404.

        Raises:
            NotFoundError: No such asset.
        """
        return self._client._drive(_assets.delete(self._client._core, asset, options))

    def wait_for_ready(
        self,
        asset: Asset | str,
        *,
        interval: float = c.POLL_INITIAL_INTERVAL,
        max_interval: float = c.POLL_MAX_INTERVAL,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> Asset:
        """Read an asset on a growing schedule until it is `ready`, and return it.

        Args:
            asset: The asset, its id or your own asset's name.
            interval: Seconds before the second read; each pause grows by half.
            max_interval: The longest pause.
            on_progress: Called with a `WaitProgress` after every read.
            **options: `timeout` bounds the whole wait (default 900 s).

        Raises:
            AssetRejectedError: The service refused the file (`rejected`).
            AssetFailedError: Its processing failed (`error`).
            AssetDeletedError: It was deleted.
            OctoAIServerError: A status this client does not know (it does not wait on it).
            OctoAITimeoutError: The `timeout` passed.
        """
        flow = _assets.wait_for_ready(
            self._client._core,
            asset,
            options,
            interval=interval,
            max_interval=max_interval,
            on_progress=on_progress,
        )
        return self._client._drive(flow)

    def list(self, **filters: Unpack[AssetFilters]) -> Iterator[Asset]:
        """Every asset matching the filters, across pages fetched as the iteration needs them.

        Public assets are listed with `is_public=True` (and `owner="octoai"` for OctoAI's).

        Raises:
            OctoAIClientError: An unknown filter (at the first item).
        """
        core, (found, options) = self._client._core, _split(filters)

        def page(offset: int) -> Flow[ListAssetsResponse]:
            return _assets.list_page(core, found, options, limit=MAX_PAGE, offset=offset)

        return iterate(self._client._drive, page)

    def list_page(
        self, *, limit: int = MAX_PAGE, offset: int = 0, **filters: Unpack[AssetFilters]
    ) -> ListAssetsResponse:
        """One page of matching assets, with `has_more` and `total`.

        Raises:
            OctoAIClientError: An unknown filter, or `limit` outside 1 to 100.
        """
        found, options = _split(filters)
        flow = _assets.list_page(self._client._core, found, options, limit=limit, offset=offset)
        return self._client._drive(flow)


class AsyncAssets:
    """The asset library: `client.asset` of `AsyncOctoAI`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._client = client

    async def create(
        self,
        file: FileSource | None = None,
        *,
        name: str,
        data: Any,
        description: str | None = None,
        is_public: bool = False,
        url: str | None = None,
        wait: bool = True,
        on_progress: UploadProgress | None = None,
        **options: Unpack[BodyOptions],
    ) -> Asset:
        """Create an asset from a file (uploaded in chunks) or a URL, and wait until it is ready.

        Args:
            file: What to upload: a path, bytes or a seekable binary file object. Leave it out
                with `url=`.
            name: The asset's name, unique among your assets.
            data: Its type and details: a dict such as `{"asset_type": "lora", "engine":
                "image/stable-diffusion-xl-v1-0", "trigger_words": ["sks"]}`, or a generated
                data model (`LoraData`, `CheckpointData`, `FileData`, ...).
            description: A description.
            is_public: Whether every user may see and use it.
            url: Create the asset from this URL instead of uploading a file.
            wait: Wait until the asset is `ready`; False returns it once uploaded.
            on_progress: Called with `(bytes sent, total bytes)` as the file goes out.
            **options: `timeout` bounds the whole creation, upload and wait included (default
                900 s); `max_retries`, `extra_headers` and `extra_body` as elsewhere.

        Returns:
            The asset: `ready` with `wait`, else as the upload left it (`uploaded`).

        Raises:
            OctoAIClientError: Bad arguments or a missing file (before anything is sent).
            ConflictError: You already have an asset with this name.
            AssetRejectedError: The service refused the file (`status_details` says why).
            AssetFailedError: The upload or its processing failed.
            OctoAITimeoutError: The `timeout` passed; the asset may exist, incomplete.
        """
        source = UploadSource(file) if file is not None else None
        flow = _assets.create(
            self._client._core,
            source,
            options,
            name=name,
            data=data,
            description=description,
            is_public=is_public,
            url=url,
            wait=wait,
            on_progress=on_progress,
        )
        return await self._client._drive(flow)

    async def get(self, asset: Asset | str, **options: Unpack[RequestOptions]) -> Asset:
        """An asset by id, by your own asset's name, or as `owner:name` (`octoai:default-sdxl`).

        Raises:
            NotFoundError: No such asset.
        """
        return await self._client._drive(_assets.get(self._client._core, asset, options))

    async def delete(
        self, asset: Asset | str, **options: Unpack[RequestOptions]
    ) -> DeleteAssetResponse:
        """Delete an asset (by `Asset`, id or your own asset's name); it then answers 404.

        Raises:
            NotFoundError: No such asset.
        """
        return await self._client._drive(_assets.delete(self._client._core, asset, options))

    async def wait_for_ready(
        self,
        asset: Asset | str,
        *,
        interval: float = c.POLL_INITIAL_INTERVAL,
        max_interval: float = c.POLL_MAX_INTERVAL,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> Asset:
        """Read an asset on a growing schedule until it is `ready`, and return it.

        Args:
            asset: The asset, its id or your own asset's name.
            interval: Seconds before the second read; each pause grows by half.
            max_interval: The longest pause.
            on_progress: Called with a `WaitProgress` after every read.
            **options: `timeout` bounds the whole wait (default 900 s).

        Raises:
            AssetRejectedError: The service refused the file (`rejected`).
            AssetFailedError: Its processing failed (`error`).
            AssetDeletedError: It was deleted.
            OctoAIServerError: A status this client does not know (it does not wait on it).
            OctoAITimeoutError: The `timeout` passed.
        """
        flow = _assets.wait_for_ready(
            self._client._core,
            asset,
            options,
            interval=interval,
            max_interval=max_interval,
            on_progress=on_progress,
        )
        return await self._client._drive(flow)

    def list(self, **filters: Unpack[AssetFilters]) -> AsyncIterator[Asset]:
        """Every asset matching the filters, across pages fetched as the iteration needs them.

        Public assets are listed with `is_public=True` (and `owner="octoai"` for OctoAI's).

        Raises:
            OctoAIClientError: An unknown filter (at the first item).
        """
        core, (found, options) = self._client._core, _split(filters)

        def page(offset: int) -> Flow[ListAssetsResponse]:
            return _assets.list_page(core, found, options, limit=MAX_PAGE, offset=offset)

        return aiterate(self._client._drive, page)

    async def list_page(
        self, *, limit: int = MAX_PAGE, offset: int = 0, **filters: Unpack[AssetFilters]
    ) -> ListAssetsResponse:
        """One page of matching assets, with `has_more` and `total`.

        Raises:
            OctoAIClientError: An unknown filter, or `limit` outside 1 to 100.
        """
        found, options = _split(filters)
        flow = _assets.list_page(self._client._core, found, options, limit=limit, offset=offset)
        return await self._client._drive(flow)


class AssetsWithRawResponse:
    """`client.with_raw_response.asset`: the methods that return a value, as `APIResponse`s."""

    def __init__(self, assets: Assets) -> None:
        self.create = raw_sync(assets.create)
        self.get = raw_sync(assets.get)
        self.delete = raw_sync(assets.delete)
        self.wait_for_ready = raw_sync(assets.wait_for_ready)
        self.list_page = raw_sync(assets.list_page)


class AsyncAssetsWithRawResponse:
    """`client.with_raw_response.asset` of `AsyncOctoAI`."""

    def __init__(self, assets: AsyncAssets) -> None:
        self.create = raw_async(assets.create)
        self.get = raw_async(assets.get)
        self.delete = raw_async(assets.delete)
        self.wait_for_ready = raw_async(assets.wait_for_ready)
        self.list_page = raw_async(assets.list_page)
