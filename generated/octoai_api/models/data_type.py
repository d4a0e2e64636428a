from enum import StrEnum


class DataType(StrEnum):
    FP16 = "fp16"
    FP32 = "fp32"
    INT4 = "int4"
    INT8 = "int8"

    def __str__(self) -> str:
        return str(self.value)
