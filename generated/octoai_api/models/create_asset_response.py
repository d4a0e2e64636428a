from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset import Asset
    from ..models.gcs_oauth_transfer_api import GcsOauthTransferApi
    from ..models.no_transfer_api import NoTransferApi
    from ..models.presigned_url_transfer_api import PresignedUrlTransferApi
    from ..models.sts_transfer_api import StsTransferApi


T = TypeVar("T", bound="CreateAssetResponse")


@_attrs_define
class CreateAssetResponse:
    """A new asset and how to upload its file.

    Attributes:
        asset (Asset): An asset of the library, a file or weights made for an engine.
        transfer_api (GcsOauthTransferApi | NoTransferApi | PresignedUrlTransferApi | StsTransferApi): How to transfer
            an asset's file, selected by `type`.
        token (str | Unset): Unused. Default: ''.
    """

    asset: Asset
    transfer_api: (
        GcsOauthTransferApi | NoTransferApi | PresignedUrlTransferApi | StsTransferApi
    )
    token: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.gcs_oauth_transfer_api import GcsOauthTransferApi
        from ..models.presigned_url_transfer_api import PresignedUrlTransferApi
        from ..models.sts_transfer_api import StsTransferApi

        asset = self.asset.to_dict()

        transfer_api: dict[str, Any]
        if (
            isinstance(self.transfer_api, PresignedUrlTransferApi)
            or isinstance(self.transfer_api, StsTransferApi)
            or isinstance(self.transfer_api, GcsOauthTransferApi)
        ):
            transfer_api = self.transfer_api.to_dict()
        else:
            transfer_api = self.transfer_api.to_dict()

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset": asset,
                "transfer_api": transfer_api,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.asset import Asset
        from ..models.gcs_oauth_transfer_api import GcsOauthTransferApi
        from ..models.no_transfer_api import NoTransferApi
        from ..models.presigned_url_transfer_api import PresignedUrlTransferApi
        from ..models.sts_transfer_api import StsTransferApi

        d = dict(src_dict)
        asset = Asset.from_dict(d.pop("asset"))

        def _parse_transfer_api(
            data: object,
        ) -> (
            GcsOauthTransferApi
            | NoTransferApi
            | PresignedUrlTransferApi
            | StsTransferApi
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_transfer_api_type_0 = (
                    PresignedUrlTransferApi.from_dict(data)
                )

                return componentsschemas_transfer_api_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_transfer_api_type_1 = StsTransferApi.from_dict(data)

                return componentsschemas_transfer_api_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_transfer_api_type_2 = GcsOauthTransferApi.from_dict(
                    data
                )

                return componentsschemas_transfer_api_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_transfer_api_type_3 = NoTransferApi.from_dict(data)

            return componentsschemas_transfer_api_type_3

        transfer_api = _parse_transfer_api(d.pop("transfer_api"))

        token = d.pop("token", UNSET)

        create_asset_response = cls(
            asset=asset,
            transfer_api=transfer_api,
            token=token,
        )

        create_asset_response.additional_properties = d
        return create_asset_response

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
