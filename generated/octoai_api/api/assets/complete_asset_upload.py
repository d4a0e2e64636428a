from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complete_asset_upload_request import CompleteAssetUploadRequest
from ...models.complete_asset_upload_response import CompleteAssetUploadResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    asset_id: str,
    *,
    body: CompleteAssetUploadRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/assets/{asset_id}/complete-upload".format(
            asset_id=quote(str(asset_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = CompleteAssetUploadResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

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
) -> Response[CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteAssetUploadRequest | Unset = UNSET,
) -> Response[CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError]:
    """Complete an asset's upload

     Says the file was uploaded to `put_url`, which starts its validation. A missing or
    empty file makes the asset `error` and the answer's `error` says why; a file that does
    not match its declared format (for example weights declared `safetensors` whose header
    does not parse) makes it `rejected`, with the reason in `status_details`; otherwise it
    is `uploaded` and becomes `ready` shortly after. Completing again answers the same
    outcome. Assets created from a `url` have nothing to complete (409).

    Args:
        asset_id (str):
        body (CompleteAssetUploadRequest | Unset): Options of completing an upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        asset_id=asset_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteAssetUploadRequest | Unset = UNSET,
) -> CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError | None:
    """Complete an asset's upload

     Says the file was uploaded to `put_url`, which starts its validation. A missing or
    empty file makes the asset `error` and the answer's `error` says why; a file that does
    not match its declared format (for example weights declared `safetensors` whose header
    does not parse) makes it `rejected`, with the reason in `status_details`; otherwise it
    is `uploaded` and becomes `ready` shortly after. Completing again answers the same
    outcome. Assets created from a `url` have nothing to complete (409).

    Args:
        asset_id (str):
        body (CompleteAssetUploadRequest | Unset): Options of completing an upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        asset_id=asset_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteAssetUploadRequest | Unset = UNSET,
) -> Response[CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError]:
    """Complete an asset's upload

     Says the file was uploaded to `put_url`, which starts its validation. A missing or
    empty file makes the asset `error` and the answer's `error` says why; a file that does
    not match its declared format (for example weights declared `safetensors` whose header
    does not parse) makes it `rejected`, with the reason in `status_details`; otherwise it
    is `uploaded` and becomes `ready` shortly after. Completing again answers the same
    outcome. Assets created from a `url` have nothing to complete (409).

    Args:
        asset_id (str):
        body (CompleteAssetUploadRequest | Unset): Options of completing an upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        asset_id=asset_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteAssetUploadRequest | Unset = UNSET,
) -> CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError | None:
    """Complete an asset's upload

     Says the file was uploaded to `put_url`, which starts its validation. A missing or
    empty file makes the asset `error` and the answer's `error` says why; a file that does
    not match its declared format (for example weights declared `safetensors` whose header
    does not parse) makes it `rejected`, with the reason in `status_details`; otherwise it
    is `uploaded` and becomes `ready` shortly after. Completing again answers the same
    outcome. Assets created from a `url` have nothing to complete (409).

    Args:
        asset_id (str):
        body (CompleteAssetUploadRequest | Unset): Options of completing an upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompleteAssetUploadResponse | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            asset_id=asset_id,
            client=client,
            body=body,
        )
    ).parsed
