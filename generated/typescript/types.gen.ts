// Generated from openapi.yaml by @hey-api/openapi-ts 0.95.0.
// Do not edit by hand: change the spec and run `make generate`.

export type ClientOptions = {
    baseUrl: 'https://text.octoai.run' | 'https://image.octoai.run' | 'https://async.octoai.run' | 'https://api.octoai.cloud' | 'https://text.securelink.octo.ai' | 'https://image.securelink.octo.ai' | 'https://async.securelink.octoai.run' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://api.octoai.cloud' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://image.octoai.run' | 'https://image.securelink.octo.ai' | 'http://127.0.0.1:8000' | 'https://image.octoai.run' | 'https://image.securelink.octo.ai' | 'http://127.0.0.1:8000' | (string & {});
};

/**
 * One event of a `text/event-stream` answer. Its `data` is the JSON text of the event
 * schema named by the operation's `x-octoai-stream` extension, or the `[DONE]` sentinel.
 *
 */
export type ServerSentEvent = {
    data: string;
    /**
     * `error` when the server reports a failure inside the stream.
     */
    event?: string;
    id?: string;
    retry?: number;
};

/**
 * A request for the next message of a conversation.
 */
export type ChatCompletionRequest = {
    /**
     * A shared-tenancy model name or the identifier of a custom model.
     */
    model: string;
    /**
     * The conversation so far, oldest first.
     */
    messages: Array<ChatMessage>;
    /**
     * The most tokens to generate.
     */
    max_tokens?: number;
    /**
     * Sampling temperature; higher is more random.
     */
    temperature?: number;
    /**
     * Nucleus sampling probability mass.
     */
    top_p?: number;
    /**
     * Minimum token probability relative to the most likely token.
     */
    min_p?: number;
    /**
     * How many choices to generate.
     */
    n?: number;
    stop?: StopSequences;
    /**
     * Penalises tokens that already appeared.
     */
    presence_penalty?: number;
    /**
     * Penalises tokens by how often they appeared.
     */
    frequency_penalty?: number;
    /**
     * Multiplicative penalty on repeated tokens.
     */
    repetition_penalty?: number;
    /**
     * Seed for deterministic sampling.
     */
    seed?: number | null;
    /**
     * Answer a `text/event-stream` of `ChatCompletionChunk` events.
     */
    stream?: boolean;
    stream_options?: StreamOptions;
    /**
     * Constrains the output format (JSON mode); null is the same as leaving it out.
     */
    response_format?: ResponseFormat | null;
    /**
     * Functions the model may call; null is the same as leaving it out.
     */
    tools?: Array<ToolDefinition> | null;
    tool_choice?: ToolChoice;
    /**
     * Return the log probability of each output token.
     */
    logprobs?: boolean;
    /**
     * How many most likely tokens to return at each position, 0 to 20 (needs `logprobs`).
     */
    top_logprobs?: number;
    /**
     * Token id to bias (-100 to 100).
     */
    logit_bias?: {
        [key: string]: number;
    } | null;
    /**
     * Keep generating after the end-of-sequence token.
     */
    ignore_eos?: boolean;
    /**
     * Let the service store the request's prompt.
     */
    log_prompt?: boolean;
    /**
     * Return the log probabilities of the prompt tokens (all but the first).
     */
    loglikelihood?: boolean;
    /**
     * A LoRA / PEFT asset to apply.
     */
    peft?: string | null;
    /**
     * An id of the end user, for abuse monitoring.
     */
    user?: string | null;
};

/**
 * One message of a conversation.
 */
export type ChatMessage = {
    role: Role;
    /**
     * The text, or a list of text and image parts. Omitted or null on an assistant message that only calls tools.
     */
    content?: string | Array<ContentPart> | null;
    /**
     * An optional name of the participant.
     */
    name?: string | null;
    /**
     * The tool calls an assistant message makes.
     */
    tool_calls?: Array<ToolCall> | null;
    /**
     * On a `tool` message, the id of the call it answers.
     */
    tool_call_id?: string | null;
};

/**
 * Who wrote a message. Known roles are listed; any other string is kept as it is.
 */
export type Role = KnownRole | string;

export type KnownRole = 'system' | 'user' | 'assistant' | 'tool';

/**
 * A part of a multimodal message.
 */
export type ContentPart = ({
    type: 'text';
} & TextContentPart) | ({
    type: 'image_url';
} & ImageContentPart);

export type TextContentPart = {
    type: 'text';
    text: string;
};

export type ImageContentPart = {
    type: 'image_url';
    image_url: ImageUrl;
};

export type ImageUrl = {
    /**
     * An image URL or a `data:` URL with base64 content.
     */
    url: string;
    /**
     * Resolution hint (`auto`, `low` or `high`).
     */
    detail?: string | null;
};

/**
 * One or more sequences where generation stops.
 */
export type StopSequences = string | Array<string> | null;

/**
 * Options of a streamed answer.
 */
export type StreamOptions = {
    /**
     * Send a final chunk with token usage before `[DONE]`.
     */
    include_usage?: boolean;
};

/**
 * Constrains the output format (JSON mode).
 */
export type ResponseFormat = {
    /**
     * `text`, `json_object`, `json_schema`, or another kind the service knows.
     */
    type: ResponseFormatType | string;
    json_schema?: JsonSchemaFormat;
    /**
     * A JSON schema the output must match (OctoAI's original form).
     */
    schema?: {
        [key: string]: unknown;
    } | null;
};

export type ResponseFormatType = 'text' | 'json_object' | 'json_schema';

export type JsonSchemaFormat = {
    name: string;
    description?: string;
    schema?: {
        [key: string]: unknown;
    };
    strict?: boolean;
};

export type ToolDefinition = {
    type?: 'function';
    function: FunctionDefinition;
};

export type FunctionDefinition = {
    name: string;
    description?: string;
    /**
     * The function's arguments as a JSON schema.
     */
    parameters?: {
        [key: string]: unknown;
    };
};

/**
 * `auto`, `required`, `none`, or a named function the model must call; null is the same as leaving it out.
 */
