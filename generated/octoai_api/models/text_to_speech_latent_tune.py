from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TextToSpeechLatentTune")


@_attrs_define
class TextToSpeechLatentTune:
    """A voice latent trained from audio files.

    Attributes:
        tune_type (Literal['text_to_speech_latent_tune']):  Default: 'text_to_speech_latent_tune'.
        asset_ids (list[str]):
        inline_assets (bool | None | Unset):  Default: False.
    """

    asset_ids: list[str]
    tune_type: Literal["text_to_speech_latent_tune"] = "text_to_speech_latent_tune"
    inline_assets: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tune_type = self.tune_type

        asset_ids = self.asset_ids

        inline_assets: bool | None | Unset
        if isinstance(self.inline_assets, Unset):
            inline_assets = UNSET
        else:
            inline_assets = self.inline_assets

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tune_type": tune_type,
                "asset_ids": asset_ids,
            }
        )
        if inline_assets is not UNSET:
            field_dict["inline_assets"] = inline_assets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tune_type = cast(Literal["text_to_speech_latent_tune"], d.pop("tune_type"))
        if tune_type != "text_to_speech_latent_tune":
            raise ValueError(
                f"tune_type must match const 'text_to_speech_latent_tune', got '{tune_type}'"
            )

        asset_ids = cast(list[str], d.pop("asset_ids"))

        def _parse_inline_assets(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        inline_assets = _parse_inline_assets(d.pop("inline_assets", UNSET))

        text_to_speech_latent_tune = cls(
            tune_type=tune_type,
            asset_ids=asset_ids,
            inline_assets=inline_assets,
        )

        text_to_speech_latent_tune.additional_properties = d
        return text_to_speech_latent_tune

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
