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

T = TypeVar("T", bound="PresignedUrlTransferApi")


@_attrs_define
class PresignedUrlTransferApi:
    """Signed URLs: upload the file with one `PUT` of its bytes to `put_url` and download it
    with `GET get_url`. Both expire, and neither takes an `Authorization` header.

        Attributes:
            type_ (Literal['presigned-url']):  Default: 'presigned-url'.
            put_url (str): Where to upload the file.
            get_url (str): Where to download the file.
    """

    put_url: str
    get_url: str
    type_: Literal["presigned-url"] = "presigned-url"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        put_url = self.put_url

        get_url = self.get_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "put_url": put_url,
                "get_url": get_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["presigned-url"], d.pop("type"))
        if type_ != "presigned-url":
            raise ValueError(f"type must match const 'presigned-url', got '{type_}'")

        put_url = d.pop("put_url")

        get_url = d.pop("get_url")

        presigned_url_transfer_api = cls(
            type_=type_,
            put_url=put_url,
            get_url=get_url,
        )

        presigned_url_transfer_api.additional_properties = d
        return presigned_url_transfer_api

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