export type ToolChoice = ToolChoiceMode | FunctionChoice | null;

export type ToolChoiceMode = 'auto' | 'required' | 'none';

export type FunctionChoice = {
    type?: 'function';
    function: FunctionName;
};

export type FunctionName = {
    name: string;
};

/**
 * A call an assistant message makes to a tool.
 */
export type ToolCall = {
    id?: string | null;
    type?: string;
    function: FunctionCall;
};

export type FunctionCall = {
    name: string;
    /**
     * The arguments as a JSON text.
     */
    arguments: string;
};

/**
 * A chat completion.
 */
export type ChatCompletionResponse = {
    id: string;
    object?: string;
    /**
     * Unix time in seconds.
     */
    created: number;
    model: string;
    choices: Array<ChatCompletionChoice>;
    usage?: OptionalUsage;
    system_fingerprint?: string | null;
};

export type ChatCompletionChoice = {
    index: number;
    message: ChatMessage;
    finish_reason?: OptionalFinishReason;
    logprobs?: OptionalLogprobs;
};

/**
 * One event of a streamed chat completion.
 */
export type ChatCompletionChunk = {
    id: string;
    object?: string;
    created: number;
    model: string;
    choices: Array<ChatCompletionChunkChoice>;
    usage?: OptionalUsage;
    system_fingerprint?: string | null;
};

export type ChatCompletionChunkChoice = {
    index: number;
    delta?: ChatCompletionDelta;
    finish_reason?: OptionalFinishReason;
    logprobs?: OptionalLogprobs;
};

/**
 * What a chunk adds to the message.
 */
export type ChatCompletionDelta = {
    role?: string | null;
    content?: string | null;
    tool_calls?: Array<DeltaToolCall> | null;
};

export type DeltaToolCall = {
    index: number;
    id?: string | null;
    type?: string | null;
    function?: DeltaFunctionCall | null;
};

export type DeltaFunctionCall = {
    name?: string | null;
    arguments?: string | null;
};

/**
 * A request to continue a prompt.
 */
export type CompletionRequest = {
    /**
     * A shared-tenancy model name or the identifier of a custom model.
     */
    model: string;
    /**
     * The prompt, as text, a list of texts, token ids or lists of token ids. Null is an empty prompt.
     */
    prompt: string | Array<string> | Array<number> | Array<Array<number>> | null;
    suffix?: string | null;
    max_tokens?: number;
    temperature?: number;
    top_p?: number;
    n?: number;
    best_of?: number;
    echo?: boolean;
    stop?: StopSequences;
    presence_penalty?: number;
    frequency_penalty?: number;
    /**
     * Multiplicative penalty on repeated tokens.
     */
    repetition_penalty?: number;
    /**
     * Minimum token probability relative to the most likely token.
     */
    min_p?: number;
    seed?: number | null;
    logprobs?: number | null;
    /**
     * Token id to bias (-100 to 100).
     */
    logit_bias?: {
        [key: string]: number;
    } | null;
    /**
     * Keep generating after the end-of-sequence token.
     */
    ignore_eos?: boolean;
    /**
     * Let the service store the request's prompt.
     */
    log_prompt?: boolean;
    /**
     * Return the log probabilities of the prompt tokens (all but the first).
     */
    loglikelihood?: boolean;
    /**
     * A LoRA / PEFT asset to apply.
     */
    peft?: string | null;
    stream?: boolean;
    stream_options?: StreamOptions;
    user?: string | null;
};

/**
 * A text completion.
 */
export type CompletionResponse = {
    id: string;
    object?: string;
    created: number;
    model: string;
    choices: Array<CompletionChoice>;
    usage?: OptionalUsage;
    system_fingerprint?: string | null;
};

export type CompletionChoice = {
    index: number;
    text: string;
    finish_reason?: OptionalFinishReason;
    logprobs?: CompletionLogprobs;
};

/**
 * One event of a streamed text completion. OctoAI describes the events with
 * `CompletionResponse`; this schema differs only in its choices (`CompletionChunkChoice`).
 *
 */
export type CompletionChunk = {
    id: string;
    object?: string;
    created: number;
    model: string;
    choices: Array<CompletionChunkChoice>;
    usage?: OptionalUsage;
    system_fingerprint?: string | null;
};

export type CompletionChunkChoice = {
    index: number;
    text?: string;
    finish_reason?: OptionalFinishReason;
    logprobs?: CompletionLogprobs;
};

/**
 * The log probabilities of a completion choice, as the server shaped them.
 */
export type CompletionLogprobs = {
    [key: string]: unknown;
} | null;

/**
 * Why generation stopped.
 */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | 'cancelled';

/**
 * A known `FinishReason`, any other string the service may add, or null while generating.
 */
export type OptionalFinishReason = FinishReason | string | null;

/**
 * Token counts, the basis of billing.
 */
export type Usage = {
    prompt_tokens: number;
    /**
     * Tokens generated in the completion.
     */
    completion_tokens: number;
    total_tokens: number;
};

export type OptionalUsage = Usage | null;

export type Logprobs = {
    content?: Array<TokenLogprob | null> | null;
};

export type OptionalLogprobs = Logprobs | null;

export type TokenLogprob = {
    token: string;
    logprob: number;
    bytes?: Array<number> | null;
    top_logprobs?: Array<TopLogprob>;
};

export type TopLogprob = {
    token: string;
    logprob: number;
    bytes?: Array<number> | null;
};

/**
 * The endpoint's inputs, free-form JSON.
 */
export type InferenceInputs = {
    [key: string]: unknown;
};

/**
 * The endpoint's outputs, free-form JSON.
 */
export type InferenceOutputs = {
    [key: string]: unknown;
};

export type AsyncFlag = '1';

/**
 * A queued asynchronous inference.
 */
export type AsyncInferenceResponse = {
    response_id: string;
    /**
     * Where to poll for the status (`GET /v1/requests/{response_id}`).
     */
    poll_url: string;
};

/**
 * The documented states of an asynchronous inference.
 */
