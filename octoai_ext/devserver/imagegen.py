"""The image model of the development server: deterministic pictures from requests (pure).

The same request always gives the same images: each image's colours come from a hash of the
engine, the prompts, its seed, the resolved customisations (assets and weights) and the
sampling settings, so any of those changing changes the picture.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from .png import render

__all__ = [
    "DEFAULT_SIZE",
    "PIXELS_PER_RENDERED",
    "SUPPORTED_SIZES",
    "generate_images",
    "image_seeds",
    "size_problem",
]

#: Width and height when the request gives none.
DEFAULT_SIZE: Final = 1024
#: Each rendered pixel stands for this many requested pixels per side (1024 -> 64).
PIXELS_PER_RENDERED: Final = 16
#: The (width, height) pairs SDXL and SSD-1B support.
SUPPORTED_SIZES: Final = frozenset(
    {
        (640, 1536),
        (768, 1344),
        (832, 1216),
        (896, 1152),
        (1024, 1024),
        (1152, 896),
        (1216, 832),
        (1344, 768),
        (1536, 640),
    }
)
_SEED_RANGE: Final = 2**32
# Request fields that change the picture besides prompts, seeds and customisations.
_SETTINGS: Final = ("steps", "cfg_scale", "sampler", "style_preset", "clip_skip", "strength")


def _whole(value: Any) -> Any:
    """JSON's ``7.0`` is the integer 7 to the spec's schemas; make it one here too."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def size_problem(width: int | None, height: int | None) -> str | None:
    """Why a requested size is not supported, or None when it is."""
    size = (_whole(width) or DEFAULT_SIZE, _whole(height) or DEFAULT_SIZE)
    if size in SUPPORTED_SIZES:
        return None
    sizes = ", ".join(f"{w}x{h}" for w, h in sorted(SUPPORTED_SIZES))
    return f"{size[0]}x{size[1]} is not a supported size; use one of {sizes}."


def image_seeds(seed: int | Sequence[int | None] | None, count: int, prompt: str) -> list[int]:
    """Return one seed per image: the given seed counting up, the given list, or derived ones.

    Seeds the request leaves out are derived from the prompt, so they are deterministic too.
    """
    derived = int.from_bytes(hashlib.sha256(prompt.encode()).digest()[:4], "big")
    seed = _whole(seed)
    if isinstance(seed, int):
        return [(seed + index) % _SEED_RANGE for index in range(count)]
    given = [_whole(item) for item in seed or []]
    seeds = []
    for index in range(count):
        chosen = given[index] if index < len(given) else None
        seeds.append((derived + index if chosen is None else chosen) % _SEED_RANGE)
    return seeds


def generate_images(
    engine: str, request: Mapping[str, Any], customisations: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Return the spec's ``ImageGeneration`` objects for a request.

    Args:
        engine: The engine, for example ``image/stable-diffusion-xl-v1-0``.
        request: The ``ImageGenerationRequest`` (already checked).
        customisations: The resolved assets: asset ids in place of the names the request used.
    """
    width = int(_whole(request.get("width")) or DEFAULT_SIZE) // PIXELS_PER_RENDERED
    height = int(_whole(request.get("height")) or DEFAULT_SIZE) // PIXELS_PER_RENDERED
    prompt = str(request["prompt"])
    seeds = image_seeds(request.get("seed"), int(request.get("num_images", 1)), prompt)
    images = []
    for seed in seeds:
        material = {
            "engine": engine,
            "prompt": prompt,
            "prompt_2": request.get("prompt_2"),
            "negative_prompt": request.get("negative_prompt"),
            "negative_prompt_2": request.get("negative_prompt_2"),
            "seed": seed,
            "customisations": customisations,
            "settings": {name: request.get(name) for name in _SETTINGS},
        }
        text = json.dumps(material, sort_keys=True, separators=(",", ":"))
        picture = render(text.encode(), width, height)
        images.append(
            {
                "image_b64": base64.b64encode(picture).decode("ascii"),
                "removed_for_safety": False,
                "seed": seed,
                "safety_score": 0.0,
            }
        )
    return images
