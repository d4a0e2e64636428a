"""Contains all the data models used in inputs/outputs"""

from .async_flag import AsyncFlag
from .async_inference_response import AsyncInferenceResponse
from .async_inference_state import AsyncInferenceState
from .async_inference_status import AsyncInferenceStatus
from .chat_completion_choice import ChatCompletionChoice
from .chat_completion_chunk import ChatCompletionChunk
from .chat_completion_chunk_choice import ChatCompletionChunkChoice
from .chat_completion_delta import ChatCompletionDelta
from .chat_completion_request import ChatCompletionRequest
from .chat_completion_request_logit_bias_type_0 import (
    ChatCompletionRequestLogitBiasType0,
)
from .chat_completion_response import ChatCompletionResponse
from .chat_message import ChatMessage
from .completion_choice import CompletionChoice
from .completion_chunk import CompletionChunk
from .completion_chunk_choice import CompletionChunkChoice
from .completion_logprobs_type_0 import CompletionLogprobsType0
from .completion_request import CompletionRequest
from .completion_request_logit_bias_type_0 import CompletionRequestLogitBiasType0
from .completion_response import CompletionResponse
from .delta_function_call import DeltaFunctionCall
from .delta_tool_call import DeltaToolCall
from .error_response import ErrorResponse
from .error_response_validation_errors_type_0 import ErrorResponseValidationErrorsType0
from .finish_reason import FinishReason
from .function_call import FunctionCall
from .function_choice import FunctionChoice
from .function_definition import FunctionDefinition
from .function_definition_parameters import FunctionDefinitionParameters
from .function_name import FunctionName
from .health_status import HealthStatus
from .http_validation_error import HTTPValidationError
from .image_content_part import ImageContentPart
from .image_url import ImageURL
from .inference_inputs import InferenceInputs
from .inference_outputs import InferenceOutputs
from .json_schema_format import JsonSchemaFormat
from .json_schema_format_schema import JsonSchemaFormatSchema
from .known_role import KnownRole
from .logprobs import Logprobs
from .response_format import ResponseFormat
from .response_format_schema_type_0 import ResponseFormatSchemaType0
from .response_format_type import ResponseFormatType
from .server_sent_event import ServerSentEvent
from .stream_options import StreamOptions
from .text_content_part import TextContentPart
from .token_logprob import TokenLogprob
from .tool_call import ToolCall
from .tool_choice_mode import ToolChoiceMode
from .tool_definition import ToolDefinition
from .top_logprob import TopLogprob
from .usage import Usage
from .validation_error import ValidationError

__all__ = (
    "AsyncFlag",
    "AsyncInferenceResponse",
    "AsyncInferenceState",
    "AsyncInferenceStatus",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionDelta",
    "ChatCompletionRequest",
    "ChatCompletionRequestLogitBiasType0",
    "ChatCompletionResponse",
    "ChatMessage",
    "CompletionChoice",
    "CompletionChunk",
    "CompletionChunkChoice",
    "CompletionLogprobsType0",
    "CompletionRequest",
    "CompletionRequestLogitBiasType0",
    "CompletionResponse",
    "DeltaFunctionCall",
    "DeltaToolCall",
    "ErrorResponse",
    "ErrorResponseValidationErrorsType0",
    "FinishReason",
    "FunctionCall",
    "FunctionChoice",
    "FunctionDefinition",
    "FunctionDefinitionParameters",
    "FunctionName",
    "HTTPValidationError",
    "HealthStatus",
    "ImageContentPart",
    "ImageURL",
    "InferenceInputs",
    "InferenceOutputs",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "KnownRole",
    "Logprobs",
    "ResponseFormat",
    "ResponseFormatSchemaType0",
    "ResponseFormatType",
    "ServerSentEvent",
    "StreamOptions",
    "TextContentPart",
    "TokenLogprob",
    "ToolCall",
    "ToolChoiceMode",
    "ToolDefinition",
    "TopLogprob",
    "Usage",
    "ValidationError",
)