export type AsyncInferenceState = 'pending' | 'running' | 'completed' | 'failed';

/**
 * The status of an asynchronous inference.
 */
export type AsyncInferenceStatus = {
    response_id?: string;
    /**
     * A known `AsyncInferenceState`, or another string the client must not wait on.
     */
    status: AsyncInferenceState | string;
    /**
     * Where to fetch the outputs, once `completed`.
     */
    response_url?: string | null;
    /**
     * What went wrong, once `failed`.
     */
    error?: string | null;
};

export type HealthStatus = {
    status?: string;
};

/**
 * The error body of every non-validation failure.
 */
export type ErrorResponse = {
    message: string;
    /**
     * The error class, for example `invalid_request_error`, `not_found_error` or `internal_error`.
     */
    type: string;
    object?: string;
    code?: string | null;
    /**
     * The request field the error is about.
     */
    param?: string | null;
    /**
     * Field name to one or more problems with it.
     */
    validation_errors?: {
        [key: string]: string | Array<string>;
    } | null;
};

/**
 * The body of a 422 answer, one entry per invalid field.
 */
export type HttpValidationError = {
    detail?: Array<ValidationError>;
};

export type ValidationError = {
    /**
     * The path of the invalid field, for example `["body", "temperature"]`.
     */
    loc: Array<string | number>;
    msg: string;
    type: string;
};

/**
 * The kind of an asset; it selects the shape of the asset's `data`.
 */
export type AssetType = 'file' | 'checkpoint' | 'lora' | 'textual_inversion' | 'vae' | 'latent';

/**
 * Where an asset is in its life: `ready_to_upload` (created, waiting for its file),
 * `uploading` (created from a `url`, being fetched), `uploaded` (upload completed, being
 * validated), `ready`, `rejected` (validation refused the file; see `status_details`),
 * `error` (the upload failed; see `status_details`) or `deleted`.
 *
 */
export type AssetStatus = 'ready_to_upload' | 'uploaded' | 'ready' | 'deleted' | 'rejected' | 'error' | 'uploading';

/**
 * The numeric type of stored weights.
 */
export type DataType = 'fp16' | 'fp32' | 'int4' | 'int8';

/**
 * The storage format of weights.
 */
export type FileFormat = 'safetensors' | 'pt';

/**
 * The format of a `file` asset.
 */
export type FileExtension = 'unknown' | 'png' | 'jpg' | 'jpeg' | 'txt' | 'mp3' | 'wav' | 'jsonl';

/**
 * Whether an asset is one file or a directory of files.
 */
export type FileStructure = 'unknown' | 'single_file' | 'multiple_files';

/**
 * How an asset's file is transferred: `presigned-url` (one signed HTTP URL each to upload
 * and download), `sts` (temporary S3 credentials), `gcp-oauth` (a Google Cloud Storage
 * token) or `any` (the service chooses).
 *
 */
export type TransferApiType = 'presigned-url' | 'sts' | 'gcp-oauth' | 'any';

/**
 * The kind of engine an asset is made for.
 */
export type BaseEngineType = 'text' | 'image' | 'audio' | 'video';

/**
 * An engine an asset is made for, written `<engine type>/<engine>`.
 */
export type BaseEngine = 'text/llama-2-7b' | 'text/llama-2-13b' | 'text/llama-2-70b' | 'text/llama-3-8b' | 'text/llama-3-70b' | 'text/codellama-7b' | 'text/codellama-13b' | 'text/codellama-34b' | 'text/codellama-70b' | 'text/mistral-7b' | 'text/mistral-nemo' | 'text/mixtral-8x7b' | 'text/llama-3.1-8b' | 'text/llama-3.1-70b' | 'text/llama-3.1-405b' | 'image/controlnet-sd15' | 'image/controlnet-sdxl' | 'image/stable-diffusion-v1-5' | 'image/stable-diffusion-xl-v1-0' | 'image/stable-diffusion-v3-medium' | 'image/stable-diffusion-ssd' | 'image/flux-dev' | 'image/flux-schnell' | 'audio/tortoise-tts' | 'audio/rvc' | 'video/svd';

/**
 * An asset of the library, a file or weights made for an engine.
 */
export type Asset = {
    /**
     * The asset's unique id; ids sort in creation order.
     */
    id: string;
    /**
     * A known `AssetType`, or another type the service may add.
     */
    asset_type: AssetType | string;
    /**
     * The asset's name, unique among its owner's assets.
     */
    name: string;
    description: string;
    /**
     * The size of the uploaded file (0 until it is uploaded).
     */
    size_bytes: number;
    /**
     * A known `AssetStatus`, or another status the service may add.
     */
    status: AssetStatus | string;
    /**
     * Why the asset is `rejected` or `error`; empty otherwise.
     */
    status_details: string;
    /**
     * More information about the status.
     */
    status_info?: {
        [key: string]: unknown;
    };
    created_at: string;
    /**
     * The type-specific fields, selected by `asset_type`. An asset type this description
     * does not know yet is read as `OtherAssetData`.
     *
     */
    data: FileData | CheckpointData | LoraData | TextualInversionData | VaeData | LatentData | OtherAssetData;
    /**
     * A known `FileStructure`, or another value the service may add.
     */
    file_structure?: FileStructure | string;
    /**
     * The Hugging Face repository the asset came from.
     */
    hf_repo?: string | null;
    /**
     * Whether every user can see and use the asset.
     */
    is_public?: boolean;
    /**
     * The owner's tenant id.
     */
    tenant_uuid: string;
    /**
     * The URL the asset was created from, if any.
     */
    url?: string | null;
};

/**
 * The type-specific fields of a new asset, selected by `asset_type`.
 */
export type AssetData = ({
    asset_type: 'file';
} & FileData) | ({
    asset_type: 'checkpoint';
} & CheckpointData) | ({
    asset_type: 'lora';
} & LoraData) | ({
    asset_type: 'textual_inversion';
} & TextualInversionData) | ({
    asset_type: 'vae';
} & VaeData) | ({
    asset_type: 'latent';
} & LatentData);

