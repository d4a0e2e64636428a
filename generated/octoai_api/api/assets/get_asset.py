from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.retrieve_asset_response import RetrieveAssetResponse
from ...models.transfer_api_type import TransferApiType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    asset_owner_and_name_or_id: str,
    *,
    transfer_api_type: TransferApiType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_transfer_api_type: str | Unset = UNSET
    if not isinstance(transfer_api_type, Unset):
        json_transfer_api_type = transfer_api_type.value

    params["transfer_api_type"] = json_transfer_api_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/assets/{asset_owner_and_name_or_id}".format(
            asset_owner_and_name_or_id=quote(str(asset_owner_and_name_or_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | RetrieveAssetResponse | None:
    if response.status_code == 200:
        response_200 = RetrieveAssetResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | HTTPValidationError | RetrieveAssetResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    asset_owner_and_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    transfer_api_type: TransferApiType | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | RetrieveAssetResponse]:
    """Retrieve an asset

     Answers one asset, found by its id (`asset_01...`), by the name of one of the caller's
    own assets (`origami-paper`), or by `owner:name` (`octoai:default-sdxl`), with fresh
    transfer credentials: a `presigned-url` transfer API downloads the file with `get_url`
    (and, while the asset is `ready_to_upload`, uploads it with `put_url`).

    Args:
        asset_owner_and_name_or_id (str):
        transfer_api_type (TransferApiType | Unset): How an asset's file is transferred:
            `presigned-url` (one signed HTTP URL each to upload
            and download), `sts` (temporary S3 credentials), `gcp-oauth` (a Google Cloud Storage
            token) or `any` (the service chooses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | RetrieveAssetResponse]
    """

    kwargs = _get_kwargs(
        asset_owner_and_name_or_id=asset_owner_and_name_or_id,
        transfer_api_type=transfer_api_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    asset_owner_and_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    transfer_api_type: TransferApiType | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | RetrieveAssetResponse | None:
    """Retrieve an asset

     Answers one asset, found by its id (`asset_01...`), by the name of one of the caller's
    own assets (`origami-paper`), or by `owner:name` (`octoai:default-sdxl`), with fresh
    transfer credentials: a `presigned-url` transfer API downloads the file with `get_url`
    (and, while the asset is `ready_to_upload`, uploads it with `put_url`).

    Args:
        asset_owner_and_name_or_id (str):
        transfer_api_type (TransferApiType | Unset): How an asset's file is transferred:
            `presigned-url` (one signed HTTP URL each to upload
            and download), `sts` (temporary S3 credentials), `gcp-oauth` (a Google Cloud Storage
            token) or `any` (the service chooses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | RetrieveAssetResponse
    """

    return sync_detailed(
        asset_owner_and_name_or_id=asset_owner_and_name_or_id,
        client=client,
        transfer_api_type=transfer_api_type,
    ).parsed


async def asyncio_detailed(
    asset_owner_and_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    transfer_api_type: TransferApiType | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | RetrieveAssetResponse]:
    """Retrieve an asset

     Answers one asset, found by its id (`asset_01...`), by the name of one of the caller's
    own assets (`origami-paper`), or by `owner:name` (`octoai:default-sdxl`), with fresh
    transfer credentials: a `presigned-url` transfer API downloads the file with `get_url`
    (and, while the asset is `ready_to_upload`, uploads it with `put_url`).

    Args:
        asset_owner_and_name_or_id (str):
        transfer_api_type (TransferApiType | Unset): How an asset's file is transferred:
            `presigned-url` (one signed HTTP URL each to upload
            and download), `sts` (temporary S3 credentials), `gcp-oauth` (a Google Cloud Storage
            token) or `any` (the service chooses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | RetrieveAssetResponse]
    """

    kwargs = _get_kwargs(
        asset_owner_and_name_or_id=asset_owner_and_name_or_id,
        transfer_api_type=transfer_api_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    asset_owner_and_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    transfer_api_type: TransferApiType | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | RetrieveAssetResponse | None:
    """Retrieve an asset

     Answers one asset, found by its id (`asset_01...`), by the name of one of the caller's
    own assets (`origami-paper`), or by `owner:name` (`octoai:default-sdxl`), with fresh
    transfer credentials: a `presigned-url` transfer API downloads the file with `get_url`
    (and, while the asset is `ready_to_upload`, uploads it with `put_url`).

    Args:
        asset_owner_and_name_or_id (str):
        transfer_api_type (TransferApiType | Unset): How an asset's file is transferred:
            `presigned-url` (one signed HTTP URL each to upload
            and download), `sts` (temporary S3 credentials), `gcp-oauth` (a Google Cloud Storage
            token) or `any` (the service chooses).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | RetrieveAssetResponse
    """

    return (
        await asyncio_detailed(
            asset_owner_and_name_or_id=asset_owner_and_name_or_id,
            client=client,
            transfer_api_type=transfer_api_type,
        )
    ).parsed
