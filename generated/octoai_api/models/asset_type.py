from enum import StrEnum


class AssetType(StrEnum):
    CHECKPOINT = "checkpoint"
    FILE = "file"
    LATENT = "latent"
    LORA = "lora"
    TEXTUAL_INVERSION = "textual_inversion"
    VAE = "vae"

    def __str__(self) -> str:
        return str(self.value)
