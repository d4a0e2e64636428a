from enum import StrEnum


class AssetStatus(StrEnum):
    DELETED = "deleted"
    ERROR = "error"
    READY = "ready"
    READY_TO_UPLOAD = "ready_to_upload"
    REJECTED = "rejected"
    UPLOADED = "uploaded"
    UPLOADING = "uploading"

    def __str__(self) -> str:
        return str(self.value)
