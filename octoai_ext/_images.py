"""Image generation (`POST /generate/{engine}` on the image host) as a flow over a core."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._errors import OctoAIClientError
from ._flows import Flow
from ._lazy import lazy_module
from ._requests import image_request, split_options

if TYPE_CHECKING:
    from . import _generated
    from ._core import ClientCore
    from ._generated import ImageGenerationResponse
else:
    _generated = lazy_module("octoai_ext._generated")


def generate(
    core: ClientCore, engine: str, prompt: str, params: Mapping[str, Any]
) -> Flow[ImageGenerationResponse]:
    """Generate images with `engine` (`sdxl` or `ssd`); LoRAs are named in `loras`."""
    route = _generated.IMAGE_ROUTES.get(engine)
    if route is None:
        raise OctoAIClientError(
            f"unknown image engine {engine!r}; this client knows "
            f"{', '.join(sorted(_generated.IMAGE_ROUTES))}"
        )
    if not isinstance(prompt, str) or not prompt:
        raise OctoAIClientError("prompt must be a non-empty string")
    fields, given = split_options(params)
    options = core.options(given)
    body = image_request(prompt, fields, extra_body=options.extra_body)
    spec = core.api_call(
        "POST", core.settings.hosts.image + route["url"], options, json=body, idempotent=False
    )
    response = yield from core.call(spec, options.deadline(core.clock))
    parse = _generated.ImageGenerationResponse.from_dict
    return core.parse_model(parse, response, "generated images")
