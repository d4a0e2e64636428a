from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_tune_request import CreateTuneRequest
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.tune import Tune
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTuneRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tune",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | Tune | None:
    if response.status_code == 201:
        response_201 = Tune.from_dict(response.json())

        return response_201

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
) -> Response[ErrorResponse | HTTPValidationError | Tune]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTuneRequest,
) -> Response[ErrorResponse | HTTPValidationError | Tune]:
    """Create a tune

     Starts training. A `lora_tune` trains a LoRA for the engine of `base_checkpoint` (a
    `ready` checkpoint: an id, the caller's own asset name, or `owner:name` such as
    `octoai:default-sdxl`) from `files` (`ready` image file assets: png, jpg or jpeg) with
    exactly one trigger word. Problems with the details answer 422 naming the field,
    missing assets included. A training file that was rejected fails the tune unless
    `continue_on_rejection` is set; it is then listed in `result.rejected_assets`.

    A tune is `pending`, then `running`, then `succeeded`: its LoRA is then an asset of the
    tune's owner, named after the tune, listed in `output_lora_ids`. It can also end
    `failed` (see `status_details`) or `cancelled`. Tune names are unique per owner, and a
    tune may not take the name of one of the owner's assets, which its LoRA will need (409).

    Args:
        body (CreateTuneRequest): A new tune.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Tune]
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
    body: CreateTuneRequest,
) -> ErrorResponse | HTTPValidationError | Tune | None:
    """Create a tune

     Starts training. A `lora_tune` trains a LoRA for the engine of `base_checkpoint` (a
    `ready` checkpoint: an id, the caller's own asset name, or `owner:name` such as
    `octoai:default-sdxl`) from `files` (`ready` image file assets: png, jpg or jpeg) with
    exactly one trigger word. Problems with the details answer 422 naming the field,
    missing assets included. A training file that was rejected fails the tune unless
    `continue_on_rejection` is set; it is then listed in `result.rejected_assets`.

    A tune is `pending`, then `running`, then `succeeded`: its LoRA is then an asset of the
    tune's owner, named after the tune, listed in `output_lora_ids`. It can also end
    `failed` (see `status_details`) or `cancelled`. Tune names are unique per owner, and a
    tune may not take the name of one of the owner's assets, which its LoRA will need (409).

    Args:
        body (CreateTuneRequest): A new tune.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Tune
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTuneRequest,
) -> Response[ErrorResponse | HTTPValidationError | Tune]:
    """Create a tune

     Starts training. A `lora_tune` trains a LoRA for the engine of `base_checkpoint` (a
    `ready` checkpoint: an id, the caller's own asset name, or `owner:name` such as
    `octoai:default-sdxl`) from `files` (`ready` image file assets: png, jpg or jpeg) with
    exactly one trigger word. Problems with the details answer 422 naming the field,
    missing assets included. A training file that was rejected fails the tune unless
    `continue_on_rejection` is set; it is then listed in `result.rejected_assets`.

    A tune is `pending`, then `running`, then `succeeded`: its LoRA is then an asset of the
    tune's owner, named after the tune, listed in `output_lora_ids`. It can also end
    `failed` (see `status_details`) or `cancelled`. Tune names are unique per owner, and a
    tune may not take the name of one of the owner's assets, which its LoRA will need (409).

    Args:
        body (CreateTuneRequest): A new tune.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Tune]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTuneRequest,
) -> ErrorResponse | HTTPValidationError | Tune | None:
    """Create a tune

     Starts training. A `lora_tune` trains a LoRA for the engine of `base_checkpoint` (a
    `ready` checkpoint: an id, the caller's own asset name, or `owner:name` such as
    `octoai:default-sdxl`) from `files` (`ready` image file assets: png, jpg or jpeg) with
    exactly one trigger word. Problems with the details answer 422 naming the field,
    missing assets included. A training file that was rejected fails the tune unless
    `continue_on_rejection` is set; it is then listed in `result.rejected_assets`.

    A tune is `pending`, then `running`, then `succeeded`: its LoRA is then an asset of the
    tune's owner, named after the tune, listed in `output_lora_ids`. It can also end
    `failed` (see `status_details`) or `cancelled`. Tune names are unique per owner, and a
    tune may not take the name of one of the owner's assets, which its LoRA will need (409).

    Args:
        body (CreateTuneRequest): A new tune.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Tune
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
