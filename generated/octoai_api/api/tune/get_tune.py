from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.tune import Tune
from ...types import Response


def _get_kwargs(
    tune_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tune/{tune_id}".format(
            tune_id=quote(str(tune_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Tune | None:
    if response.status_code == 200:
        response_200 = Tune.from_dict(response.json())

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
) -> Response[ErrorResponse | Tune]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tune_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Tune]:
    """Retrieve a tune

     Answers one of the caller's tunes with its current status.

    Args:
        tune_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Tune]
    """

    kwargs = _get_kwargs(
        tune_id=tune_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tune_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Tune | None:
    """Retrieve a tune

     Answers one of the caller's tunes with its current status.

    Args:
        tune_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Tune
    """

    return sync_detailed(
        tune_id=tune_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    tune_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Tune]:
    """Retrieve a tune

     Answers one of the caller's tunes with its current status.

    Args:
        tune_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Tune]
    """

    kwargs = _get_kwargs(
        tune_id=tune_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tune_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Tune | None:
    """Retrieve a tune

     Answers one of the caller's tunes with its current status.

    Args:
        tune_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Tune
    """

    return (
        await asyncio_detailed(
            tune_id=tune_id,
            client=client,
        )
    ).parsed
