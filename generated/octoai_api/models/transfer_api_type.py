from enum import StrEnum


class TransferApiType(StrEnum):
    ANY = "any"
    GCP_OAUTH = "gcp-oauth"
    PRESIGNED_URL = "presigned-url"
    STS = "sts"

    def __str__(self) -> str:
        return str(self.value)
