from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.async_flag import AsyncFlag
from ...models.async_inference_response import AsyncInferenceResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.image_generation_request import ImageGenerationRequest
from ...models.image_generation_response import ImageGenerationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImageGenerationRequest,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_octo_ai_async, Unset):
        headers["X-OctoAI-Async"] = str(x_octo_ai_async)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/generate/ssd",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | ImageGenerationResponse
    | None
):
    if response.status_code == 200:
        response_200 = ImageGenerationResponse.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = AsyncInferenceResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

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
) -> Response[
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | ImageGenerationResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImageGenerationRequest,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> Response[
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | ImageGenerationResponse
]:
    """Generate images with Segmind Stable Diffusion (SSD-1B)

     As `generate_sdxl`, with the SSD-1B engine (`image/stable-diffusion-ssd`): checkpoints,
    LoRAs and other customisations must be made for that engine.

    Args:
        x_octo_ai_async (AsyncFlag | Unset):
        body (ImageGenerationRequest): Generate one or more images from a prompt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncInferenceResponse | ErrorResponse | HTTPValidationError | ImageGenerationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_octo_ai_async=x_octo_ai_async,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ImageGenerationRequest,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> (
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | ImageGenerationResponse
    | None
):
    """Generate images with Segmind Stable Diffusion (SSD-1B)

     As `generate_sdxl`, with the SSD-1B engine (`image/stable-diffusion-ssd`): checkpoints,
    LoRAs and other customisations must be made for that engine.

    Args:
        x_octo_ai_async (AsyncFlag | Unset):
        body (ImageGenerationRequest): Generate one or more images from a prompt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncInferenceResponse | ErrorResponse | HTTPValidationError | ImageGenerationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_octo_ai_async=x_octo_ai_async,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImageGenerationRequest,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> Response[
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | ImageGenerationResponse
]:
    """Generate images with Segmind Stable Diffusion (SSD-1B)

     As `generate_sdxl`, with the SSD-1B engine (`image/stable-diffusion-ssd`): checkpoints,
    LoRAs and other customisations must be made for that engine.

    Args:
        x_octo_ai_async (AsyncFlag | Unset):
        body (ImageGenerationRequest): Generate one or more images from a prompt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncInferenceResponse | ErrorResponse | HTTPValidationError | ImageGenerationResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_octo_ai_async=x_octo_ai_async,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImageGenerationRequest,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> (
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | ImageGenerationResponse
    | None
):
    """Generate images with Segmind Stable Diffusion (SSD-1B)

     As `generate_sdxl`, with the SSD-1B engine (`image/stable-diffusion-ssd`): checkpoints,
    LoRAs and other customisations must be made for that engine.

    Args:
        x_octo_ai_async (AsyncFlag | Unset):
        body (ImageGenerationRequest): Generate one or more images from a prompt.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncInferenceResponse | ErrorResponse | HTTPValidationError | ImageGenerationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_octo_ai_async=x_octo_ai_async,
        )
    ).parsed
