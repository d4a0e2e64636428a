"""Image generation: `client.image_gen.generate(prompt=..., loras={...})`.

`ImageGen` and its asyncio twin `AsyncImageGen` build the same flow (`_images`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .. import _images
from .._response import raw_async, raw_sync
from .._types import ImageParams

if TYPE_CHECKING:
    from .._generated import ImageGenerationResponse
    from ..aio import AsyncOctoAI
    from ..client import OctoAI

__all__ = ["AsyncImageGen", "AsyncImageGenWithRawResponse", "ImageGen", "ImageGenWithRawResponse"]


class ImageGen:
    """Image generation: `client.image_gen`."""

    def __init__(self, client: OctoAI) -> None:
        self._client = client

    def generate(
        self, *, prompt: str, engine: str = "sdxl", **params: Unpack[ImageParams]
    ) -> ImageGenerationResponse:
        """Generate images from a prompt, optionally with LoRAs from the asset library.

        Args:
            prompt: What to draw.
            engine: `sdxl` (Stable Diffusion XL) or `ssd` (Segmind Stable Diffusion).
            **params: The request's optional fields (`loras={"my-lora": 0.8}`, `seed`,
                `steps`, `width`, `height`, `num_images`, ...) and the per-call options.

        Returns:
            The images, base64-encoded in `images[i].image_b64`, with their seeds.

        Raises:
            OctoAIClientError: An unknown engine or argument (before sending), or a 4xx answer,
                such as a LoRA that does not exist or was made for another engine.
            OctoAIServerError: A 5xx answer or a malformed one.
            OctoAITimeoutError: The `timeout` passed.
        """
        flow = _images.generate(self._client._core, engine, prompt, params)
        return self._client._drive(flow)


class AsyncImageGen:
    """Image generation: `client.image_gen` of `AsyncOctoAI`."""

    def __init__(self, client: AsyncOctoAI) -> None:
        self._client = client

    async def generate(
        self, *, prompt: str, engine: str = "sdxl", **params: Unpack[ImageParams]
    ) -> ImageGenerationResponse:
        """Generate images from a prompt, optionally with LoRAs from the asset library.

        Args:
            prompt: What to draw.
            engine: `sdxl` (Stable Diffusion XL) or `ssd` (Segmind Stable Diffusion).
            **params: The request's optional fields (`loras={"my-lora": 0.8}`, `seed`,
                `steps`, `width`, `height`, `num_images`, ...) and the per-call options.

        Returns:
            The images, base64-encoded in `images[i].image_b64`, with their seeds.

        Raises:
            OctoAIClientError: An unknown engine or argument (before sending), or a 4xx answer,
                such as a LoRA that does not exist or was made for another engine.
            OctoAIServerError: A 5xx answer or a malformed one.
            OctoAITimeoutError: The `timeout` passed.
        """
        flow = _images.generate(self._client._core, engine, prompt, params)
        return await self._client._drive(flow)


class ImageGenWithRawResponse:
    """`client.with_raw_response.image_gen`."""

    def __init__(self, image_gen: ImageGen) -> None:
        self.generate = raw_sync(image_gen.generate)


class AsyncImageGenWithRawResponse:
    """`client.with_raw_response.image_gen` of `AsyncOctoAI`."""

    def __init__(self, image_gen: AsyncImageGen) -> None:
        self.generate = raw_async(image_gen.generate)
