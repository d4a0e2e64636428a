from enum import StrEnum


class BaseEngine(StrEnum):
    AUDIORVC = "audio/rvc"
    AUDIOTORTOISE_TTS = "audio/tortoise-tts"
    IMAGECONTROLNET_SD15 = "image/controlnet-sd15"
    IMAGECONTROLNET_SDXL = "image/controlnet-sdxl"
    IMAGEFLUX_DEV = "image/flux-dev"
    IMAGEFLUX_SCHNELL = "image/flux-schnell"
    IMAGESTABLE_DIFFUSION_SSD = "image/stable-diffusion-ssd"
    IMAGESTABLE_DIFFUSION_V1_5 = "image/stable-diffusion-v1-5"
    IMAGESTABLE_DIFFUSION_V3_MEDIUM = "image/stable-diffusion-v3-medium"
    IMAGESTABLE_DIFFUSION_XL_V1_0 = "image/stable-diffusion-xl-v1-0"
    TEXTCODELLAMA_13B = "text/codellama-13b"
    TEXTCODELLAMA_34B = "text/codellama-34b"
    TEXTCODELLAMA_70B = "text/codellama-70b"
    TEXTCODELLAMA_7B = "text/codellama-7b"
    TEXTLLAMA_2_13B = "text/llama-2-13b"
    TEXTLLAMA_2_70B = "text/llama-2-70b"
    TEXTLLAMA_2_7B = "text/llama-2-7b"
    TEXTLLAMA_3_1_405B = "text/llama-3.1-405b"
    TEXTLLAMA_3_1_70B = "text/llama-3.1-70b"
    TEXTLLAMA_3_1_8B = "text/llama-3.1-8b"
    TEXTLLAMA_3_70B = "text/llama-3-70b"
    TEXTLLAMA_3_8B = "text/llama-3-8b"
    TEXTMISTRAL_7B = "text/mistral-7b"
    TEXTMISTRAL_NEMO = "text/mistral-nemo"
    TEXTMIXTRAL_8X7B = "text/mixtral-8x7b"
    VIDEOSVD = "video/svd"

    def __str__(self) -> str:
        return str(self.value)