/**
 * The `data` of a `file` asset (training images, audio, datasets).
 */
export type FileData = {
    asset_type: 'file';
    /**
     * A known `FileExtension`, or another the service may add.
     */
    file_format?: FileExtension | string;
    /**
     * A download URL of the image, when the list asked for preview URLs.
     */
    preview_url?: string | null;
    version?: string;
};

/**
 * The `data` of a `checkpoint` asset (a model's full weights).
 */
export type CheckpointData = {
    asset_type: 'checkpoint';
    engine: OpenBaseEngine;
    data_type?: OpenDataType;
    file_format?: OpenFileFormat;
};

/**
 * The `data` of a `lora` asset (low-rank adaptation weights).
 */
export type LoraData = {
    asset_type: 'lora';
    engine: OpenBaseEngine;
    data_type?: OpenDataType;
    file_format?: OpenFileFormat;
    /**
     * The base checkpoint the LoRA was made with.
     */
    checkpoint?: string | null;
    /**
     * Words that call up what the LoRA learned.
     */
    trigger_words?: Array<string> | null;
};

/**
 * The `data` of a `textual_inversion` asset (a learned embedding).
 */
export type TextualInversionData = {
    asset_type: 'textual_inversion';
    engine: OpenBaseEngine;
    data_type?: OpenDataType;
    file_format?: OpenFileFormat;
    trigger_words?: Array<string>;
};

/**
 * The `data` of a `vae` asset (a variational autoencoder).
 */
export type VaeData = {
    asset_type: 'vae';
    engine: OpenBaseEngine;
    data_type?: OpenDataType;
    file_format?: OpenFileFormat;
};

/**
 * The `data` of a `latent` asset (for example a voice for text to speech).
 */
export type LatentData = {
    asset_type: 'latent';
    engine: OpenBaseEngine;
    file_format?: OpenFileFormat;
};

/**
 * The `data` of an asset type this description does not know yet, kept as it is.
 */
export type OtherAssetData = {
    asset_type: string;
    [key: string]: unknown;
};

/**
 * A known `BaseEngine`, or another engine the service may add.
 */
export type OpenBaseEngine = BaseEngine | string;

/**
 * A known `DataType`, or another the service may add.
 */
export type OpenDataType = DataType | string;

/**
 * A known `FileFormat`, or another the service may add.
 */
export type OpenFileFormat = FileFormat | string;

/**
 * How to transfer an asset's file, selected by `type`.
 */
export type TransferApi = ({
    type: 'presigned-url';
} & PresignedUrlTransferApi) | ({
    type: 'sts';
} & StsTransferApi) | ({
    type: 'gcp-oauth';
} & GcsOauthTransferApi) | ({
    type: 'none';
} & NoTransferApi);

/**
 * Signed URLs: upload the file with one `PUT` of its bytes to `put_url` and download it
 * with `GET get_url`. Both expire, and neither takes an `Authorization` header.
 *
 */
export type PresignedUrlTransferApi = {
    type: 'presigned-url';
    /**
     * Where to upload the file.
     */
    put_url: string;
    /**
     * Where to download the file.
     */
    get_url: string;
};

/**
 * Temporary S3 credentials for the object `s3_bucket`/`s3_key`.
 */
export type StsTransferApi = {
    type: 'sts';
    aws_region: string;
    aws_access_key_id: string;
    aws_secret_access_key: string;
    aws_session_token?: string | null;
    s3_bucket: string;
    s3_key: string;
    s3_url: string;
    s3_endpoint_url?: string | null;
};

/**
 * A Google Cloud Storage OAuth token for the object `gs_bucket`/`gs_key`.
 */
export type GcsOauthTransferApi = {
    type: 'gcp-oauth';
    gcp_region: string;
    token: string;
    gs_bucket: string;
    gs_key: string;
    gs_url: string;
};

/**
 * Nothing to transfer (for example, an asset created from a `url`).
 */
export type NoTransferApi = {
    type: 'none';
};

/**
 * A new asset.
 */
export type CreateAssetRequest = {
    asset_type: AssetType;
    /**
     * A name unique among the owner's assets.
     */
    name: string;
    description?: string | null;
    data: AssetData;
    /**
     * A Hugging Face repository to take the asset from.
     */
    hf_repo?: string | null;
    /**
     * The name of an OctoAI secret holding a Hugging Face token.
     */
    hf_token_secret?: string | null;
    is_public?: boolean;
    /**
     * Skip the validation of the uploaded file.
     */
    skip_validation?: boolean;
    transfer_api_type?: TransferApiType;
    /**
     * Create the asset from the contents of this URL instead of an upload.
     */
    url?: string | null;
};

/**
 * A new asset and how to upload its file.
 */
export type CreateAssetResponse = {
    asset: Asset;
    transfer_api: TransferApi;
    /**
     * Unused.
     *
     * @deprecated
     */
    token?: string;
};

/**
 * An asset and fresh credentials to transfer its file.
 */
export type RetrieveAssetResponse = {
    asset: Asset;
    transfer_api: TransferApi;
};

/**
 * Options of completing an upload.
 */
export type CompleteAssetUploadRequest = {
    /**
     * Skip the validation of the uploaded file.
     */
    skip_validation?: boolean;
    /**
     * Unused.
     *
     * @deprecated
     */
    token?: string;
};

/**
 * The outcome of completing an upload.
 */
export type CompleteAssetUploadResponse = {
    /**
     * Why the upload failed, if it did.
     */
    error?: string | null;
};

/**
 * A deleted asset.
 */
export type DeleteAssetResponse = {
    id: string;
    deleted_at: string;
};

/**
 * One page of assets.
 */
export type ListAssetsResponse = {
    data: Array<Asset>;
    /**
     * Whether a later page has more assets.
     */
    has_more: boolean;
    /**
     * How many assets match, on every page together.
     */
    total: number;
};

/**
 * The kind of a tune.
 */
export type TuneType = 'lora_tune' | 'text_to_speech_latent_tune' | 'text_to_speech_rvc_tune' | 'text_to_speech_tortoise_tune';

