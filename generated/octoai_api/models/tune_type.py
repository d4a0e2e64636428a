from enum import StrEnum


class TuneType(StrEnum):
    LORA_TUNE = "lora_tune"
    TEXT_TO_SPEECH_LATENT_TUNE = "text_to_speech_latent_tune"
    TEXT_TO_SPEECH_RVC_TUNE = "text_to_speech_rvc_tune"
    TEXT_TO_SPEECH_TORTOISE_TUNE = "text_to_speech_tortoise_tune"

    def __str__(self) -> str:
        return str(self.value)
