from enum import StrEnum


class FileStructure(StrEnum):
    MULTIPLE_FILES = "multiple_files"
    SINGLE_FILE = "single_file"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
