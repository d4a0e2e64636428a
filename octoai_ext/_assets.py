"""The asset library as flows over a core: create, upload, complete, wait, get, list, delete.

Uploading is one flow: create the asset, PUT the file to the presigned URL the service
returns (streamed, with its length declared, retried from the start of the file on a broken
connection or a 5xx, never with the token), complete the upload (its `error` is checked), then
wait until the asset is `ready`. One deadline covers every step.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from . import _constants as c
from ._errors import (
    AssetDeletedError,
    AssetFailedError,
    AssetRejectedError,
    OctoAIClientError,
    OctoAIError,
    OctoAIServerError,
)
from ._flows import Call, Deadline, Flow, start_deadline
from ._lazy import lazy_module
from ._paging import list_page as _list_page
from ._requests import jsonable
from ._types import ProgressCallback
from ._upload_body import UploadProgress, UploadSource
from ._waiting import Schedule, States, poll_until, wait_options

if TYPE_CHECKING:
    from . import _generated
    from ._core import CallOptions, ClientCore
    from ._generated import Asset, DeleteAssetResponse, ListAssetsResponse
else:
    _generated = lazy_module("octoai_ext._generated")

#: How long creating an asset (upload and wait included) may take by default.
DEFAULT_CREATE_TIMEOUT = 900.0
#: Filters of `GET /v1/assets` that take several values (sent as repeated keys).
_MULTI_FILTERS = frozenset({"asset_type", "engine", "asset_ids", "file_format"})
#: Filters of `GET /v1/assets`.
ASSET_FILTERS = frozenset(
    {
        "name",
        "is_public",
        "data_type",
        "asset_type",
        "engine",
        "engine_type",
        "asset_ids",
        "owner",
        "file_format",
        "get_preview_urls",
    }
)


def id_of(resource: Any, what: str) -> str:
    """The id that names `resource`: the string itself, or the `id` of a model (an `Asset`).

    Raises:
        OctoAIClientError: Neither a non-empty string nor an object with an `id`.
    """
    if isinstance(resource, str) and resource:
        return resource
    resource_id = getattr(resource, "id", None)
    if isinstance(resource_id, str) and resource_id:
        return resource_id
    raise OctoAIClientError(f"expected {what}, not {resource!r}")


def asset_id_of(asset: Any) -> str:
    """The id (or name) that names `asset`: an `Asset` or a string."""
    return id_of(asset, "an Asset, an asset id or a name")


def _status(asset: Asset) -> str:
    status = asset.status
    return status.value if isinstance(status, enum.Enum) else str(status)


def _error(
    cls: type[AssetRejectedError | AssetFailedError | AssetDeletedError],
) -> Callable[[Asset], OctoAIError]:
    def build(asset: Asset) -> OctoAIError:
        details = asset.status_details or ""
        status = _status(asset)
        reason = f": {details}" if details else ""
        return cls(
            f"asset {asset.name!r} ({asset.id}) is {status}{reason}",
            status=status,
            status_details=details,
        )

    return build


_ASSET_STATES: States[Asset] = States(
    kind="asset",
    state_of=_status,
    done=frozenset({"ready"}),
    # `ready_to_upload` is waited through: another process may be uploading the file.
    going=frozenset({"ready_to_upload", "uploading", "uploaded"}),
    failed={
        "rejected": _error(AssetRejectedError),
        "error": _error(AssetFailedError),
        "deleted": _error(AssetDeletedError),
    },
)


def _data_of(data: Any) -> tuple[str, dict[str, Any]]:
    body = data.to_dict() if hasattr(data, "to_dict") else data
    if not isinstance(body, Mapping):
        raise OctoAIClientError(
            "data must be a dict such as {'asset_type': 'lora', 'engine': "
            "'image/stable-diffusion-xl-v1-0'} or a generated data model (LoraData, ...), "
            f"not {type(data).__name__}"
        )
    body = jsonable(body)
    asset_type = body.get("asset_type")
    if not isinstance(asset_type, str) or not asset_type:
        raise OctoAIClientError(
            "data needs its asset_type ('file', 'checkpoint', 'lora', 'textual_inversion', "
            "'vae' or 'latent')"
        )
    return asset_type, body


def read(
    core: ClientCore, ref: str, options: CallOptions, deadline: Deadline | None
) -> Flow[Asset]:
    """One reading of an asset, by id, own name or `owner:name`."""
    spec = core.platform_call(_generated.ASSET_ROUTES("get", ref), options)
    response = yield from core.call(spec, deadline)
    parse = _generated.RetrieveAssetResponse.from_dict
    return core.parse_model(parse, response, "an asset").asset


def get(core: ClientCore, ref: Any, given: Mapping[str, Any]) -> Flow[Asset]:
    """An asset by id, own name or `owner:name`."""
    options = core.options(given)
    return (yield from read(core, asset_id_of(ref), options, options.deadline(core.clock)))


def delete(core: ClientCore, ref: Any, given: Mapping[str, Any]) -> Flow[DeleteAssetResponse]:
    """Delete an asset; its files go with it."""
    options = core.options(given)
    spec = core.platform_call(_generated.ASSET_ROUTES("delete", asset_id_of(ref)), options)
    response = yield from core.call(spec, options.deadline(core.clock))
    parse = _generated.DeleteAssetResponse.from_dict
    return core.parse_model(parse, response, "a deleted asset")


def wait_for_ready(
    core: ClientCore,
    ref: Any,
    given: Mapping[str, Any],
    *,
    interval: float,
    max_interval: float,
    on_progress: ProgressCallback | None,
    deadline: Deadline | None = None,
    options: CallOptions | None = None,
) -> Flow[Asset]:
    """Read an asset until it is `ready`; a final state that is not raises its typed error."""
    asset_id = asset_id_of(ref)
    if options is None:
        options, budget = wait_options(core, given, default_budget=DEFAULT_CREATE_TIMEOUT)
        deadline = start_deadline(budget, core.clock)
    bound = options
    return (
        yield from poll_until(
            lambda deadline: read(core, asset_id, bound, deadline),
            _ASSET_STATES,
            subject=asset_id,
            clock=core.clock,
            deadline=deadline,
            schedule=Schedule(interval, max_interval),
            on_progress=on_progress,
        )
    )


def _upload_call(
    core: ClientCore,
    put_url: str,
    source: UploadSource,
    options: CallOptions,
    on_progress: UploadProgress | None,
) -> Call:
    core.scope.check_presigned(put_url)
    headers = {
        **core.default_headers,
        **(options.extra_headers or {}),
        "Content-Length": str(source.size),
        "Content-Type": "application/octet-stream",
    }

    def build() -> httpx.Request:
        request = core.http.build_request("PUT", put_url, headers=headers, timeout=options.timeout)
        # No credential but the URL's own, even if the caller's httpx client adds one.
        request.headers.pop("Authorization", None)
        request.headers["Content-Length"] = str(source.size)
        # A fresh body per attempt: a retry sends the file again from its first byte.
        request.stream = source.stream(on_progress)
        return request

    return Call(build(), idempotent=True, max_retries=options.max_retries, rebuild=build)


def create(
    core: ClientCore,
    source: UploadSource | None,
    given: Mapping[str, Any],
    *,
    name: str,
    data: Any,
    description: str | None,
    is_public: bool,
    url: str | None,
    wait: bool,
    on_progress: UploadProgress | None,
) -> Flow[Asset]:
    """Create an asset and, from a file, upload it and complete the upload; maybe wait."""
    if (source is None) == (url is None):
        raise OctoAIClientError("give either a file to upload or a url to create the asset from")
    if not isinstance(name, str) or not name:
        raise OctoAIClientError("an asset needs a non-empty name")
    asset_type, body_data = _data_of(data)
    options, budget = wait_options(core, given, default_budget=DEFAULT_CREATE_TIMEOUT)
    deadline = start_deadline(budget, core.clock)
    body: dict[str, Any] = {
        "asset_type": asset_type,
        "name": name,
        "data": body_data,
        "is_public": is_public,
    }
    if description is not None:
        body["description"] = description
    if url is not None:
        body["url"] = url
    body.update(options.extra_body or {})
    spec = core.platform_call(_generated.ASSET_ROUTES("create"), options, json=body)
    response = yield from core.call(spec, deadline)
    created = core.parse_model(
        _generated.CreateAssetResponse.from_dict, response, "a created asset"
    )
    asset = created.asset
    if source is not None:
        transfer = created.transfer_api
        if not isinstance(transfer, _generated.PresignedUrlTransferApi):
            kind = getattr(transfer, "type_", type(transfer).__name__)
            raise OctoAIServerError(
                f"asset {asset.id} was created with transfer API {kind!r}; this client uploads "
                "through presigned URLs only"
            )
        upload = _upload_call(core, transfer.put_url, source, options, on_progress)
        yield from core.call(upload, deadline)
        yield from _complete(core, asset.id, options, deadline)
    if wait:
        return (
            yield from wait_for_ready(
                core,
                asset.id,
                given,
                interval=c.POLL_INITIAL_INTERVAL,
                max_interval=c.POLL_MAX_INTERVAL,
                on_progress=None,
                deadline=deadline,
                options=options,
            )
        )
    if source is None:
        return asset
    return (yield from read(core, asset.id, options, deadline))


def _complete(
    core: ClientCore, asset_id: str, options: CallOptions, deadline: Deadline | None
) -> Flow[None]:
    spec = core.platform_call(_generated.ASSET_ROUTES("complete", asset_id), options, json={})
    response = yield from core.call(spec, deadline)
    parse = _generated.CompleteAssetUploadResponse.from_dict
    completed = core.parse_model(parse, response, "a completed upload")
    if isinstance(completed.error, str) and completed.error:
        raise AssetFailedError(
            f"the upload of asset {asset_id} failed: {completed.error}",
            status="error",
            status_details=completed.error,
            status_code=response.status_code,
        )


def list_page(
    core: ClientCore,
    filters: Mapping[str, Any],
    given: Mapping[str, Any],
    *,
    limit: int,
    offset: int,
) -> Flow[ListAssetsResponse]:
    """One page of assets matching `filters`, with `has_more` and `total`."""
    page = _list_page(
        core,
        _generated.ASSET_ROUTES("list"),
        filters,
        given,
        known=ASSET_FILTERS,
        multi=_MULTI_FILTERS,
        limit=limit,
        offset=offset,
        parse=_generated.ListAssetsResponse.from_dict,
        what="a list of assets",
    )
    return (yield from page)
