from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_asset_request import CreateAssetRequest
from ...models.create_asset_response import CreateAssetResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: CreateAssetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/assets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateAssetResponse | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = CreateAssetResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[CreateAssetResponse | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAssetRequest,
) -> Response[CreateAssetResponse | ErrorResponse | HTTPValidationError]:
    """Create an asset

     Creates an asset and answers where to upload its file. With the default transfer API,
    `presigned-url`, the asset is `ready_to_upload` and `transfer_api.put_url` takes one HTTP
    `PUT` of the file's bytes, with no `Authorization` header (the URL is signed and expires);
    then `complete-upload` starts validation (`uploaded`, then `ready`, `rejected` or
    `error`). With `url` the service fetches the file itself: the asset is `uploading`, then
    `ready`, and `transfer_api.type` is `none`.

    Names are unique per owner among assets that are not deleted (409 otherwise).

    Args:
        body (CreateAssetRequest): A new asset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateAssetResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAssetRequest,
) -> CreateAssetResponse | ErrorResponse | HTTPValidationError | None:
    """Create an asset

     Creates an asset and answers where to upload its file. With the default transfer API,
    `presigned-url`, the asset is `ready_to_upload` and `transfer_api.put_url` takes one HTTP
    `PUT` of the file's bytes, with no `Authorization` header (the URL is signed and expires);
    then `complete-upload` starts validation (`uploaded`, then `ready`, `rejected` or
    `error`). With `url` the service fetches the file itself: the asset is `uploading`, then
    `ready`, and `transfer_api.type` is `none`.

    Names are unique per owner among assets that are not deleted (409 otherwise).

    Args:
        body (CreateAssetRequest): A new asset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateAssetResponse | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAssetRequest,
) -> Response[CreateAssetResponse | ErrorResponse | HTTPValidationError]:
    """Create an asset

     Creates an asset and answers where to upload its file. With the default transfer API,
    `presigned-url`, the asset is `ready_to_upload` and `transfer_api.put_url` takes one HTTP
    `PUT` of the file's bytes, with no `Authorization` header (the URL is signed and expires);
    then `complete-upload` starts validation (`uploaded`, then `ready`, `rejected` or
    `error`). With `url` the service fetches the file itself: the asset is `uploading`, then
    `ready`, and `transfer_api.type` is `none`.

    Names are unique per owner among assets that are not deleted (409 otherwise).

    Args:
        body (CreateAssetRequest): A new asset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateAssetResponse | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateAssetRequest,
) -> CreateAssetResponse | ErrorResponse | HTTPValidationError | None:
    """Create an asset

     Creates an asset and answers where to upload its file. With the default transfer API,
    `presigned-url`, the asset is `ready_to_upload` and `transfer_api.put_url` takes one HTTP
    `PUT` of the file's bytes, with no `Authorization` header (the URL is signed and expires);
    then `complete-upload` starts validation (`uploaded`, then `ready`, `rejected` or
    `error`). With `url` the service fetches the file itself: the asset is `uploading`, then
    `ready`, and `transfer_api.type` is `none`.

    Names are unique per owner among assets that are not deleted (409 otherwise).

    Args:
        body (CreateAssetRequest): A new asset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateAssetResponse | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
