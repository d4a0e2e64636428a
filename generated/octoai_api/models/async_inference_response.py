from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AsyncInferenceResponse")


@_attrs_define
class AsyncInferenceResponse:
    """A queued asynchronous inference.

    Attributes:
        response_id (str):
        poll_url (str): Where to poll for the status (`GET /v1/requests/{response_id}`).
    """

    response_id: str
    poll_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response_id = self.response_id

        poll_url = self.poll_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response_id": response_id,
                "poll_url": poll_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        response_id = d.pop("response_id")

        poll_url = d.pop("poll_url")

        async_inference_response = cls(
            response_id=response_id,
            poll_url=poll_url,
        )

        async_inference_response.additional_properties = d
        return async_inference_response

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
