from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tune_status import TuneStatus
from ..models.tune_type import TuneType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lora_tune import LoraTune
    from ..models.other_tune_details import OtherTuneDetails
    from ..models.text_to_speech_latent_tune import TextToSpeechLatentTune
    from ..models.tune_result import TuneResult


T = TypeVar("T", bound="Tune")


@_attrs_define
class Tune:
    """A tune and its progress.

    Attributes:
        id (str):
        tenant_id (UUID): The owner's tenant id.
        name (str):
        description (str):
        tune_type (str | TuneType): A known `TuneType`, or another type the service may add.
        details (LoraTune | OtherTuneDetails | TextToSpeechLatentTune): What is trained, selected by `tune_type`. A tune
            type this description does not
            know yet is read as `OtherTuneDetails`.
        status (str | TuneStatus): A known `TuneStatus`, or another status the service may add.
        status_details (str): Why the tune failed; empty otherwise.
        output_lora_ids (list[str]): The ids of the LoRA assets the tune made, once it succeeded.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        result (None | TuneResult | Unset):
        succeeded_at (datetime.datetime | None | Unset):
        deleted_at (datetime.datetime | None | Unset):
    """

    id: str
    tenant_id: UUID
    name: str
    description: str
    tune_type: str | TuneType
    details: LoraTune | OtherTuneDetails | TextToSpeechLatentTune
    status: str | TuneStatus
    status_details: str
    output_lora_ids: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    result: None | TuneResult | Unset = UNSET
    succeeded_at: datetime.datetime | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lora_tune import LoraTune
        from ..models.text_to_speech_latent_tune import TextToSpeechLatentTune
        from ..models.tune_result import TuneResult

        id = self.id

        tenant_id = str(self.tenant_id)

        name = self.name

        description = self.description

        tune_type: str
        if isinstance(self.tune_type, TuneType):
            tune_type = self.tune_type.value
        else:
            tune_type = self.tune_type

        details: dict[str, Any]
        if isinstance(self.details, LoraTune) or isinstance(
            self.details, TextToSpeechLatentTune
        ):
            details = self.details.to_dict()
        else:
            details = self.details.to_dict()

        status: str
        if isinstance(self.status, TuneStatus):
            status = self.status.value
        else:
            status = self.status

        status_details = self.status_details

        output_lora_ids = self.output_lora_ids

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, TuneResult):
            result = self.result.to_dict()
        else:
            result = self.result

        succeeded_at: None | str | Unset
        if isinstance(self.succeeded_at, Unset):
            succeeded_at = UNSET
        elif isinstance(self.succeeded_at, datetime.datetime):
            succeeded_at = self.succeeded_at.isoformat()
        else:
            succeeded_at = self.succeeded_at

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "name": name,
                "description": description,
                "tune_type": tune_type,
                "details": details,
                "status": status,
                "status_details": status_details,
                "output_lora_ids": output_lora_ids,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result
        if succeeded_at is not UNSET:
            field_dict["succeeded_at"] = succeeded_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lora_tune import LoraTune
        from ..models.other_tune_details import OtherTuneDetails
        from ..models.text_to_speech_latent_tune import TextToSpeechLatentTune
        from ..models.tune_result import TuneResult

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = UUID(d.pop("tenant_id"))

        name = d.pop("name")

        description = d.pop("description")

        def _parse_tune_type(data: object) -> str | TuneType:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tune_type_type_0 = TuneType(data)

                return tune_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TuneType, data)

        tune_type = _parse_tune_type(d.pop("tune_type"))

        def _parse_details(
            data: object,
        ) -> LoraTune | OtherTuneDetails | TextToSpeechLatentTune:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = LoraTune.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_1 = TextToSpeechLatentTune.from_dict(data)

                return details_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            details_type_2 = OtherTuneDetails.from_dict(data)

            return details_type_2

        details = _parse_details(d.pop("details"))

        def _parse_status(data: object) -> str | TuneStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = TuneStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TuneStatus, data)

        status = _parse_status(d.pop("status"))

        status_details = d.pop("status_details")

        output_lora_ids = cast(list[str], d.pop("output_lora_ids"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_result(data: object) -> None | TuneResult | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = TuneResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TuneResult | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_succeeded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                succeeded_at_type_0 = datetime.datetime.fromisoformat(data)

                return succeeded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        succeeded_at = _parse_succeeded_at(d.pop("succeeded_at", UNSET))

        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)

                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))

        tune = cls(
            id=id,
            tenant_id=tenant_id,
            name=name,
            description=description,
            tune_type=tune_type,
            details=details,
            status=status,
            status_details=status_details,
            output_lora_ids=output_lora_ids,
            created_at=created_at,
            updated_at=updated_at,
            result=result,
            succeeded_at=succeeded_at,
            deleted_at=deleted_at,
        )

        tune.additional_properties = d
        return tune

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
