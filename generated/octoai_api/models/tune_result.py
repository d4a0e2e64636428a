from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TuneResult")


@_attrs_define
class TuneResult:
    """What a finished tune used and made.

    Attributes:
        number_of_available_assets (int | None | Unset): How many training files could be used.
        output_assets (list[str] | None | Unset): The assets the tune made (once it succeeded).
        rejected_assets (list[str] | None | Unset): Training files that were rejected.
        unready_assets (list[str] | None | Unset): Training files that were not ready.
    """

    number_of_available_assets: int | None | Unset = UNSET
    output_assets: list[str] | None | Unset = UNSET
    rejected_assets: list[str] | None | Unset = UNSET
    unready_assets: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number_of_available_assets: int | None | Unset
        if isinstance(self.number_of_available_assets, Unset):
            number_of_available_assets = UNSET
        else:
            number_of_available_assets = self.number_of_available_assets

        output_assets: list[str] | None | Unset
        if isinstance(self.output_assets, Unset):
            output_assets = UNSET
        elif isinstance(self.output_assets, list):
            output_assets = self.output_assets

        else:
            output_assets = self.output_assets

        rejected_assets: list[str] | None | Unset
        if isinstance(self.rejected_assets, Unset):
            rejected_assets = UNSET
        elif isinstance(self.rejected_assets, list):
            rejected_assets = self.rejected_assets

        else:
            rejected_assets = self.rejected_assets

        unready_assets: list[str] | None | Unset
        if isinstance(self.unready_assets, Unset):
            unready_assets = UNSET
        elif isinstance(self.unready_assets, list):
            unready_assets = self.unready_assets

        else:
            unready_assets = self.unready_assets

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if number_of_available_assets is not UNSET:
            field_dict["number_of_available_assets"] = number_of_available_assets
        if output_assets is not UNSET:
            field_dict["output_assets"] = output_assets
        if rejected_assets is not UNSET:
            field_dict["rejected_assets"] = rejected_assets
        if unready_assets is not UNSET:
            field_dict["unready_assets"] = unready_assets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_number_of_available_assets(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        number_of_available_assets = _parse_number_of_available_assets(
            d.pop("number_of_available_assets", UNSET)
        )

        def _parse_output_assets(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                output_assets_type_0 = cast(list[str], data)

                return output_assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        output_assets = _parse_output_assets(d.pop("output_assets", UNSET))

        def _parse_rejected_assets(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rejected_assets_type_0 = cast(list[str], data)

                return rejected_assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        rejected_assets = _parse_rejected_assets(d.pop("rejected_assets", UNSET))

        def _parse_unready_assets(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                unready_assets_type_0 = cast(list[str], data)

                return unready_assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        unready_assets = _parse_unready_assets(d.pop("unready_assets", UNSET))

        tune_result = cls(
            number_of_available_assets=number_of_available_assets,
            output_assets=output_assets,
            rejected_assets=rejected_assets,
            unready_assets=unready_assets,
        )

        tune_result.additional_properties = d
        return tune_result

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
