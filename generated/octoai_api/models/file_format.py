from enum import StrEnum


class FileFormat(StrEnum):
    PT = "pt"
    SAFETENSORS = "safetensors"

    def __str__(self) -> str:
        return str(self.value)
