from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompleteAssetUploadRequest")


@_attrs_define
class CompleteAssetUploadRequest:
    """Options of completing an upload.

    Attributes:
        skip_validation (bool | Unset): Skip the validation of the uploaded file. Default: False.
        token (str | Unset): Unused. Default: ''.
    """

    skip_validation: bool | Unset = False
    token: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skip_validation = self.skip_validation

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if skip_validation is not UNSET:
            field_dict["skip_validation"] = skip_validation
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        skip_validation = d.pop("skip_validation", UNSET)

        token = d.pop("token", UNSET)

        complete_asset_upload_request = cls(
            skip_validation=skip_validation,
            token=token,
        )

        complete_asset_upload_request.additional_properties = d
        return complete_asset_upload_request

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
