from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lora_tune import LoraTune
    from ..models.text_to_speech_latent_tune import TextToSpeechLatentTune


T = TypeVar("T", bound="CreateTuneRequest")


@_attrs_define
class CreateTuneRequest:
    """A new tune.

    Attributes:
        name (str):
        details (LoraTune | TextToSpeechLatentTune): What to train, selected by `tune_type`.
        description (None | str | Unset):
        continue_on_rejection (bool | None | Unset): Train without the training files that were rejected instead of
            failing. Default: False.
    """

    name: str
    details: LoraTune | TextToSpeechLatentTune
    description: None | str | Unset = UNSET
    continue_on_rejection: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lora_tune import LoraTune

        name = self.name

        details: dict[str, Any]
        if isinstance(self.details, LoraTune):
            details = self.details.to_dict()
        else:
            details = self.details.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        continue_on_rejection: bool | None | Unset
        if isinstance(self.continue_on_rejection, Unset):
            continue_on_rejection = UNSET
        else:
            continue_on_rejection = self.continue_on_rejection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "details": details,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if continue_on_rejection is not UNSET:
            field_dict["continue_on_rejection"] = continue_on_rejection

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lora_tune import LoraTune
        from ..models.text_to_speech_latent_tune import TextToSpeechLatentTune

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_details(data: object) -> LoraTune | TextToSpeechLatentTune:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tune_details_type_0 = LoraTune.from_dict(data)

                return componentsschemas_tune_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_tune_details_type_1 = TextToSpeechLatentTune.from_dict(
                data
            )

            return componentsschemas_tune_details_type_1

        details = _parse_details(d.pop("details"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_continue_on_rejection(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        continue_on_rejection = _parse_continue_on_rejection(
            d.pop("continue_on_rejection", UNSET)
        )

        create_tune_request = cls(
            name=name,
            details=details,
            description=description,
            continue_on_rejection=continue_on_rejection,
        )

        create_tune_request.additional_properties = d
        return create_tune_request

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
