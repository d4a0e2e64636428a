from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImageGeneration")


@_attrs_define
class ImageGeneration:
    """One generated image.

    Attributes:
        image_b64 (None | str): The base64 image, or null if it was removed for safety.
        removed_for_safety (bool): Whether the image was removed for safety.
        seed (int): The seed of the image; the same request with it gives the same image.
        safety_score (float | None | Unset): How likely the image is unsafe.
    """

    image_b64: None | str
    removed_for_safety: bool
    seed: int
    safety_score: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_b64: None | str
        image_b64 = self.image_b64

        removed_for_safety = self.removed_for_safety

        seed = self.seed

        safety_score: float | None | Unset
        if isinstance(self.safety_score, Unset):
            safety_score = UNSET
        else:
            safety_score = self.safety_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_b64": image_b64,
                "removed_for_safety": removed_for_safety,
                "seed": seed,
            }
        )
        if safety_score is not UNSET:
            field_dict["safety_score"] = safety_score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_image_b64(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image_b64 = _parse_image_b64(d.pop("image_b64"))

        removed_for_safety = d.pop("removed_for_safety")

        seed = d.pop("seed")

        def _parse_safety_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        safety_score = _parse_safety_score(d.pop("safety_score", UNSET))

        image_generation = cls(
            image_b64=image_b64,
            removed_for_safety=removed_for_safety,
            seed=seed,
            safety_score=safety_score,
        )

        image_generation.additional_properties = d
        return image_generation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
