from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lora_tune_checkpoint import LoraTuneCheckpoint
    from ..models.lora_tune_file import LoraTuneFile


T = TypeVar("T", bound="LoraTune")


@_attrs_define
class LoraTune:
    """A LoRA trained from images on a base checkpoint.

    Attributes:
        tune_type (Literal['lora_tune']):  Default: 'lora_tune'.
        base_checkpoint (LoraTuneCheckpoint): The checkpoint a LoRA is trained on.
        files (list[LoraTuneFile]):
        steps (int):
        trigger_words (list[str]):
        seed (int | None | Unset):
        resize_images (bool | None | Unset): Resize the training images so that their shorter edge is the engine's
            native size
            (512 pixels for Stable Diffusion 1.5, 1024 for SDXL); images are never enlarged.
             Default: False.
    """

    base_checkpoint: LoraTuneCheckpoint
    files: list[LoraTuneFile]
    steps: int
    trigger_words: list[str]
    tune_type: Literal["lora_tune"] = "lora_tune"
    seed: int | None | Unset = UNSET
    resize_images: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tune_type = self.tune_type

        base_checkpoint = self.base_checkpoint.to_dict()

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        steps = self.steps

        trigger_words = self.trigger_words

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        resize_images: bool | None | Unset
        if isinstance(self.resize_images, Unset):
            resize_images = UNSET
        else:
            resize_images = self.resize_images

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tune_type": tune_type,
                "base_checkpoint": base_checkpoint,
                "files": files,
                "steps": steps,
                "trigger_words": trigger_words,
            }
        )
        if seed is not UNSET:
            field_dict["seed"] = seed
        if resize_images is not UNSET:
            field_dict["resize_images"] = resize_images

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lora_tune_checkpoint import LoraTuneCheckpoint
        from ..models.lora_tune_file import LoraTuneFile

        d = dict(src_dict)
        tune_type = cast(Literal["lora_tune"], d.pop("tune_type"))
        if tune_type != "lora_tune":
            raise ValueError(
                f"tune_type must match const 'lora_tune', got '{tune_type}'"
            )

        base_checkpoint = LoraTuneCheckpoint.from_dict(d.pop("base_checkpoint"))

        files = []
        _files = d.pop("files")
        for files_item_data in _files:
            files_item = LoraTuneFile.from_dict(files_item_data)

            files.append(files_item)

        steps = d.pop("steps")

        trigger_words = cast(list[str], d.pop("trigger_words"))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        def _parse_resize_images(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        resize_images = _parse_resize_images(d.pop("resize_images", UNSET))

        lora_tune = cls(
            tune_type=tune_type,
            base_checkpoint=base_checkpoint,
            files=files,
            steps=steps,
            trigger_words=trigger_words,
            seed=seed,
            resize_images=resize_images,
        )

        lora_tune.additional_properties = d
        return lora_tune

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
