// Generated from openapi.yaml by @hey-api/openapi-ts 0.95.0.
// Do not edit by hand: change the spec and run `make generate`.

export type ClientOptions = {
    baseUrl: 'https://text.octoai.run' | 'https://image.octoai.run' | 'https://async.octoai.run' | 'https://api.octoai.cloud' | 'https://text.securelink.octo.ai' | 'https://image.securelink.octo.ai' | 'https://async.securelink.octoai.run' | 'https://api.securelink.octo.ai' | 'http://127.0.0.1:8000' | (string & {});
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
 * The `response_id` returned when the request was queued.
 */
export type ResponseId = string;

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
