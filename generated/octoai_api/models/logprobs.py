from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.token_logprob import TokenLogprob


T = TypeVar("T", bound="Logprobs")


@_attrs_define
class Logprobs:
    """
    Attributes:
        content (list[None | TokenLogprob] | None | Unset):
    """

    content: list[None | TokenLogprob] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.token_logprob import TokenLogprob

        content: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, list):
            content = []
            for content_type_0_item_data in self.content:
                content_type_0_item: dict[str, Any] | None
                if isinstance(content_type_0_item_data, TokenLogprob):
                    content_type_0_item = content_type_0_item_data.to_dict()
                else:
                    content_type_0_item = content_type_0_item_data
                content.append(content_type_0_item)

        else:
            content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.token_logprob import TokenLogprob

        d = dict(src_dict)

        def _parse_content(data: object) -> list[None | TokenLogprob] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_0 = []
                _content_type_0 = data
                for content_type_0_item_data in _content_type_0:

                    def _parse_content_type_0_item(data: object) -> None | TokenLogprob:
                        if data is None:
                            return data
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            content_type_0_item_type_0 = TokenLogprob.from_dict(data)

                            return content_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(None | TokenLogprob, data)

                    content_type_0_item = _parse_content_type_0_item(
                        content_type_0_item_data
                    )

                    content_type_0.append(content_type_0_item)

                return content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[None | TokenLogprob] | None | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        logprobs = cls(
            content=content,
        )

        logprobs.additional_properties = d
        return logprobs

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
