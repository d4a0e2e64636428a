from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_format_type import ResponseFormatType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_schema_format import JsonSchemaFormat
    from ..models.response_format_schema_type_0 import ResponseFormatSchemaType0


T = TypeVar("T", bound="ResponseFormat")


@_attrs_define
class ResponseFormat:
    """Constrains the output format (JSON mode).

    Attributes:
        type_ (ResponseFormatType | str): `text`, `json_object`, `json_schema`, or another kind the service knows.
        json_schema (JsonSchemaFormat | Unset):
        schema (None | ResponseFormatSchemaType0 | Unset): A JSON schema the output must match (OctoAI's original form).
    """

    type_: ResponseFormatType | str
    json_schema: JsonSchemaFormat | Unset = UNSET
    schema: None | ResponseFormatSchemaType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_format_schema_type_0 import ResponseFormatSchemaType0

        type_: str
        if isinstance(self.type_, ResponseFormatType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        json_schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_schema, Unset):
            json_schema = self.json_schema.to_dict()

        schema: dict[str, Any] | None | Unset
        if isinstance(self.schema, Unset):
            schema = UNSET
        elif isinstance(self.schema, ResponseFormatSchemaType0):
            schema = self.schema.to_dict()
        else:
            schema = self.schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if json_schema is not UNSET:
            field_dict["json_schema"] = json_schema
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.json_schema_format import JsonSchemaFormat
        from ..models.response_format_schema_type_0 import ResponseFormatSchemaType0

        d = dict(src_dict)

        def _parse_type_(data: object) -> ResponseFormatType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ResponseFormatType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ResponseFormatType | str, data)

        type_ = _parse_type_(d.pop("type"))

        _json_schema = d.pop("json_schema", UNSET)
        json_schema: JsonSchemaFormat | Unset
        if isinstance(_json_schema, Unset):
            json_schema = UNSET
        else:
            json_schema = JsonSchemaFormat.from_dict(_json_schema)

        def _parse_schema(data: object) -> None | ResponseFormatSchemaType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                schema_type_0 = ResponseFormatSchemaType0.from_dict(data)

                return schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseFormatSchemaType0 | Unset, data)

        schema = _parse_schema(d.pop("schema", UNSET))

        response_format = cls(
            type_=type_,
            json_schema=json_schema,
            schema=schema,
        )

        response_format.additional_properties = d
        return response_format

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