/**
 * Where a tune is: `pending`, `running`, then `succeeded`; or `failed` (see
 * `status_details`) or `cancelled`.
 *
 */
export type TuneStatus = 'pending' | 'running' | 'succeeded' | 'cancelled' | 'failed';

/**
 * A new tune.
 */
export type CreateTuneRequest = {
    name: string;
    description?: string | null;
    /**
     * Train without the training files that were rejected instead of failing.
     */
    continue_on_rejection?: boolean | null;
    details: TuneDetails;
};

/**
 * What to train, selected by `tune_type`.
 */
export type TuneDetails = ({
    tune_type: 'lora_tune';
} & LoraTune) | ({
    tune_type: 'text_to_speech_latent_tune';
} & TextToSpeechLatentTune);

/**
 * A LoRA trained from images on a base checkpoint.
 */
export type LoraTune = {
    tune_type: 'lora_tune';
    base_checkpoint: LoraTuneCheckpoint;
    files: Array<LoraTuneFile>;
    steps: number;
    trigger_words: [
        string
    ];
    seed?: number | null;
    /**
     * Resize the training images so that their shorter edge is the engine's native size
     * (512 pixels for Stable Diffusion 1.5, 1024 for SDXL); images are never enlarged.
     *
     */
    resize_images?: boolean | null;
};

/**
 * The checkpoint a LoRA is trained on.
 */
export type LoraTuneCheckpoint = {
    /**
     * The checkpoint's asset id, its owner's own name for it, or `owner:name`.
     */
    checkpoint_id: string;
    /**
     * The checkpoint's engine, filled in by the service.
     */
    engine?: BaseEngine | string | null;
    /**
     * The checkpoint's name, kept in case the asset is deleted.
     */
    name?: string | null;
};

/**
 * A training image and its caption.
 */
export type LoraTuneFile = {
    /**
     * The id of a `file` asset (or its owner's own name for it).
     */
    file_id: string;
    /**
     * What the image shows; the trigger word when left out.
     */
    caption?: string | null;
};

/**
 * A voice latent trained from audio files.
 */
export type TextToSpeechLatentTune = {
    tune_type: 'text_to_speech_latent_tune';
    asset_ids: Array<string>;
    inline_assets?: boolean | null;
};

/**
 * The details of a tune type this description does not know yet, kept as they are.
 */
export type OtherTuneDetails = {
    tune_type: string;
    [key: string]: unknown;
};

/**
 * A tune and its progress.
 */
export type Tune = {
    id: string;
    /**
     * The owner's tenant id.
     */
    tenant_id: string;
    name: string;
    description: string;
    /**
     * A known `TuneType`, or another type the service may add.
     */
    tune_type: TuneType | string;
    /**
     * What is trained, selected by `tune_type`. A tune type this description does not
     * know yet is read as `OtherTuneDetails`.
     *
     */
    details: LoraTune | TextToSpeechLatentTune | OtherTuneDetails;
    /**
     * A known `TuneStatus`, or another status the service may add.
     */
    status: TuneStatus | string;
    /**
     * Why the tune failed; empty otherwise.
     */
    status_details: string;
    /**
     * The ids of the LoRA assets the tune made, once it succeeded.
     */
    output_lora_ids: Array<string>;
    result?: TuneResult | null;
    created_at: string;
    updated_at: string;
    succeeded_at?: string | null;
    deleted_at?: string | null;
};

/**
 * What a finished tune used and made.
 */
export type TuneResult = {
    /**
     * How many training files could be used.
     */
    number_of_available_assets?: number | null;
    /**
     * The assets the tune made (once it succeeded).
     */
    output_assets?: Array<string> | null;
    /**
     * Training files that were rejected.
     */
    rejected_assets?: Array<string> | null;
    /**
     * Training files that were not ready.
     */
    unready_assets?: Array<string> | null;
};

/**
 * One page of tunes.
 */
export type ListTunesResponse = {
    data: Array<Tune>;
    has_more: boolean;
    total: number;
};

/**
 * Generate one or more images from a prompt.
 */
export type ImageGenerationRequest = {
    /**
     * What the image shows.
     */
    prompt: string;
    /**
     * A second, high-level description (SDXL only).
     */
    prompt_2?: string | null;
    /**
     * What the image should not show.
     */
    negative_prompt?: string | null;
    /**
     * A second negative description (SDXL only).
     */
    negative_prompt_2?: string | null;
    /**
     * The width in pixels (default 1024). SDXL and SSD support (width, height) of
     * (640, 1536), (768, 1344), (832, 1216), (896, 1152), (1024, 1024), (1152, 896),
     * (1216, 832), (1344, 768) and (1536, 640).
     *
     */
    width?: number | null;
    /**
     * The height in pixels (default 1024); see `width`.
     */
    height?: number | null;
    /**
     * How many images to generate.
     */
    num_images?: number;
    /**
     * How many diffusion steps to run.
     */
    steps?: number;
    /**
     * How closely to follow the prompt.
     */
    cfg_scale?: number;
    /**
     * The random seed, or one seed per image (null entries are chosen by the service);
     * the same seed gives the same image.
     *
     */
    seed?: number | Array<number | null> | null;
    sampler?: Scheduler;
    /**
     * A predefined style (SDXL only).
     */
    style_preset?: SdxlStyles | null;
    image_encoding?: ImageEncoding;
    /**
     * A checkpoint asset to generate with (its name, `owner:name` or id).
     */
    checkpoint?: string | null;
    /**
     * A VAE asset to decode with (its name, `owner:name` or id).
     */
    vae?: string | null;
    /**
     * LoRA assets to apply (name, `owner:name` or id) and their weights.
     */
    loras?: {
        [key: string]: number;
    } | null;
    /**
     * Textual inversion assets to apply and their trigger words.
     */
    textual_inversions?: {
        [key: string]: string;
    } | null;
    /**
     * Skip the last layers of the text encoder.
     */
    clip_skip?: number | null;
    /**
     * A base64 image to start from (image to image).
     */
    init_image?: string | null;
    /**
     * How far image to image may move from `init_image`.
     */
    strength?: number;
    /**
     * A base64 mask for inpainting; white is painted.
     */
    mask_image?: string | null;
    inpaint_full_res?: boolean;
    inpaint_full_res_padding?: number;
    outpainting?: boolean;
    /**
     * A ControlNet to guide generation.
     */
    controlnet?: string | null;
    /**
     * The base64 image that guides the ControlNet.
     */
    controlnet_image?: string | null;
    controlnet_conditioning_scale?: number;
    controlnet_early_stop?: number | null;
    controlnet_preprocess?: boolean;
    /**
     * Trigger words and sample images of a style to transfer.
     */
    transfer_images?: {
        [key: string]: Array<string>;
    } | null;
    /**
     * The fraction of steps run by the base model (SDXL only).
     */
    high_noise_frac?: number;
    /**
     * Apply the SDXL refiner.
     */
    use_refiner?: boolean;
    /**
     * Let the service store the prompt.
     */
    log_prompt?: boolean;
};

