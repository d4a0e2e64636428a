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

from ..models.base_engine import BaseEngine
from ..models.data_type import DataType
from ..models.file_format import FileFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="VAEData")


@_attrs_define
class VAEData:
    """The `data` of a `vae` asset (a variational autoencoder).

    Attributes:
        asset_type (Literal['vae']):  Default: 'vae'.
        engine (BaseEngine | str): A known `BaseEngine`, or another engine the service may add.
        data_type (DataType | str | Unset): A known `DataType`, or another the service may add.
        file_format (FileFormat | str | Unset): A known `FileFormat`, or another the service may add.
    """

    engine: BaseEngine | str
    asset_type: Literal["vae"] = "vae"
    data_type: DataType | str | Unset = UNSET
    file_format: FileFormat | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_type = self.asset_type

        engine: str
        if isinstance(self.engine, BaseEngine):
            engine = self.engine.value
        else:
            engine = self.engine

        data_type: str | Unset
        if isinstance(self.data_type, Unset):
            data_type = UNSET
        elif isinstance(self.data_type, DataType):
            data_type = self.data_type.value
        else:
            data_type = self.data_type

        file_format: str | Unset
        if isinstance(self.file_format, Unset):
            file_format = UNSET
        elif isinstance(self.file_format, FileFormat):
            file_format = self.file_format.value
        else:
            file_format = self.file_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_type": asset_type,
                "engine": engine,
            }
        )
        if data_type is not UNSET:
            field_dict["data_type"] = data_type
        if file_format is not UNSET:
            field_dict["file_format"] = file_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        asset_type = cast(Literal["vae"], d.pop("asset_type"))
        if asset_type != "vae":
            raise ValueError(f"asset_type must match const 'vae', got '{asset_type}'")

        def _parse_engine(data: object) -> BaseEngine | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_base_engine_type_0 = BaseEngine(data)

                return componentsschemas_open_base_engine_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BaseEngine | str, data)

        engine = _parse_engine(d.pop("engine"))

        def _parse_data_type(data: object) -> DataType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_data_type_type_0 = DataType(data)

                return componentsschemas_open_data_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataType | str | Unset, data)

        data_type = _parse_data_type(d.pop("data_type", UNSET))

        def _parse_file_format(data: object) -> FileFormat | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_file_format_type_0 = FileFormat(data)

                return componentsschemas_open_file_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileFormat | str | Unset, data)

        file_format = _parse_file_format(d.pop("file_format", UNSET))

        vae_data = cls(
            asset_type=asset_type,
            engine=engine,
            data_type=data_type,
            file_format=file_format,
        )

        vae_data.additional_properties = d
        return vae_data

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
