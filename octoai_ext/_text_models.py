"""The text models known to this package (the service may offer more)."""

from __future__ import annotations

import enum


class TextModel(enum.StrEnum):
    """Names of shared-tenancy text models; any other model name may be passed as a string."""

    META_LLAMA_3_1_8B_INSTRUCT = "meta-llama-3.1-8b-instruct"
    META_LLAMA_3_1_70B_INSTRUCT = "meta-llama-3.1-70b-instruct"
    META_LLAMA_3_1_405B_INSTRUCT = "meta-llama-3.1-405b-instruct"
    META_LLAMA_3_8B_INSTRUCT = "meta-llama-3-8b-instruct"
    META_LLAMA_3_70B_INSTRUCT = "meta-llama-3-70b-instruct"
    MIXTRAL_8X7B_INSTRUCT = "mixtral-8x7b-instruct"
    MIXTRAL_8X22B_INSTRUCT = "mixtral-8x22b-instruct"
    MISTRAL_7B_INSTRUCT = "mistral-7b-instruct"
    HERMES_2_PRO_MISTRAL_7B = "hermes-2-pro-mistral-7b"
    LLAMA_2_13B_CHAT = "llama-2-13b-chat"
    LLAMA_2_70B_CHAT = "llama-2-70b-chat"
    CODELLAMA_7B_INSTRUCT = "codellama-7b-instruct"
    CODELLAMA_13B_INSTRUCT = "codellama-13b-instruct"
    CODELLAMA_34B_INSTRUCT = "codellama-34b-instruct"
    CODELLAMA_70B_INSTRUCT = "codellama-70b-instruct"
    # The older guides spell the Llama 2 chat model this way.
    LLAMA2_70B = "llama-2-70b-chat"


def get_model_list() -> list[str]:
    """Return the names of the text models this package knows, without a network call."""
    return [model.value for model in TextModel]
