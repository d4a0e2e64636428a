from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_status import AssetStatus
from ..models.asset_type import AssetType
from ..models.file_structure import FileStructure
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_status_info import AssetStatusInfo
    from ..models.checkpoint_data import CheckpointData
    from ..models.file_data import FileData
    from ..models.latent_data import LatentData
    from ..models.lora_data import LoraData
    from ..models.other_asset_data import OtherAssetData
    from ..models.textual_inversion_data import TextualInversionData
    from ..models.vae_data import VAEData


T = TypeVar("T", bound="Asset")


@_attrs_define
class Asset:
    """An asset of the library, a file or weights made for an engine.

    Attributes:
        id (str): The asset's unique id; ids sort in creation order.
        asset_type (AssetType | str): A known `AssetType`, or another type the service may add.
        name (str): The asset's name, unique among its owner's assets.
        description (str):
        size_bytes (int): The size of the uploaded file (0 until it is uploaded).
        status (AssetStatus | str): A known `AssetStatus`, or another status the service may add.
        status_details (str): Why the asset is `rejected` or `error`; empty otherwise.
        created_at (datetime.datetime):
        data (CheckpointData | FileData | LatentData | LoraData | OtherAssetData | TextualInversionData | VAEData): The
            type-specific fields, selected by `asset_type`. An asset type this description
            does not know yet is read as `OtherAssetData`.
        tenant_uuid (UUID): The owner's tenant id.
        status_info (AssetStatusInfo | Unset): More information about the status.
        file_structure (FileStructure | str | Unset): A known `FileStructure`, or another value the service may add.
            Default: FileStructure.SINGLE_FILE.
        hf_repo (None | str | Unset): The Hugging Face repository the asset came from.
        is_public (bool | Unset): Whether every user can see and use the asset. Default: False.
        url (None | str | Unset): The URL the asset was created from, if any.
    """

    id: str
    asset_type: AssetType | str
    name: str
    description: str
    size_bytes: int
    status: AssetStatus | str
    status_details: str
    created_at: datetime.datetime
    data: (
        CheckpointData
        | FileData
        | LatentData
        | LoraData
        | OtherAssetData
        | TextualInversionData
        | VAEData
    )
    tenant_uuid: UUID
    status_info: AssetStatusInfo | Unset = UNSET
    file_structure: FileStructure | str | Unset = FileStructure.SINGLE_FILE
    hf_repo: None | str | Unset = UNSET
    is_public: bool | Unset = False
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.checkpoint_data import CheckpointData
        from ..models.file_data import FileData
        from ..models.latent_data import LatentData
        from ..models.lora_data import LoraData
        from ..models.textual_inversion_data import TextualInversionData
        from ..models.vae_data import VAEData

        id = self.id

        asset_type: str
        if isinstance(self.asset_type, AssetType):
            asset_type = self.asset_type.value
        else:
            asset_type = self.asset_type

        name = self.name

        description = self.description

        size_bytes = self.size_bytes

        status: str
        if isinstance(self.status, AssetStatus):
            status = self.status.value
        else:
            status = self.status

        status_details = self.status_details

        created_at = self.created_at.isoformat()

        data: dict[str, Any]
        if (
            isinstance(self.data, FileData)
            or isinstance(self.data, CheckpointData)
            or isinstance(self.data, LoraData)
            or isinstance(self.data, TextualInversionData)
            or isinstance(self.data, VAEData)
            or isinstance(self.data, LatentData)
        ):
            data = self.data.to_dict()
        else:
            data = self.data.to_dict()

        tenant_uuid = str(self.tenant_uuid)

        status_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status_info, Unset):
            status_info = self.status_info.to_dict()

        file_structure: str | Unset
        if isinstance(self.file_structure, Unset):
            file_structure = UNSET
        elif isinstance(self.file_structure, FileStructure):
            file_structure = self.file_structure.value
        else:
            file_structure = self.file_structure

        hf_repo: None | str | Unset
        if isinstance(self.hf_repo, Unset):
            hf_repo = UNSET
        else:
            hf_repo = self.hf_repo

        is_public = self.is_public

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "asset_type": asset_type,
                "name": name,
                "description": description,
                "size_bytes": size_bytes,
                "status": status,
                "status_details": status_details,
                "created_at": created_at,
                "data": data,
                "tenant_uuid": tenant_uuid,
            }
        )
        if status_info is not UNSET:
            field_dict["status_info"] = status_info
        if file_structure is not UNSET:
            field_dict["file_structure"] = file_structure
        if hf_repo is not UNSET:
            field_dict["hf_repo"] = hf_repo
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.asset_status_info import AssetStatusInfo
        from ..models.checkpoint_data import CheckpointData
        from ..models.file_data import FileData
        from ..models.latent_data import LatentData
        from ..models.lora_data import LoraData
        from ..models.other_asset_data import OtherAssetData
        from ..models.textual_inversion_data import TextualInversionData
        from ..models.vae_data import VAEData

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_asset_type(data: object) -> AssetType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_type_type_0 = AssetType(data)

                return asset_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetType | str, data)

        asset_type = _parse_asset_type(d.pop("asset_type"))

        name = d.pop("name")

        description = d.pop("description")

        size_bytes = d.pop("size_bytes")

        def _parse_status(data: object) -> AssetStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AssetStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetStatus | str, data)

        status = _parse_status(d.pop("status"))

        status_details = d.pop("status_details")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_data(
            data: object,
        ) -> (
            CheckpointData
            | FileData
            | LatentData
            | LoraData
            | OtherAssetData
            | TextualInversionData
            | VAEData
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = FileData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = CheckpointData.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_2 = LoraData.from_dict(data)

                return data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_3 = TextualInversionData.from_dict(data)

                return data_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_4 = VAEData.from_dict(data)

                return data_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_5 = LatentData.from_dict(data)

                return data_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            data_type_6 = OtherAssetData.from_dict(data)

            return data_type_6

        data = _parse_data(d.pop("data"))

        tenant_uuid = UUID(d.pop("tenant_uuid"))

        _status_info = d.pop("status_info", UNSET)
        status_info: AssetStatusInfo | Unset
        if isinstance(_status_info, Unset):
            status_info = UNSET
        else:
            status_info = AssetStatusInfo.from_dict(_status_info)

        def _parse_file_structure(data: object) -> FileStructure | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                file_structure_type_0 = FileStructure(data)

                return file_structure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileStructure | str | Unset, data)

        file_structure = _parse_file_structure(d.pop("file_structure", UNSET))

        def _parse_hf_repo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hf_repo = _parse_hf_repo(d.pop("hf_repo", UNSET))

        is_public = d.pop("is_public", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        asset = cls(
            id=id,
            asset_type=asset_type,
            name=name,
            description=description,
            size_bytes=size_bytes,
            status=status,
            status_details=status_details,
            created_at=created_at,
            data=data,
            tenant_uuid=tenant_uuid,
            status_info=status_info,
            file_structure=file_structure,
            hf_repo=hf_repo,
            is_public=is_public,
            url=url,
        )

        asset.additional_properties = d
        return asset

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
