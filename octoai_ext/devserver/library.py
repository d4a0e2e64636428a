"""The asset library's operations over the store and the object store."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any, Final

from .apierrors import ApiError, FieldErrors
from .ids import IdMaker
from .lifecycle import asset_status
from .listing import AssetQuery, asset_matches, page
from .objectstore import ObjectStore
from .records import AssetRecord, owned
from .references import parse_reference
from .rules import IMAGE_FORMATS, Vocabulary, asset_data, source_url_problem
from .store import PlatformStore
from .upload_checks import inspect_upload
from .views import asset_json, iso_time

__all__ = ["Library", "resolve_asset"]

_SUPPORTED_TRANSFERS: Final = frozenset({"presigned-url", "any"})


def _visible(asset: AssetRecord | None, caller: str) -> AssetRecord | None:
    # Anyone may use a public asset; any other only its owner.
    if asset is not None and asset.is_public:
        return asset
    return owned(asset, caller)


def resolve_asset(store: PlatformStore, caller: str, text: str) -> AssetRecord | None:
    """Find the asset a reference names for the caller: by id, own name, or ``owner:name``.

    Other tenants' assets are found only when they are public.
    """
    reference = parse_reference(text)
    if reference.asset_id is not None and (found := _visible(store.live_asset(text), caller)):
        return found
    if reference.owner is None:
        return store.asset_named(caller, reference.name)
    return _visible(store.asset_named(reference.owner, reference.name), caller)


def _unsupported_transfer(kind: str, param: str) -> ApiError:
    return ApiError(
        400,
        f"The development server transfers files only through presigned URLs; {kind!r} is not "
        "supported here.",
        "invalid_request_error",
        param=param,
    )


class Library:
    """Creates, completes, finds, lists and deletes assets.

    Args:
        store: The metadata.
        objects: The files.
        ids: Makes asset ids.
        vocabulary: The engines and formats the server accepts.
        ready_seconds: How long validation (or the fetch of a ``url``) takes.
        url_seconds: How long signed URLs are valid.
        clock: Wall-clock time in seconds since the epoch.
        now: The same time with the ends of due tunes written first (`Training.now`), so
            that reads list and find the LoRAs those tunes made.
    """

    def __init__(
        self,
        store: PlatformStore,
        objects: ObjectStore,
        ids: IdMaker,
        vocabulary: Vocabulary,
        *,
        ready_seconds: float,
        url_seconds: float,
        clock: Callable[[], float],
        now: Callable[[], float],
    ) -> None:
        self.store = store
        self.objects = objects
        self._ids = ids
        self._vocabulary = vocabulary
        self._ready_seconds = ready_seconds
        self._url_seconds = url_seconds
        self.clock = clock
        self._now = now

    def now(self) -> float:
        """The current time, with due tunes settled first (read it once per request)."""
        return self._now()

    def resolve(self, caller: str, text: str) -> AssetRecord | None:
        """The asset a reference names for the caller, if any (see `resolve_asset`)."""
        return resolve_asset(self.store, caller, text)

    def _signed(self, base_url: str, method: str, asset_id: str, now: float) -> str:
        return self.objects.url(base_url, method, asset_id, int(now + self._url_seconds))

    def _presigned(self, asset: AssetRecord, base_url: str, now: float) -> dict[str, Any]:
        return {
            "type": "presigned-url",
            "put_url": self._signed(base_url, "PUT", asset.id, now),
            "get_url": self._signed(base_url, "GET", asset.id, now),
        }

    def create(self, caller: str, body: Mapping[str, Any], base_url: str) -> dict[str, Any]:
        """Create an asset and answer the spec's ``CreateAssetResponse``.

        Raises:
            ApiError: The transfer API is not supported (400) or the name is taken (409).
            FieldErrors: The data does not fit the asset type or names unknown values.
        """
        now = self.clock()
        transfer = str(body.get("transfer_api_type") or "presigned-url")
        url = body.get("url")
        if url is None and transfer not in _SUPPORTED_TRANSFERS:
            raise _unsupported_transfer(transfer, "transfer_api_type")
        asset_type = str(body["asset_type"])
        data = asset_data(asset_type, body["data"], self._vocabulary)
        if isinstance(data, list):
            raise FieldErrors(data)
        if url is not None and (problem := source_url_problem(str(url))) is not None:
            raise FieldErrors([problem])
        name = str(body["name"])
        asset = AssetRecord(
            id=self._ids.new("asset", now),
            tenant=caller,
            name=name,
            asset_type=asset_type,
            data=data,
            description=body.get("description") or "",
            is_public=bool(body.get("is_public", False)),
            # A URL is fetched by the service itself: nothing to upload or complete.
            status="uploading" if url is not None else "ready_to_upload",
            created_at=now,
            ready_at=now + self._ready_seconds if url is not None else None,
            url=url,
            hf_repo=body.get("hf_repo"),
            completed=url is not None,
            skip_validation=bool(body.get("skip_validation", False)),
        )
        try:
            # The store's unique index on live names refuses a taken name; a lookup first
            # would only repeat that check.
            self.store.add_asset(asset)
        except sqlite3.IntegrityError:
            raise ApiError.conflict(f"An asset named {name} already exists.", "name") from None
        transfer_api = (
            {"type": "none"} if url is not None else self._presigned(asset, base_url, now)
        )
        return {"asset": asset_json(asset, now), "transfer_api": transfer_api}

    def _own(self, caller: str, asset_id: str) -> AssetRecord:
        asset = owned(self.store.live_asset(asset_id), caller)
        if asset is None:
            raise ApiError.not_found(f"No asset {asset_id} of yours was found.", "asset_id")
        return asset

    def complete(self, caller: str, asset_id: str, *, skip_validation: bool) -> dict[str, Any]:
        """Complete an upload and answer the spec's ``CompleteAssetUploadResponse``.

        Completing again answers the first outcome, so a client may retry safely.

        Raises:
            ApiError: No such asset of the caller's (404), or it was created from a URL (409).
        """
        now = self.clock()
        asset = self._own(caller, asset_id)
        if asset.url is not None:
            raise ApiError.conflict(
                f"Asset {asset_id} was created from a URL; it has no upload to complete."
            )
        if asset.completed:
            return {"error": asset.upload_error}
        size = self.objects.size(asset.id)
        verdict = inspect_upload(
            asset.asset_type,
            str(asset.data.get("file_format", "")),
            size,
            self.objects.reader(asset.id),
            skip_validation=skip_validation or asset.skip_validation,
        )
        self.store.save_asset(
            dataclasses.replace(
                asset,
                status=verdict.status,
                status_details=verdict.details,
                size_bytes=size or 0,
                ready_at=now + self._ready_seconds if verdict.status == "uploaded" else None,
                upload_error=verdict.error,
                completed=True,
            )
        )
        return {"error": verdict.error}

    def retrieve(self, caller: str, text: str, transfer: str, base_url: str) -> dict[str, Any]:
        """Answer the spec's ``RetrieveAssetResponse`` for a reference.

        Raises:
            ApiError: No such asset (404), or the transfer API is not supported (400).
        """
        now = self.now()
        if transfer not in _SUPPORTED_TRANSFERS:
            raise _unsupported_transfer(transfer, "transfer_api_type")
        asset = self.resolve(caller, text)
        if asset is None:
            raise ApiError.not_found(f"No asset {text} was found.", "asset_owner_and_name_or_id")
        return {
            "asset": asset_json(asset, now),
            "transfer_api": self._presigned(asset, base_url, now),
        }

    def delete(self, caller: str, text: str) -> dict[str, Any]:
        """Delete one of the caller's assets and its file; answer ``DeleteAssetResponse``.

        Args:
            caller: The caller's tenant.
            text: The asset's id or name (see `resolve_asset`).

        Raises:
            ApiError: No such asset of the caller's (404).
        """
        now = self.now()
        asset = owned(self.resolve(caller, text), caller)
        if asset is None:
            raise ApiError.not_found(
                f"No asset {text} of yours was found.", "asset_owner_and_name_or_id"
            )
        self.store.save_asset(dataclasses.replace(asset, status="deleted", deleted_at=now))
        self.objects.remove(asset.id)
        return {"id": asset.id, "deleted_at": iso_time(now)}

    def list(
        self, query: AssetQuery, *, offset: int, limit: int, previews: bool, base_url: str
    ) -> dict[str, Any]:
        """Answer one page of assets, the spec's ``ListAssetsResponse``."""
        now = self.now()
        candidates = self.store.live_assets(query.caller, public=query.is_public)
        found = page([a for a in candidates if asset_matches(a, query)], offset, limit)

        def preview(asset: AssetRecord) -> str | None:
            wanted = previews and asset.data.get("file_format") in IMAGE_FORMATS
            if wanted and asset_status(asset, now) == "ready":
                return self._signed(base_url, "GET", asset.id, now)
            return None

        return {
            "data": [asset_json(a, now, preview_url=preview(a)) for a in found.items],
            "has_more": found.has_more,
            "total": found.total,
        }
