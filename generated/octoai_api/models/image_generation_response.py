from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.image_generation import ImageGeneration


T = TypeVar("T", bound="ImageGenerationResponse")


@_attrs_define
class ImageGenerationResponse:
    """The images of an `ImageGenerationRequest`.

    Attributes:
        images (list[ImageGeneration]):
        prediction_time_ms (float): How long the generation took, in milliseconds.
    """

    images: list[ImageGeneration]
    prediction_time_ms: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        prediction_time_ms = self.prediction_time_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "images": images,
                "prediction_time_ms": prediction_time_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.image_generation import ImageGeneration

        d = dict(src_dict)
        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ImageGeneration.from_dict(images_item_data)

            images.append(images_item)

        prediction_time_ms = d.pop("prediction_time_ms")

        image_generation_response = cls(
            images=images,
            prediction_time_ms=prediction_time_ms,
        )

        image_generation_response.additional_properties = d
        return image_generation_response

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
