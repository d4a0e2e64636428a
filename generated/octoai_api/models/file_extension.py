from enum import StrEnum


class FileExtension(StrEnum):
    JPEG = "jpeg"
    JPG = "jpg"
    JSONL = "jsonl"
    MP3 = "mp3"
    PNG = "png"
    TXT = "txt"
    UNKNOWN = "unknown"
    WAV = "wav"

    def __str__(self) -> str:
        return str(self.value)
