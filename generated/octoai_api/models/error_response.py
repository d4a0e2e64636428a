from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_response_validation_errors_type_0 import (
        ErrorResponseValidationErrorsType0,
    )


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """The error body of every non-validation failure.

    Attributes:
        message (str):
        type_ (str): The error class, for example `invalid_request_error`, `not_found_error` or `internal_error`.
        object_ (str | Unset):  Default: 'error'.
        code (None | str | Unset):
        param (None | str | Unset): The request field the error is about.
        validation_errors (ErrorResponseValidationErrorsType0 | None | Unset): Field name to one or more problems with
            it.
    """

    message: str
    type_: str
    object_: str | Unset = "error"
    code: None | str | Unset = UNSET
    param: None | str | Unset = UNSET
    validation_errors: ErrorResponseValidationErrorsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_response_validation_errors_type_0 import (
            ErrorResponseValidationErrorsType0,
        )

        message = self.message

        type_ = self.type_

        object_ = self.object_

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        param: None | str | Unset
        if isinstance(self.param, Unset):
            param = UNSET
        else:
            param = self.param

        validation_errors: dict[str, Any] | None | Unset
        if isinstance(self.validation_errors, Unset):
            validation_errors = UNSET
        elif isinstance(self.validation_errors, ErrorResponseValidationErrorsType0):
            validation_errors = self.validation_errors.to_dict()
        else:
            validation_errors = self.validation_errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "type": type_,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if code is not UNSET:
            field_dict["code"] = code
        if param is not UNSET:
            field_dict["param"] = param
        if validation_errors is not UNSET:
            field_dict["validation_errors"] = validation_errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_response_validation_errors_type_0 import (
            ErrorResponseValidationErrorsType0,
        )

        d = dict(src_dict)
        message = d.pop("message")

        type_ = d.pop("type")

        object_ = d.pop("object", UNSET)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        param = _parse_param(d.pop("param", UNSET))

        def _parse_validation_errors(
            data: object,
        ) -> ErrorResponseValidationErrorsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                validation_errors_type_0 = ErrorResponseValidationErrorsType0.from_dict(
                    data
                )

                return validation_errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorResponseValidationErrorsType0 | None | Unset, data)

        validation_errors = _parse_validation_errors(d.pop("validation_errors", UNSET))

        error_response = cls(
            message=message,
            type_=type_,
            object_=object_,
            code=code,
            param=param,
            validation_errors=validation_errors,
        )

        error_response.additional_properties = d
        return error_response

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
