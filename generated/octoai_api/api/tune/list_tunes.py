from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.list_tunes_response import ListTunesResponse
from ...models.tune_type import TuneType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    name: str | Unset = UNSET,
    tune_type: TuneType | Unset = UNSET,
    base_checkpoint_id: str | Unset = UNSET,
    trigger_words: list[str] | Unset = UNSET,
    engine: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["offset"] = offset

    params["limit"] = limit

    params["name"] = name

    json_tune_type: str | Unset = UNSET
    if not isinstance(tune_type, Unset):
        json_tune_type = tune_type.value

    params["tune_type"] = json_tune_type

    params["base_checkpoint_id"] = base_checkpoint_id

    json_trigger_words: list[str] | Unset = UNSET
    if not isinstance(trigger_words, Unset):
        json_trigger_words = trigger_words

    params["trigger_words"] = json_trigger_words

    params["engine"] = engine

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tunes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | ListTunesResponse | None:
    if response.status_code == 200:
        response_200 = ListTunesResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | ListTunesResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    name: str | Unset = UNSET,
    tune_type: TuneType | Unset = UNSET,
    base_checkpoint_id: str | Unset = UNSET,
    trigger_words: list[str] | Unset = UNSET,
    engine: str | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ListTunesResponse]:
    """List tunes

     Lists the caller's tunes, oldest first, one page at a time (`offset`, `limit`; `total`
    counts every match). Every filter narrows the list; `trigger_words` matches tunes with
    any of the given words.

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        name (str | Unset):
        tune_type (TuneType | Unset): The kind of a tune.
        base_checkpoint_id (str | Unset):
        trigger_words (list[str] | Unset):
        engine (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ListTunesResponse]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        name=name,
        tune_type=tune_type,
        base_checkpoint_id=base_checkpoint_id,
        trigger_words=trigger_words,
        engine=engine,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    name: str | Unset = UNSET,
    tune_type: TuneType | Unset = UNSET,
    base_checkpoint_id: str | Unset = UNSET,
    trigger_words: list[str] | Unset = UNSET,
    engine: str | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ListTunesResponse | None:
    """List tunes

     Lists the caller's tunes, oldest first, one page at a time (`offset`, `limit`; `total`
    counts every match). Every filter narrows the list; `trigger_words` matches tunes with
    any of the given words.

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        name (str | Unset):
        tune_type (TuneType | Unset): The kind of a tune.
        base_checkpoint_id (str | Unset):
        trigger_words (list[str] | Unset):
        engine (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ListTunesResponse
    """

    return sync_detailed(
        client=client,
        offset=offset,
        limit=limit,
        name=name,
        tune_type=tune_type,
        base_checkpoint_id=base_checkpoint_id,
        trigger_words=trigger_words,
        engine=engine,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    name: str | Unset = UNSET,
    tune_type: TuneType | Unset = UNSET,
    base_checkpoint_id: str | Unset = UNSET,
    trigger_words: list[str] | Unset = UNSET,
    engine: str | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ListTunesResponse]:
    """List tunes

     Lists the caller's tunes, oldest first, one page at a time (`offset`, `limit`; `total`
    counts every match). Every filter narrows the list; `trigger_words` matches tunes with
    any of the given words.

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        name (str | Unset):
        tune_type (TuneType | Unset): The kind of a tune.
        base_checkpoint_id (str | Unset):
        trigger_words (list[str] | Unset):
        engine (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ListTunesResponse]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        name=name,
        tune_type=tune_type,
        base_checkpoint_id=base_checkpoint_id,
        trigger_words=trigger_words,
        engine=engine,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    name: str | Unset = UNSET,
    tune_type: TuneType | Unset = UNSET,
    base_checkpoint_id: str | Unset = UNSET,
    trigger_words: list[str] | Unset = UNSET,
    engine: str | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ListTunesResponse | None:
    """List tunes

     Lists the caller's tunes, oldest first, one page at a time (`offset`, `limit`; `total`
    counts every match). Every filter narrows the list; `trigger_words` matches tunes with
    any of the given words.

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        name (str | Unset):
        tune_type (TuneType | Unset): The kind of a tune.
        base_checkpoint_id (str | Unset):
        trigger_words (list[str] | Unset):
        engine (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ListTunesResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            offset=offset,
            limit=limit,
            name=name,
            tune_type=tune_type,
            base_checkpoint_id=base_checkpoint_id,
            trigger_words=trigger_words,
            engine=engine,
        )
    ).parsed
