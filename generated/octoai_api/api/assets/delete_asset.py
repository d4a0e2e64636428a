from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_asset_response import DeleteAssetResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    asset_owner_and_name_or_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/assets/{asset_owner_and_name_or_id}".format(
            asset_owner_and_name_or_id=quote(str(asset_owner_and_name_or_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeleteAssetResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DeleteAssetResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[DeleteAssetResponse | ErrorResponse]:
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
) -> Response[DeleteAssetResponse | ErrorResponse]:
    """Delete an asset

     Deletes one of the caller's own assets, named by its id or by its name. It answers 404
    from then on and is no longer listed; its name can be used again. Tunes that used it
    are not affected.

    Args:
        asset_owner_and_name_or_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteAssetResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        asset_owner_and_name_or_id=asset_owner_and_name_or_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    asset_owner_and_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DeleteAssetResponse | ErrorResponse | None:
    """Delete an asset

     Deletes one of the caller's own assets, named by its id or by its name. It answers 404
    from then on and is no longer listed; its name can be used again. Tunes that used it
    are not affected.

    Args:
        asset_owner_and_name_or_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteAssetResponse | ErrorResponse
    """

    return sync_detailed(
        asset_owner_and_name_or_id=asset_owner_and_name_or_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    asset_owner_and_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DeleteAssetResponse | ErrorResponse]:
    """Delete an asset

     Deletes one of the caller's own assets, named by its id or by its name. It answers 404
    from then on and is no longer listed; its name can be used again. Tunes that used it
    are not affected.

    Args:
        asset_owner_and_name_or_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteAssetResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        asset_owner_and_name_or_id=asset_owner_and_name_or_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    asset_owner_and_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DeleteAssetResponse | ErrorResponse | None:
    """Delete an asset

     Deletes one of the caller's own assets, named by its id or by its name. It answers 404
    from then on and is no longer listed; its name can be used again. Tunes that used it
    are not affected.

    Args:
        asset_owner_and_name_or_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteAssetResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            asset_owner_and_name_or_id=asset_owner_and_name_or_id,
            client=client,
        )
    ).parsed
