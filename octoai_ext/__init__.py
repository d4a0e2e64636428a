"""A typed client for the OctoAI inference API.

from octoai_ext import OctoAI

with OctoAI() as client:  # the token comes from OCTOAI_TOKEN
    completion = client.text_gen.create_chat_completion(
        model="meta-llama-3.1-8b-instruct",
        messages=[{"role": "user", "content": "Write a haiku about octopuses"}],
    )
    print(completion.choices[0].message.content)
"""

from octoai_api.models import (
    ChatCompletionChunk,
    ChatCompletionResponse,
    ChatMessage,
    CompletionResponse,
)

from ._errors import (
    AuthenticationError,
    FutureExpiredError,
    InferenceFailedError,
    NotFoundError,
    OctoAIClientError,
    OctoAIError,
    OctoAIServerError,
    OctoAITimeoutError,
    PayloadTooLargeError,
    RateLimitError,
    RequestValidationError,
    StreamError,
)
from ._futures import AsyncStatus, InferenceFuture
from ._streaming import AsyncStream, Stream
from ._text_models import TextModel, get_model_list
from ._version import __version__
from .aio import AsyncOctoAI
from .client import OctoAI

__all__ = [
    "AsyncOctoAI",
    "AsyncStatus",
    "AsyncStream",
    "AuthenticationError",
    "ChatCompletionChunk",
    "ChatCompletionResponse",
    "ChatMessage",
    "CompletionResponse",
    "FutureExpiredError",
    "InferenceFailedError",
    "InferenceFuture",
    "NotFoundError",
    "OctoAI",
    "OctoAIClientError",
    "OctoAIError",
    "OctoAIServerError",
    "OctoAITimeoutError",
    "PayloadTooLargeError",
    "RateLimitError",
    "RequestValidationError",
    "Stream",
    "StreamError",
    "TextModel",
    "__version__",
    "get_model_list",
]

# Public names report this package as their home, as httpx does.
for _name in __all__:
    _obj = globals()[_name]
    if getattr(_obj, "__module__", "").startswith("octoai_ext."):
        _obj.__module__ = "octoai_ext"
del _name, _obj
