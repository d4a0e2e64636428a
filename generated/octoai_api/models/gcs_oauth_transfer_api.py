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

T = TypeVar("T", bound="GcsOauthTransferApi")


@_attrs_define
class GcsOauthTransferApi:
    """A Google Cloud Storage OAuth token for the object `gs_bucket`/`gs_key`.

    Attributes:
        type_ (Literal['gcp-oauth']):  Default: 'gcp-oauth'.
        gcp_region (str):
        token (str):
        gs_bucket (str):
        gs_key (str):
        gs_url (str):
    """

    gcp_region: str
    token: str
    gs_bucket: str
    gs_key: str
    gs_url: str
    type_: Literal["gcp-oauth"] = "gcp-oauth"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        gcp_region = self.gcp_region

        token = self.token

        gs_bucket = self.gs_bucket

        gs_key = self.gs_key

        gs_url = self.gs_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "gcp_region": gcp_region,
                "token": token,
                "gs_bucket": gs_bucket,
                "gs_key": gs_key,
                "gs_url": gs_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["gcp-oauth"], d.pop("type"))
        if type_ != "gcp-oauth":
            raise ValueError(f"type must match const 'gcp-oauth', got '{type_}'")

        gcp_region = d.pop("gcp_region")

        token = d.pop("token")

        gs_bucket = d.pop("gs_bucket")

        gs_key = d.pop("gs_key")

        gs_url = d.pop("gs_url")

        gcs_oauth_transfer_api = cls(
            type_=type_,
            gcp_region=gcp_region,
            token=token,
            gs_bucket=gs_bucket,
            gs_key=gs_key,
            gs_url=gs_url,
        )

        gcs_oauth_transfer_api.additional_properties = d
        return gcs_oauth_transfer_api

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
