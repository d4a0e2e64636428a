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

from ..models.file_extension import FileExtension
from ..types import UNSET, Unset

T = TypeVar("T", bound="FileData")


@_attrs_define
class FileData:
    """The `data` of a `file` asset (training images, audio, datasets).

    Attributes:
        asset_type (Literal['file']):  Default: 'file'.
        file_format (FileExtension | str | Unset): A known `FileExtension`, or another the service may add. Default:
            FileExtension.UNKNOWN.
        preview_url (None | str | Unset): A download URL of the image, when the list asked for preview URLs.
        version (str | Unset):  Default: ''.
    """

    asset_type: Literal["file"] = "file"
    file_format: FileExtension | str | Unset = FileExtension.UNKNOWN
    preview_url: None | str | Unset = UNSET
    version: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_type = self.asset_type

        file_format: str | Unset
        if isinstance(self.file_format, Unset):
            file_format = UNSET
        elif isinstance(self.file_format, FileExtension):
            file_format = self.file_format.value
        else:
            file_format = self.file_format

        preview_url: None | str | Unset
        if isinstance(self.preview_url, Unset):
            preview_url = UNSET
        else:
            preview_url = self.preview_url

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_type": asset_type,
            }
        )
        if file_format is not UNSET:
            field_dict["file_format"] = file_format
        if preview_url is not UNSET:
            field_dict["preview_url"] = preview_url
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        asset_type = cast(Literal["file"], d.pop("asset_type"))
        if asset_type != "file":
            raise ValueError(f"asset_type must match const 'file', got '{asset_type}'")

        def _parse_file_format(data: object) -> FileExtension | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                file_format_type_0 = FileExtension(data)

                return file_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileExtension | str | Unset, data)

        file_format = _parse_file_format(d.pop("file_format", UNSET))

        def _parse_preview_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preview_url = _parse_preview_url(d.pop("preview_url", UNSET))

        version = d.pop("version", UNSET)

        file_data = cls(
            asset_type=asset_type,
            file_format=file_format,
            preview_url=preview_url,
            version=version,
        )

        file_data.additional_properties = d
        return file_data

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
