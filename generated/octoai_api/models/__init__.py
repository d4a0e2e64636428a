"""Contains all the data models used in inputs/outputs"""

from .asset import Asset
from .asset_status import AssetStatus
from .asset_status_info import AssetStatusInfo
from .asset_type import AssetType
from .async_flag import AsyncFlag
from .async_inference_response import AsyncInferenceResponse
from .async_inference_state import AsyncInferenceState
from .async_inference_status import AsyncInferenceStatus
from .base_engine import BaseEngine
from .base_engine_type import BaseEngineType
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
from .checkpoint_data import CheckpointData
from .complete_asset_upload_request import CompleteAssetUploadRequest
from .complete_asset_upload_response import CompleteAssetUploadResponse
from .completion_choice import CompletionChoice
from .completion_chunk import CompletionChunk
from .completion_chunk_choice import CompletionChunkChoice
from .completion_logprobs_type_0 import CompletionLogprobsType0
from .completion_request import CompletionRequest
from .completion_request_logit_bias_type_0 import CompletionRequestLogitBiasType0
from .completion_response import CompletionResponse
from .create_asset_request import CreateAssetRequest
from .create_asset_response import CreateAssetResponse
from .create_tune_request import CreateTuneRequest
from .data_type import DataType
from .delete_asset_response import DeleteAssetResponse
from .delta_function_call import DeltaFunctionCall
from .delta_tool_call import DeltaToolCall
from .error_response import ErrorResponse
from .error_response_validation_errors_type_0 import ErrorResponseValidationErrorsType0
from .file_data import FileData
from .file_extension import FileExtension
from .file_format import FileFormat
from .file_structure import FileStructure
from .finish_reason import FinishReason
from .function_call import FunctionCall
from .function_choice import FunctionChoice
from .function_definition import FunctionDefinition
from .function_definition_parameters import FunctionDefinitionParameters
from .function_name import FunctionName
from .gcs_oauth_transfer_api import GcsOauthTransferApi
from .health_status import HealthStatus
from .http_validation_error import HTTPValidationError
from .image_content_part import ImageContentPart
from .image_encoding import ImageEncoding
from .image_generation import ImageGeneration
from .image_generation_request import ImageGenerationRequest
from .image_generation_request_loras_type_0 import ImageGenerationRequestLorasType0
from .image_generation_request_textual_inversions_type_0 import (
    ImageGenerationRequestTextualInversionsType0,
)
from .image_generation_request_transfer_images_type_0 import (
    ImageGenerationRequestTransferImagesType0,
)
from .image_generation_response import ImageGenerationResponse
from .image_url import ImageURL
from .inference_inputs import InferenceInputs
from .inference_outputs import InferenceOutputs
from .json_schema_format import JsonSchemaFormat
from .json_schema_format_schema import JsonSchemaFormatSchema
from .known_role import KnownRole
from .latent_data import LatentData
from .list_assets_response import ListAssetsResponse
from .list_tunes_response import ListTunesResponse
from .logprobs import Logprobs
from .lora_data import LoraData
from .lora_tune import LoraTune
from .lora_tune_checkpoint import LoraTuneCheckpoint
from .lora_tune_file import LoraTuneFile
from .no_transfer_api import NoTransferApi
from .other_asset_data import OtherAssetData
from .other_tune_details import OtherTuneDetails
from .presigned_url_transfer_api import PresignedUrlTransferApi
from .response_format import ResponseFormat
from .response_format_schema_type_0 import ResponseFormatSchemaType0
from .response_format_type import ResponseFormatType
from .retrieve_asset_response import RetrieveAssetResponse
from .scheduler import Scheduler
from .sdxl_styles import SDXLStyles
from .server_sent_event import ServerSentEvent
from .stream_options import StreamOptions
from .sts_transfer_api import StsTransferApi
from .text_content_part import TextContentPart
from .text_to_speech_latent_tune import TextToSpeechLatentTune
from .textual_inversion_data import TextualInversionData
from .token_logprob import TokenLogprob
from .tool_call import ToolCall
from .tool_choice_mode import ToolChoiceMode
from .tool_definition import ToolDefinition
from .top_logprob import TopLogprob
from .transfer_api_type import TransferApiType
from .tune import Tune
from .tune_result import TuneResult
from .tune_status import TuneStatus
from .tune_type import TuneType
from .usage import Usage
from .vae_data import VAEData
from .validation_error import ValidationError

__all__ = (
    "Asset",
    "AssetStatus",
    "AssetStatusInfo",
    "AssetType",
    "AsyncFlag",
    "AsyncInferenceResponse",
    "AsyncInferenceState",
    "AsyncInferenceStatus",
    "BaseEngine",
    "BaseEngineType",
    "ChatCompletionChoice",
    "ChatCompletionChunk",
    "ChatCompletionChunkChoice",
    "ChatCompletionDelta",
    "ChatCompletionRequest",
    "ChatCompletionRequestLogitBiasType0",
    "ChatCompletionResponse",
    "ChatMessage",
    "CheckpointData",
    "CompleteAssetUploadRequest",
    "CompleteAssetUploadResponse",
    "CompletionChoice",
    "CompletionChunk",
    "CompletionChunkChoice",
    "CompletionLogprobsType0",
    "CompletionRequest",
    "CompletionRequestLogitBiasType0",
    "CompletionResponse",
    "CreateAssetRequest",
    "CreateAssetResponse",
    "CreateTuneRequest",
    "DataType",
    "DeleteAssetResponse",
    "DeltaFunctionCall",
    "DeltaToolCall",
    "ErrorResponse",
    "ErrorResponseValidationErrorsType0",
    "FileData",
    "FileExtension",
    "FileFormat",
    "FileStructure",
    "FinishReason",
    "FunctionCall",
    "FunctionChoice",
    "FunctionDefinition",
    "FunctionDefinitionParameters",
    "FunctionName",
    "GcsOauthTransferApi",
    "HTTPValidationError",
    "HealthStatus",
    "ImageContentPart",
    "ImageEncoding",
    "ImageGeneration",
    "ImageGenerationRequest",
    "ImageGenerationRequestLorasType0",
    "ImageGenerationRequestTextualInversionsType0",
    "ImageGenerationRequestTransferImagesType0",
    "ImageGenerationResponse",
    "ImageURL",
    "InferenceInputs",
    "InferenceOutputs",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "KnownRole",
    "LatentData",
    "ListAssetsResponse",
    "ListTunesResponse",
    "Logprobs",
    "LoraData",
    "LoraTune",
    "LoraTuneCheckpoint",
    "LoraTuneFile",
    "NoTransferApi",
    "OtherAssetData",
    "OtherTuneDetails",
    "PresignedUrlTransferApi",
    "ResponseFormat",
    "ResponseFormatSchemaType0",
    "ResponseFormatType",
    "RetrieveAssetResponse",
    "SDXLStyles",
    "Scheduler",
    "ServerSentEvent",
    "StreamOptions",
    "StsTransferApi",
    "TextContentPart",
    "TextToSpeechLatentTune",
    "TextualInversionData",
    "TokenLogprob",
    "ToolCall",
    "ToolChoiceMode",
    "ToolDefinition",
    "TopLogprob",
    "TransferApiType",
    "Tune",
    "TuneResult",
    "TuneStatus",
    "TuneType",
    "Usage",
    "VAEData",
    "ValidationError",
)
