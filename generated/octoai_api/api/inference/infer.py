from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.async_flag import AsyncFlag
from ...models.async_inference_response import AsyncInferenceResponse
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.inference_inputs import InferenceInputs
from ...models.inference_outputs import InferenceOutputs
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint: str,
    *,
    body: InferenceInputs,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_octo_ai_async, Unset):
        headers["X-OctoAI-Async"] = str(x_octo_ai_async)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/infer/{endpoint}".format(
            endpoint=quote(str(endpoint), safe=""),
        ),
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
    | InferenceOutputs
    | None
):
    if response.status_code == 200:
        response_200 = InferenceOutputs.from_dict(response.json())

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
    AsyncInferenceResponse | ErrorResponse | HTTPValidationError | InferenceOutputs
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint: str,
    *,
    client: AuthenticatedClient | Client,
    body: InferenceInputs,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> Response[
    AsyncInferenceResponse | ErrorResponse | HTTPValidationError | InferenceOutputs
]:
    """Run an inference on a JSON endpoint

     Sends free-form JSON inputs to an inference endpoint and answers its free-form JSON
    outputs. Real endpoints live at their own URLs (for example
    `https://image.octoai.run/generate/sdxl`); this path stands for all of them, and the
    clients accept the full endpoint URL.

    With the header `X-OctoAI-Async: 1` the request is queued instead: the answer is an
    `AsyncInferenceResponse` whose `poll_url` reports progress. Asynchronous request bodies
    are limited to 10 MB (413 above that).

    Endpoints that stream answer `text/event-stream` when the inputs ask for it, either
    OpenAI-style (ended by `data: [DONE]`) or HuggingFace-style (the last event has `"done": true`).

    Args:
        endpoint (str):
        x_octo_ai_async (AsyncFlag | Unset):
        body (InferenceInputs): The endpoint's inputs, free-form JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncInferenceResponse | ErrorResponse | HTTPValidationError | InferenceOutputs]
    """

    kwargs = _get_kwargs(
        endpoint=endpoint,
        body=body,
        x_octo_ai_async=x_octo_ai_async,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint: str,
    *,
    client: AuthenticatedClient | Client,
    body: InferenceInputs,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> (
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | InferenceOutputs
    | None
):
    """Run an inference on a JSON endpoint

     Sends free-form JSON inputs to an inference endpoint and answers its free-form JSON
    outputs. Real endpoints live at their own URLs (for example
    `https://image.octoai.run/generate/sdxl`); this path stands for all of them, and the
    clients accept the full endpoint URL.

    With the header `X-OctoAI-Async: 1` the request is queued instead: the answer is an
    `AsyncInferenceResponse` whose `poll_url` reports progress. Asynchronous request bodies
    are limited to 10 MB (413 above that).

    Endpoints that stream answer `text/event-stream` when the inputs ask for it, either
    OpenAI-style (ended by `data: [DONE]`) or HuggingFace-style (the last event has `"done": true`).

    Args:
        endpoint (str):
        x_octo_ai_async (AsyncFlag | Unset):
        body (InferenceInputs): The endpoint's inputs, free-form JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncInferenceResponse | ErrorResponse | HTTPValidationError | InferenceOutputs
    """

    return sync_detailed(
        endpoint=endpoint,
        client=client,
        body=body,
        x_octo_ai_async=x_octo_ai_async,
    ).parsed


async def asyncio_detailed(
    endpoint: str,
    *,
    client: AuthenticatedClient | Client,
    body: InferenceInputs,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> Response[
    AsyncInferenceResponse | ErrorResponse | HTTPValidationError | InferenceOutputs
]:
    """Run an inference on a JSON endpoint

     Sends free-form JSON inputs to an inference endpoint and answers its free-form JSON
    outputs. Real endpoints live at their own URLs (for example
    `https://image.octoai.run/generate/sdxl`); this path stands for all of them, and the
    clients accept the full endpoint URL.

    With the header `X-OctoAI-Async: 1` the request is queued instead: the answer is an
    `AsyncInferenceResponse` whose `poll_url` reports progress. Asynchronous request bodies
    are limited to 10 MB (413 above that).

    Endpoints that stream answer `text/event-stream` when the inputs ask for it, either
    OpenAI-style (ended by `data: [DONE]`) or HuggingFace-style (the last event has `"done": true`).

    Args:
        endpoint (str):
        x_octo_ai_async (AsyncFlag | Unset):
        body (InferenceInputs): The endpoint's inputs, free-form JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AsyncInferenceResponse | ErrorResponse | HTTPValidationError | InferenceOutputs]
    """

    kwargs = _get_kwargs(
        endpoint=endpoint,
        body=body,
        x_octo_ai_async=x_octo_ai_async,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint: str,
    *,
    client: AuthenticatedClient | Client,
    body: InferenceInputs,
    x_octo_ai_async: AsyncFlag | Unset = UNSET,
) -> (
    AsyncInferenceResponse
    | ErrorResponse
    | HTTPValidationError
    | InferenceOutputs
    | None
):
    """Run an inference on a JSON endpoint

     Sends free-form JSON inputs to an inference endpoint and answers its free-form JSON
    outputs. Real endpoints live at their own URLs (for example
    `https://image.octoai.run/generate/sdxl`); this path stands for all of them, and the
    clients accept the full endpoint URL.

    With the header `X-OctoAI-Async: 1` the request is queued instead: the answer is an
    `AsyncInferenceResponse` whose `poll_url` reports progress. Asynchronous request bodies
    are limited to 10 MB (413 above that).

    Endpoints that stream answer `text/event-stream` when the inputs ask for it, either
    OpenAI-style (ended by `data: [DONE]`) or HuggingFace-style (the last event has `"done": true`).

    Args:
        endpoint (str):
        x_octo_ai_async (AsyncFlag | Unset):
        body (InferenceInputs): The endpoint's inputs, free-form JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AsyncInferenceResponse | ErrorResponse | HTTPValidationError | InferenceOutputs
    """

    return (
        await asyncio_detailed(
            endpoint=endpoint,
            client=client,
            body=body,
            x_octo_ai_async=x_octo_ai_async,
        )
    ).parsed
