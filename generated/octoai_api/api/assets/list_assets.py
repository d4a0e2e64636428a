from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_type import AssetType
from ...models.base_engine import BaseEngine
from ...models.base_engine_type import BaseEngineType
from ...models.data_type import DataType
from ...models.error_response import ErrorResponse
from ...models.file_extension import FileExtension
from ...models.file_format import FileFormat
from ...models.http_validation_error import HTTPValidationError
from ...models.list_assets_response import ListAssetsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    name: str | Unset = UNSET,
    is_public: bool | Unset = False,
    data_type: DataType | Unset = UNSET,
    asset_type: list[AssetType] | Unset = UNSET,
    engine: list[BaseEngine] | Unset = UNSET,
    engine_type: BaseEngineType | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    get_preview_urls: bool | Unset = False,
    asset_ids: list[str] | Unset = UNSET,
    owner: str | Unset = UNSET,
    file_format: list[FileExtension | FileFormat] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["name"] = name

    params["is_public"] = is_public

    json_data_type: str | Unset = UNSET
    if not isinstance(data_type, Unset):
        json_data_type = data_type.value

    params["data_type"] = json_data_type

    json_asset_type: list[str] | Unset = UNSET
    if not isinstance(asset_type, Unset):
        json_asset_type = []
        for asset_type_item_data in asset_type:
            asset_type_item = asset_type_item_data.value
            json_asset_type.append(asset_type_item)

    params["asset_type"] = json_asset_type

    json_engine: list[str] | Unset = UNSET
    if not isinstance(engine, Unset):
        json_engine = []
        for engine_item_data in engine:
            engine_item = engine_item_data.value
            json_engine.append(engine_item)

    params["engine"] = json_engine

    json_engine_type: str | Unset = UNSET
    if not isinstance(engine_type, Unset):
        json_engine_type = engine_type.value

    params["engine_type"] = json_engine_type

    params["limit"] = limit

    params["offset"] = offset

    params["get_preview_urls"] = get_preview_urls

    json_asset_ids: list[str] | Unset = UNSET
    if not isinstance(asset_ids, Unset):
        json_asset_ids = asset_ids

    params["asset_ids"] = json_asset_ids

    params["owner"] = owner

    json_file_format: list[str] | Unset = UNSET
    if not isinstance(file_format, Unset):
        json_file_format = []
        for file_format_item_data in file_format:
            file_format_item: str
            if isinstance(file_format_item_data, FileFormat):
                file_format_item = file_format_item_data.value
            else:
                file_format_item = file_format_item_data.value

            json_file_format.append(file_format_item)

    params["file_format"] = json_file_format

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/assets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | ListAssetsResponse | None:
    if response.status_code == 200:
        response_200 = ListAssetsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | ListAssetsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str | Unset = UNSET,
    is_public: bool | Unset = False,
    data_type: DataType | Unset = UNSET,
    asset_type: list[AssetType] | Unset = UNSET,
    engine: list[BaseEngine] | Unset = UNSET,
    engine_type: BaseEngineType | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    get_preview_urls: bool | Unset = False,
    asset_ids: list[str] | Unset = UNSET,
    owner: str | Unset = UNSET,
    file_format: list[FileExtension | FileFormat] | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ListAssetsResponse]:
    """List assets

     Lists the caller's own assets, or with `is_public=true` the public assets of every
    owner (OctoAI's own, owner `octoai`, among them), oldest first. Every filter narrows the
    list; array filters match any of their values and may be sent as repeated keys
    (`asset_type=lora&asset_type=vae`) or comma-joined (`asset_type=lora,vae`). Paging is by
    `offset` and `limit`; `total` counts every match and `has_more` says whether a later page
    exists. Deleted assets are never listed.

    Args:
        name (str | Unset):
        is_public (bool | Unset):  Default: False.
        data_type (DataType | Unset): The numeric type of stored weights.
        asset_type (list[AssetType] | Unset):
        engine (list[BaseEngine] | Unset):
        engine_type (BaseEngineType | Unset): The kind of engine an asset is made for.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        get_preview_urls (bool | Unset):  Default: False.
        asset_ids (list[str] | Unset):
        owner (str | Unset):
        file_format (list[FileExtension | FileFormat] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ListAssetsResponse]
    """

    kwargs = _get_kwargs(
        name=name,
        is_public=is_public,
        data_type=data_type,
        asset_type=asset_type,
        engine=engine,
        engine_type=engine_type,
        limit=limit,
        offset=offset,
        get_preview_urls=get_preview_urls,
        asset_ids=asset_ids,
        owner=owner,
        file_format=file_format,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    name: str | Unset = UNSET,
    is_public: bool | Unset = False,
    data_type: DataType | Unset = UNSET,
    asset_type: list[AssetType] | Unset = UNSET,
    engine: list[BaseEngine] | Unset = UNSET,
    engine_type: BaseEngineType | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    get_preview_urls: bool | Unset = False,
    asset_ids: list[str] | Unset = UNSET,
    owner: str | Unset = UNSET,
    file_format: list[FileExtension | FileFormat] | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ListAssetsResponse | None:
    """List assets

     Lists the caller's own assets, or with `is_public=true` the public assets of every
    owner (OctoAI's own, owner `octoai`, among them), oldest first. Every filter narrows the
    list; array filters match any of their values and may be sent as repeated keys
    (`asset_type=lora&asset_type=vae`) or comma-joined (`asset_type=lora,vae`). Paging is by
    `offset` and `limit`; `total` counts every match and `has_more` says whether a later page
    exists. Deleted assets are never listed.

    Args:
        name (str | Unset):
        is_public (bool | Unset):  Default: False.
        data_type (DataType | Unset): The numeric type of stored weights.
        asset_type (list[AssetType] | Unset):
        engine (list[BaseEngine] | Unset):
        engine_type (BaseEngineType | Unset): The kind of engine an asset is made for.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        get_preview_urls (bool | Unset):  Default: False.
        asset_ids (list[str] | Unset):
        owner (str | Unset):
        file_format (list[FileExtension | FileFormat] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ListAssetsResponse
    """

    return sync_detailed(
        client=client,
        name=name,
        is_public=is_public,
        data_type=data_type,
        asset_type=asset_type,
        engine=engine,
        engine_type=engine_type,
        limit=limit,
        offset=offset,
        get_preview_urls=get_preview_urls,
        asset_ids=asset_ids,
        owner=owner,
        file_format=file_format,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str | Unset = UNSET,
    is_public: bool | Unset = False,
    data_type: DataType | Unset = UNSET,
    asset_type: list[AssetType] | Unset = UNSET,
    engine: list[BaseEngine] | Unset = UNSET,
    engine_type: BaseEngineType | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    get_preview_urls: bool | Unset = False,
    asset_ids: list[str] | Unset = UNSET,
    owner: str | Unset = UNSET,
    file_format: list[FileExtension | FileFormat] | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ListAssetsResponse]:
    """List assets

     Lists the caller's own assets, or with `is_public=true` the public assets of every
    owner (OctoAI's own, owner `octoai`, among them), oldest first. Every filter narrows the
    list; array filters match any of their values and may be sent as repeated keys
    (`asset_type=lora&asset_type=vae`) or comma-joined (`asset_type=lora,vae`). Paging is by
    `offset` and `limit`; `total` counts every match and `has_more` says whether a later page
    exists. Deleted assets are never listed.

    Args:
        name (str | Unset):
        is_public (bool | Unset):  Default: False.
        data_type (DataType | Unset): The numeric type of stored weights.
        asset_type (list[AssetType] | Unset):
        engine (list[BaseEngine] | Unset):
        engine_type (BaseEngineType | Unset): The kind of engine an asset is made for.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        get_preview_urls (bool | Unset):  Default: False.
        asset_ids (list[str] | Unset):
        owner (str | Unset):
        file_format (list[FileExtension | FileFormat] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ListAssetsResponse]
    """

    kwargs = _get_kwargs(
        name=name,
        is_public=is_public,
        data_type=data_type,
        asset_type=asset_type,
        engine=engine,
        engine_type=engine_type,
        limit=limit,
        offset=offset,
        get_preview_urls=get_preview_urls,
        asset_ids=asset_ids,
        owner=owner,
        file_format=file_format,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    name: str | Unset = UNSET,
    is_public: bool | Unset = False,
    data_type: DataType | Unset = UNSET,
    asset_type: list[AssetType] | Unset = UNSET,
    engine: list[BaseEngine] | Unset = UNSET,
    engine_type: BaseEngineType | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    get_preview_urls: bool | Unset = False,
    asset_ids: list[str] | Unset = UNSET,
    owner: str | Unset = UNSET,
    file_format: list[FileExtension | FileFormat] | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ListAssetsResponse | None:
    """List assets

     Lists the caller's own assets, or with `is_public=true` the public assets of every
    owner (OctoAI's own, owner `octoai`, among them), oldest first. Every filter narrows the
    list; array filters match any of their values and may be sent as repeated keys
    (`asset_type=lora&asset_type=vae`) or comma-joined (`asset_type=lora,vae`). Paging is by
    `offset` and `limit`; `total` counts every match and `has_more` says whether a later page
    exists. Deleted assets are never listed.

    Args:
        name (str | Unset):
        is_public (bool | Unset):  Default: False.
        data_type (DataType | Unset): The numeric type of stored weights.
        asset_type (list[AssetType] | Unset):
        engine (list[BaseEngine] | Unset):
        engine_type (BaseEngineType | Unset): The kind of engine an asset is made for.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        get_preview_urls (bool | Unset):  Default: False.
        asset_ids (list[str] | Unset):
        owner (str | Unset):
        file_format (list[FileExtension | FileFormat] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ListAssetsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            name=name,
            is_public=is_public,
            data_type=data_type,
            asset_type=asset_type,
            engine=engine,
            engine_type=engine_type,
            limit=limit,
            offset=offset,
            get_preview_urls=get_preview_urls,
            asset_ids=asset_ids,
            owner=owner,
            file_format=file_format,
        )
    ).parsed