/**
 * The encoding of the answered images.
 */
export type ImageEncoding = 'jpeg' | 'png';

/**
 * The sampler (scheduler) of the diffusion.
 */
export type Scheduler = 'PNDM' | 'LMS' | 'KLMS' | 'DDIM' | 'DDPM' | 'HEUN' | 'K_HEUN' | 'K_EULER' | 'K_EULER_ANCESTRAL' | 'DPM_SOLVER_MULTISTEP' | 'DPM_PLUS_PLUS_2M_KARRAS' | 'DPM_PLUS_PLUS_2M_SDE' | 'DPM_PLUS_PLUS_2M_SDE_KARRAS' | 'DPM_SINGLE' | 'DPM_2' | 'DPM_2_KARRAS' | 'DPM_2_ANCESTRAL' | 'DPM_2_ANCESTRAL_KARRAS' | 'DPM_PLUS_PLUS_SDE_KARRAS' | 'UNI_PC' | 'LCM';

/**
 * The predefined SDXL styles.
 */
export type SdxlStyles = 'base' | '3d-model' | 'analog-film' | 'anime' | 'cinematic' | 'comic-book' | 'Craft Clay' | 'modeling-compound' | 'digital-art' | 'enhance' | 'fantasy-art' | 'isometric' | 'line-art' | 'low-poly' | 'neon-punk' | 'origami' | 'photographic' | 'pixel-art' | 'tile-texture' | 'Advertising' | 'Food Photography' | 'Real Estate' | 'Abstract' | 'Cubist' | 'Graffiti' | 'Hyperrealism' | 'Impressionist' | 'Pointillism' | 'Pop Art' | 'Psychedelic' | 'Renaissance' | 'Steampunk' | 'Surrealist' | 'Typography' | 'Watercolor' | 'Fighting Game' | 'GTA' | 'Super Mario' | 'Minecraft' | 'Pokémon' | 'Retro Arcade' | 'Retro Game' | 'RPG Fantasy Game' | 'Strategy Game' | 'Street Fighter' | 'Legend of Zelda' | 'Architectural' | 'Disco' | 'Dreamscape' | 'Dystopian' | 'Fairy Tale' | 'Gothic' | 'Grunge' | 'Horror' | 'Minimalist' | 'Monochrome' | 'Nautical' | 'Space' | 'Stained Glass' | 'Techwear Fashion' | 'Tribal' | 'Zentangle' | 'Collage' | 'Flat Papercut' | 'Kirigami' | 'Paper Mache' | 'Paper Quilling' | 'Papercut Collage' | 'Papercut Shadow Box' | 'Stacked Papercut' | 'Thick Layered Papercut' | 'Alien' | 'Film Noir' | 'HDR' | 'Long Exposure' | 'Neon Noir' | 'Silhouette' | 'Tilt-Shift';

/**
 * The images of an `ImageGenerationRequest`.
 */
export type ImageGenerationResponse = {
    images: Array<ImageGeneration>;
    /**
     * How long the generation took, in milliseconds.
     */
    prediction_time_ms: number;
};

/**
 * One generated image.
 */
export type ImageGeneration = {
    /**
     * The base64 image, or null if it was removed for safety.
     */
    image_b64: string | null;
    /**
     * Whether the image was removed for safety.
     */
    removed_for_safety: boolean;
    /**
     * The seed of the image; the same request with it gives the same image.
     */
    seed: number;
    /**
     * How likely the image is unsafe.
     */
    safety_score?: number | null;
};

/**
 * The `response_id` returned when the request was queued.
 */
export type ResponseId = string;

/**
 * An asset id, the caller's own asset name, or `owner:name`.
 */
export type AssetReference = string;

/**
 * The asset's id.
 */
export type AssetId = string;

/**
 * The tune's id.
 */
export type TuneId = string;

/**
 * The most items to answer (at most 100).
 */
export type PageLimit = number;

/**
 * How many matching items to skip.
 */
export type PageOffset = number;

/**
 * `1` queues the request and answers an `AsyncInferenceResponse` at once.
 */
export type AsyncHeader = AsyncFlag;

export type CreateChatCompletionData = {
    body: ChatCompletionRequest;
    path?: never;
    query?: never;
    url: '/v1/chat/completions';
};

export type CreateChatCompletionErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type CreateChatCompletionError = CreateChatCompletionErrors[keyof CreateChatCompletionErrors];

export type CreateChatCompletionResponses = {
    /**
     * The completion, or a stream of chunks when `stream` is true.
     */
    200: ChatCompletionResponse;
};

export type CreateChatCompletionResponse = CreateChatCompletionResponses[keyof CreateChatCompletionResponses];

export type CreateCompletionData = {
    body: CompletionRequest;
    path?: never;
    query?: never;
    url: '/v1/completions';
};

export type CreateCompletionErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type CreateCompletionError = CreateCompletionErrors[keyof CreateCompletionErrors];

export type CreateCompletionResponses = {
    /**
     * The completion, or a stream of completion events when `stream` is true.
     */
    200: CompletionResponse;
};

