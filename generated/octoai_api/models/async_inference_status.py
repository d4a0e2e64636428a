from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.async_inference_state import AsyncInferenceState
from ..types import UNSET, Unset

T = TypeVar("T", bound="AsyncInferenceStatus")


@_attrs_define
class AsyncInferenceStatus:
    """The status of an asynchronous inference.

    Attributes:
        status (AsyncInferenceState | str): A known `AsyncInferenceState`, or another string the client must not wait
            on.
        response_id (str | Unset):
        response_url (None | str | Unset): Where to fetch the outputs, once `completed`.
        error (None | str | Unset): What went wrong, once `failed`.
    """

    status: AsyncInferenceState | str
    response_id: str | Unset = UNSET
    response_url: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, AsyncInferenceState):
            status = self.status.value
        else:
            status = self.status

        response_id = self.response_id

        response_url: None | str | Unset
        if isinstance(self.response_url, Unset):
            response_url = UNSET
        else:
            response_url = self.response_url

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if response_id is not UNSET:
            field_dict["response_id"] = response_id
        if response_url is not UNSET:
            field_dict["response_url"] = response_url
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_status(data: object) -> AsyncInferenceState | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AsyncInferenceState(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AsyncInferenceState | str, data)

        status = _parse_status(d.pop("status"))

        response_id = d.pop("response_id", UNSET)

        def _parse_response_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_url = _parse_response_url(d.pop("response_url", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        async_inference_status = cls(
            status=status,
            response_id=response_id,
            response_url=response_url,
            error=error,
        )

        async_inference_status.additional_properties = d
        return async_inference_status

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
