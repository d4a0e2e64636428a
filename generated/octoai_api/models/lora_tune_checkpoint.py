from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.base_engine import BaseEngine
from ..types import UNSET, Unset

T = TypeVar("T", bound="LoraTuneCheckpoint")


@_attrs_define
class LoraTuneCheckpoint:
    """The checkpoint a LoRA is trained on.

    Attributes:
        checkpoint_id (str): The checkpoint's asset id, its owner's own name for it, or `owner:name`.
        engine (BaseEngine | None | str | Unset): The checkpoint's engine, filled in by the service.
        name (None | str | Unset): The checkpoint's name, kept in case the asset is deleted.
    """

    checkpoint_id: str
    engine: BaseEngine | None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checkpoint_id = self.checkpoint_id

        engine: None | str | Unset
        if isinstance(self.engine, Unset):
            engine = UNSET
        elif isinstance(self.engine, BaseEngine):
            engine = self.engine.value
        else:
            engine = self.engine

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkpoint_id": checkpoint_id,
            }
        )
        if engine is not UNSET:
            field_dict["engine"] = engine
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        checkpoint_id = d.pop("checkpoint_id")

        def _parse_engine(data: object) -> BaseEngine | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                engine_type_0 = BaseEngine(data)

                return engine_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BaseEngine | None | str | Unset, data)

        engine = _parse_engine(d.pop("engine", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        lora_tune_checkpoint = cls(
            checkpoint_id=checkpoint_id,
            engine=engine,
            name=name,
        )

        lora_tune_checkpoint.additional_properties = d
        return lora_tune_checkpoint

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