export type CreateCompletionResponse = CreateCompletionResponses[keyof CreateCompletionResponses];

export type InferData = {
    body: InferenceInputs;
    headers?: {
        /**
         * `1` queues the request and answers an `AsyncInferenceResponse` at once.
         */
        'X-OctoAI-Async'?: AsyncFlag;
    };
    path: {
        /**
         * The endpoint's path on its host.
         */
        endpoint: string;
    };
    query?: never;
    url: '/infer/{endpoint}';
};

export type InferErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The asynchronous request body is over 10 MB.
     */
    413: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type InferError = InferErrors[keyof InferErrors];

export type InferResponses = {
    /**
     * The endpoint's outputs (synchronous request), or a stream of output events.
     */
    200: InferenceOutputs;
    /**
     * The request was queued (`X-OctoAI-Async: 1`).
     */
    202: AsyncInferenceResponse;
};

export type InferResponse = InferResponses[keyof InferResponses];

export type GetRequestStatusData = {
    body?: never;
    path: {
        /**
         * The `response_id` returned when the request was queued.
         */
        response_id: string;
    };
    query?: never;
    url: '/v1/requests/{response_id}';
};

export type GetRequestStatusErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type GetRequestStatusError = GetRequestStatusErrors[keyof GetRequestStatusErrors];

export type GetRequestStatusResponses = {
    /**
     * The request's current status.
     */
    200: AsyncInferenceStatus;
};

export type GetRequestStatusResponse = GetRequestStatusResponses[keyof GetRequestStatusResponses];

export type GetResponseData = {
    body?: never;
    path: {
        /**
         * The `response_id` returned when the request was queued.
         */
        response_id: string;
    };
    query?: never;
    url: '/v1/responses/{response_id}';
};

export type GetResponseErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type GetResponseError = GetResponseErrors[keyof GetResponseErrors];

export type GetResponseResponses = {
    /**
     * The inference outputs.
     */
    200: InferenceOutputs;
};

export type GetResponseResponse = GetResponseResponses[keyof GetResponseResponses];

export type HealthCheckData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/healthcheck';
};

export type HealthCheckErrors = {
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type HealthCheckError = HealthCheckErrors[keyof HealthCheckErrors];

export type HealthCheckResponses = {
    /**
     * The endpoint is ready.
     */
    200: HealthStatus;
};

export type HealthCheckResponse = HealthCheckResponses[keyof HealthCheckResponses];

export type ListAssetsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only the asset with exactly this name.
         */
        name?: string;
        /**
         * `true` lists public assets (of any owner); `false` the caller's own.
         */
        is_public?: boolean;
        /**
         * Only weights stored in this data type.
         */
        data_type?: DataType;
        /**
         * Only assets of these types.
         */
        asset_type?: Array<AssetType>;
        /**
         * Only assets made for these engines.
         */
        engine?: Array<BaseEngine>;
        /**
         * Only assets made for engines of this kind (`image` matches `image/...`).
         */
        engine_type?: BaseEngineType;
        /**
         * The most items to answer (at most 100).
         */
        limit?: number;
        /**
         * How many matching items to skip.
         */
        offset?: number;
        /**
         * Fill `data.preview_url` of image files with a download URL.
         */
        get_preview_urls?: boolean;
        /**
         * Only the assets with these ids.
         */
        asset_ids?: Array<string>;
        /**
         * Only assets of this owner (`octoai`, or a `tenant_uuid`).
         */
        owner?: string;
        /**
         * Only assets stored in these formats (weights) or with these extensions (files).
         */
        file_format?: Array<FileFormat | FileExtension>;
    };
    url: '/v1/assets';
};

export type ListAssetsErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type ListAssetsError = ListAssetsErrors[keyof ListAssetsErrors];

export type ListAssetsResponses = {
    /**
     * One page of matching assets.
     */
    200: ListAssetsResponse;
};

export type ListAssetsResponse2 = ListAssetsResponses[keyof ListAssetsResponses];

export type CreateAssetData = {
    body: CreateAssetRequest;
    path?: never;
    query?: never;
    url: '/v1/assets';
};

export type CreateAssetErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The request conflicts with the current state (a name in use, a tune that already ended).
     */
    409: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type CreateAssetError = CreateAssetErrors[keyof CreateAssetErrors];

export type CreateAssetResponses = {
    /**
     * The new asset and how to upload its file.
     */
    200: CreateAssetResponse;
};

export type CreateAssetResponse2 = CreateAssetResponses[keyof CreateAssetResponses];

export type DeleteAssetData = {
    body?: never;
    path: {
        /**
         * An asset id, the caller's own asset name, or `owner:name`.
         */
        asset_owner_and_name_or_id: string;
    };
    query?: never;
    url: '/v1/assets/{asset_owner_and_name_or_id}';
};

export type DeleteAssetErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type DeleteAssetError = DeleteAssetErrors[keyof DeleteAssetErrors];

export type DeleteAssetResponses = {
    /**
     * The asset was deleted.
     */
    200: DeleteAssetResponse;
};

export type DeleteAssetResponse2 = DeleteAssetResponses[keyof DeleteAssetResponses];

export type GetAssetData = {
    body?: never;
    path: {
        /**
         * An asset id, the caller's own asset name, or `owner:name`.
         */
        asset_owner_and_name_or_id: string;
    };
    query?: {
        /**
         * The kind of transfer credentials to answer.
         */
        transfer_api_type?: TransferApiType;
    };
    url: '/v1/assets/{asset_owner_and_name_or_id}';
};

export type GetAssetErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type GetAssetError = GetAssetErrors[keyof GetAssetErrors];

export type GetAssetResponses = {
    /**
     * The asset and transfer credentials for its file.
     */
    200: RetrieveAssetResponse;
};

export type GetAssetResponse = GetAssetResponses[keyof GetAssetResponses];

export type CompleteAssetUploadData = {
    body?: CompleteAssetUploadRequest;
    path: {
        /**
         * The asset's id.
         */
        asset_id: string;
    };
    query?: never;
    url: '/v1/assets/{asset_id}/complete-upload';
};

