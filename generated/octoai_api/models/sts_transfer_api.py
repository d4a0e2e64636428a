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

T = TypeVar("T", bound="StsTransferApi")


@_attrs_define
class StsTransferApi:
    """Temporary S3 credentials for the object `s3_bucket`/`s3_key`.

    Attributes:
        type_ (Literal['sts']):  Default: 'sts'.
        aws_region (str):
        aws_access_key_id (str):
        aws_secret_access_key (str):
        s3_bucket (str):
        s3_key (str):
        s3_url (str):
        aws_session_token (None | str | Unset):
        s3_endpoint_url (None | str | Unset):
    """

    aws_region: str
    aws_access_key_id: str
    aws_secret_access_key: str
    s3_bucket: str
    s3_key: str
    s3_url: str
    type_: Literal["sts"] = "sts"
    aws_session_token: None | str | Unset = UNSET
    s3_endpoint_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        aws_region = self.aws_region

        aws_access_key_id = self.aws_access_key_id

        aws_secret_access_key = self.aws_secret_access_key

        s3_bucket = self.s3_bucket

        s3_key = self.s3_key

        s3_url = self.s3_url

        aws_session_token: None | str | Unset
        if isinstance(self.aws_session_token, Unset):
            aws_session_token = UNSET
        else:
            aws_session_token = self.aws_session_token

        s3_endpoint_url: None | str | Unset
        if isinstance(self.s3_endpoint_url, Unset):
            s3_endpoint_url = UNSET
        else:
            s3_endpoint_url = self.s3_endpoint_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "aws_region": aws_region,
                "aws_access_key_id": aws_access_key_id,
                "aws_secret_access_key": aws_secret_access_key,
                "s3_bucket": s3_bucket,
                "s3_key": s3_key,
                "s3_url": s3_url,
            }
        )
        if aws_session_token is not UNSET:
            field_dict["aws_session_token"] = aws_session_token
        if s3_endpoint_url is not UNSET:
            field_dict["s3_endpoint_url"] = s3_endpoint_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["sts"], d.pop("type"))
        if type_ != "sts":
            raise ValueError(f"type must match const 'sts', got '{type_}'")

        aws_region = d.pop("aws_region")

        aws_access_key_id = d.pop("aws_access_key_id")

        aws_secret_access_key = d.pop("aws_secret_access_key")

        s3_bucket = d.pop("s3_bucket")

        s3_key = d.pop("s3_key")

        s3_url = d.pop("s3_url")

        def _parse_aws_session_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        aws_session_token = _parse_aws_session_token(d.pop("aws_session_token", UNSET))

        def _parse_s3_endpoint_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        s3_endpoint_url = _parse_s3_endpoint_url(d.pop("s3_endpoint_url", UNSET))

        sts_transfer_api = cls(
            type_=type_,
            aws_region=aws_region,
            aws_access_key_id=aws_access_key_id,
            aws_secret_access_key=aws_secret_access_key,
            s3_bucket=s3_bucket,
            s3_key=s3_key,
            s3_url=s3_url,
            aws_session_token=aws_session_token,
            s3_endpoint_url=s3_endpoint_url,
        )

        sts_transfer_api.additional_properties = d
        return sts_transfer_api

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
