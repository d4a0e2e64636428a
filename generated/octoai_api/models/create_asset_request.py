from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_type import AssetType
from ..models.transfer_api_type import TransferApiType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checkpoint_data import CheckpointData
    from ..models.file_data import FileData
    from ..models.latent_data import LatentData
    from ..models.lora_data import LoraData
    from ..models.textual_inversion_data import TextualInversionData
    from ..models.vae_data import VAEData


T = TypeVar("T", bound="CreateAssetRequest")


@_attrs_define
class CreateAssetRequest:
    """A new asset.

    Attributes:
        asset_type (AssetType): The kind of an asset; it selects the shape of the asset's `data`.
        name (str): A name unique among the owner's assets.
        data (CheckpointData | FileData | LatentData | LoraData | TextualInversionData | VAEData): The type-specific
            fields of a new asset, selected by `asset_type`.
        description (None | str | Unset):
        hf_repo (None | str | Unset): A Hugging Face repository to take the asset from.
        hf_token_secret (None | str | Unset): The name of an OctoAI secret holding a Hugging Face token.
        is_public (bool | Unset):  Default: False.
        skip_validation (bool | Unset): Skip the validation of the uploaded file. Default: False.
        transfer_api_type (TransferApiType | Unset): How an asset's file is transferred: `presigned-url` (one signed
            HTTP URL each to upload
            and download), `sts` (temporary S3 credentials), `gcp-oauth` (a Google Cloud Storage
            token) or `any` (the service chooses).
        url (None | str | Unset): Create the asset from the contents of this URL instead of an upload.
    """

    asset_type: AssetType
    name: str
    data: (
        CheckpointData
        | FileData
        | LatentData
        | LoraData
        | TextualInversionData
        | VAEData
    )
    description: None | str | Unset = UNSET
    hf_repo: None | str | Unset = UNSET
    hf_token_secret: None | str | Unset = UNSET
    is_public: bool | Unset = False
    skip_validation: bool | Unset = False
    transfer_api_type: TransferApiType | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.checkpoint_data import CheckpointData
        from ..models.file_data import FileData
        from ..models.lora_data import LoraData
        from ..models.textual_inversion_data import TextualInversionData
        from ..models.vae_data import VAEData

        asset_type = self.asset_type.value

        name = self.name

        data: dict[str, Any]
        if (
            isinstance(self.data, FileData)
            or isinstance(self.data, CheckpointData)
            or isinstance(self.data, LoraData)
            or isinstance(self.data, TextualInversionData)
            or isinstance(self.data, VAEData)
        ):
            data = self.data.to_dict()
        else:
            data = self.data.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        hf_repo: None | str | Unset
        if isinstance(self.hf_repo, Unset):
            hf_repo = UNSET
        else:
            hf_repo = self.hf_repo

        hf_token_secret: None | str | Unset
        if isinstance(self.hf_token_secret, Unset):
            hf_token_secret = UNSET
        else:
            hf_token_secret = self.hf_token_secret

        is_public = self.is_public

        skip_validation = self.skip_validation

        transfer_api_type: str | Unset = UNSET
        if not isinstance(self.transfer_api_type, Unset):
            transfer_api_type = self.transfer_api_type.value

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_type": asset_type,
                "name": name,
                "data": data,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if hf_repo is not UNSET:
            field_dict["hf_repo"] = hf_repo
        if hf_token_secret is not UNSET:
            field_dict["hf_token_secret"] = hf_token_secret
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if skip_validation is not UNSET:
            field_dict["skip_validation"] = skip_validation
        if transfer_api_type is not UNSET:
            field_dict["transfer_api_type"] = transfer_api_type
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.checkpoint_data import CheckpointData
        from ..models.file_data import FileData
        from ..models.latent_data import LatentData
        from ..models.lora_data import LoraData
        from ..models.textual_inversion_data import TextualInversionData
        from ..models.vae_data import VAEData

        d = dict(src_dict)
        asset_type = AssetType(d.pop("asset_type"))

        name = d.pop("name")

        def _parse_data(
            data: object,
        ) -> (
            CheckpointData
            | FileData
            | LatentData
            | LoraData
            | TextualInversionData
            | VAEData
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_asset_data_type_0 = FileData.from_dict(data)

                return componentsschemas_asset_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_asset_data_type_1 = CheckpointData.from_dict(data)

                return componentsschemas_asset_data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_asset_data_type_2 = LoraData.from_dict(data)

                return componentsschemas_asset_data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_asset_data_type_3 = TextualInversionData.from_dict(
                    data
                )

                return componentsschemas_asset_data_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_asset_data_type_4 = VAEData.from_dict(data)

                return componentsschemas_asset_data_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_asset_data_type_5 = LatentData.from_dict(data)

            return componentsschemas_asset_data_type_5

        data = _parse_data(d.pop("data"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_hf_repo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hf_repo = _parse_hf_repo(d.pop("hf_repo", UNSET))

        def _parse_hf_token_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hf_token_secret = _parse_hf_token_secret(d.pop("hf_token_secret", UNSET))

        is_public = d.pop("is_public", UNSET)

        skip_validation = d.pop("skip_validation", UNSET)

        _transfer_api_type = d.pop("transfer_api_type", UNSET)
        transfer_api_type: TransferApiType | Unset
        if isinstance(_transfer_api_type, Unset):
            transfer_api_type = UNSET
        else:
            transfer_api_type = TransferApiType(_transfer_api_type)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        create_asset_request = cls(
            asset_type=asset_type,
            name=name,
            data=data,
            description=description,
            hf_repo=hf_repo,
            hf_token_secret=hf_token_secret,
            is_public=is_public,
            skip_validation=skip_validation,
            transfer_api_type=transfer_api_type,
            url=url,
        )

        create_asset_request.additional_properties = d
        return create_asset_request

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