export type CompleteAssetUploadErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The request conflicts with the current state (a name in use, a tune that already ended).
     */
    409: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type CompleteAssetUploadError = CompleteAssetUploadErrors[keyof CompleteAssetUploadErrors];

export type CompleteAssetUploadResponses = {
    /**
     * The upload was completed; `error` is set when it failed.
     */
    200: CompleteAssetUploadResponse;
};

export type CompleteAssetUploadResponse2 = CompleteAssetUploadResponses[keyof CompleteAssetUploadResponses];

export type CreateTuneData = {
    body: CreateTuneRequest;
    path?: never;
    query?: never;
    url: '/v1/tune';
};

export type CreateTuneErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The request conflicts with the current state (a name in use, a tune that already ended).
     */
    409: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type CreateTuneError = CreateTuneErrors[keyof CreateTuneErrors];

export type CreateTuneResponses = {
    /**
     * The tune was created (`pending`).
     */
    201: Tune;
};

export type CreateTuneResponse = CreateTuneResponses[keyof CreateTuneResponses];

export type DeleteTuneData = {
    body?: never;
    path: {
        /**
         * The tune's id.
         */
        tune_id: string;
    };
    query?: never;
    url: '/v1/tune/{tune_id}';
};

export type DeleteTuneErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type DeleteTuneError = DeleteTuneErrors[keyof DeleteTuneErrors];

export type DeleteTuneResponses = {
    /**
     * The deleted tune.
     */
    200: Tune;
};

export type DeleteTuneResponse = DeleteTuneResponses[keyof DeleteTuneResponses];

export type GetTuneData = {
    body?: never;
    path: {
        /**
         * The tune's id.
         */
        tune_id: string;
    };
    query?: never;
    url: '/v1/tune/{tune_id}';
};

export type GetTuneErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type GetTuneError = GetTuneErrors[keyof GetTuneErrors];

export type GetTuneResponses = {
    /**
     * The tune.
     */
    200: Tune;
};

export type GetTuneResponse = GetTuneResponses[keyof GetTuneResponses];

export type CancelTuneData = {
    body?: never;
    path: {
        /**
         * The tune's id.
         */
        tune_id: string;
    };
    query?: never;
    url: '/v1/tune/{tune_id}/cancel';
};

export type CancelTuneErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The request conflicts with the current state (a name in use, a tune that already ended).
     */
    409: ErrorResponse;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type CancelTuneError = CancelTuneErrors[keyof CancelTuneErrors];

export type CancelTuneResponses = {
    /**
     * The cancelled tune.
     */
    200: Tune;
};

export type CancelTuneResponse = CancelTuneResponses[keyof CancelTuneResponses];

export type ListTunesData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * How many matching items to skip.
         */
        offset?: number;
        /**
         * The most items to answer (at most 100).
         */
        limit?: number;
        /**
         * Only the tune with exactly this name.
         */
        name?: string;
        /**
         * Only tunes of this type.
         */
        tune_type?: TuneType;
        /**
         * Only tunes trained from the checkpoint with this asset id.
         */
        base_checkpoint_id?: string;
        /**
         * Only tunes with any of these trigger words.
         */
        trigger_words?: Array<string>;
        /**
         * Only tunes for this engine (for example `image/stable-diffusion-xl-v1-0`).
         */
        engine?: string;
    };
    url: '/v1/tunes';
};

export type ListTunesErrors = {
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type ListTunesError = ListTunesErrors[keyof ListTunesErrors];

export type ListTunesResponses = {
    /**
     * One page of matching tunes.
     */
    200: ListTunesResponse;
};

export type ListTunesResponse2 = ListTunesResponses[keyof ListTunesResponses];

export type GenerateSdxlData = {
    body: ImageGenerationRequest;
    headers?: {
        /**
         * `1` queues the request and answers an `AsyncInferenceResponse` at once.
         */
        'X-OctoAI-Async'?: AsyncFlag;
    };
    path?: never;
    query?: never;
    url: '/generate/sdxl';
};

export type GenerateSdxlErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The asynchronous request body is over 10 MB.
     */
    413: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type GenerateSdxlError = GenerateSdxlErrors[keyof GenerateSdxlErrors];

export type GenerateSdxlResponses = {
    /**
     * The generated images.
     */
    200: ImageGenerationResponse;
    /**
     * The request was queued (`X-OctoAI-Async: 1`).
     */
    202: AsyncInferenceResponse;
};

export type GenerateSdxlResponse = GenerateSdxlResponses[keyof GenerateSdxlResponses];

export type GenerateSsdData = {
    body: ImageGenerationRequest;
    headers?: {
        /**
         * `1` queues the request and answers an `AsyncInferenceResponse` at once.
         */
        'X-OctoAI-Async'?: AsyncFlag;
    };
    path?: never;
    query?: never;
    url: '/generate/ssd';
};

export type GenerateSsdErrors = {
    /**
     * The request is malformed (for example, the body is not JSON).
     */
    400: ErrorResponse;
    /**
     * The bearer token is missing or not valid.
     */
    401: ErrorResponse;
    /**
     * The endpoint, model or response does not exist (or has expired).
     */
    404: ErrorResponse;
    /**
     * The asynchronous request body is over 10 MB.
     */
    413: ErrorResponse;
    /**
     * The request body does not match the schema.
     */
    422: HttpValidationError;
    /**
     * Too many requests; retry after a backoff period.
     */
    429: ErrorResponse;
    /**
     * The service failed.
     */
    500: ErrorResponse;
    /**
     * The endpoint is cold-starting or overloaded.
     */
    503: ErrorResponse;
};

export type GenerateSsdError = GenerateSsdErrors[keyof GenerateSsdErrors];

export type GenerateSsdResponses = {
    /**
     * The generated images.
     */
    200: ImageGenerationResponse;
    /**
     * The request was queued (`X-OctoAI-Async: 1`).
     */
    202: AsyncInferenceResponse;
};

export type GenerateSsdResponse = GenerateSsdResponses[keyof GenerateSsdResponses];
