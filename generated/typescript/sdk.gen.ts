// Generated from openapi.yaml by @hey-api/openapi-ts 0.95.0.
// Do not edit by hand: change the spec and run `make generate`.

import { client } from './client.gen.js';
import type { Client, Options as Options2, TDataShape } from './client/index.js';
import type { CreateChatCompletionData, CreateChatCompletionErrors, CreateChatCompletionResponses, CreateCompletionData, CreateCompletionErrors, CreateCompletionResponses, GetRequestStatusData, GetRequestStatusErrors, GetRequestStatusResponses, GetResponseData, GetResponseErrors, GetResponseResponses, HealthCheckData, HealthCheckErrors, HealthCheckResponses, InferData, InferErrors, InferResponses } from './types.gen.js';

export type Options<TData extends TDataShape = TDataShape, ThrowOnError extends boolean = boolean, TResponse = unknown> = Options2<TData, ThrowOnError, TResponse> & {
    /**
     * You can provide a client instance returned by `createClient()` instead of
     * individual options. This might be also useful if you want to implement a
     * custom client.
     */
    client?: Client;
    /**
     * You can pass arbitrary values through the `meta` object. This can be
     * used to access values that aren't defined as part of the SDK function.
     */
    meta?: Record<string, unknown>;
};

/**
 * Create a chat completion
 *
 * Generates the next assistant message for a conversation. With `stream: true` the
 * answer is a `text/event-stream` of `ChatCompletionChunk` events ended by `data: [DONE]`.
 *
 */
export const createChatCompletion = <ThrowOnError extends boolean = false>(options: Options<CreateChatCompletionData, ThrowOnError>) => (options.client ?? client).post<CreateChatCompletionResponses, CreateChatCompletionErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/chat/completions',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Create a text completion
 *
 * Continues a prompt. With `stream: true` the answer is a `text/event-stream` of
 * `CompletionChunk` events ended by `data: [DONE]`.
 *
 */
export const createCompletion = <ThrowOnError extends boolean = false>(options: Options<CreateCompletionData, ThrowOnError>) => (options.client ?? client).post<CreateCompletionResponses, CreateCompletionErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/completions',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Run an inference on a JSON endpoint
 *
 * Sends free-form JSON inputs to an inference endpoint and answers its free-form JSON
 * outputs. Real endpoints live at their own URLs (for example
 * `https://image.octoai.run/generate/sdxl`); this path stands for all of them, and the
 * clients accept the full endpoint URL.
 *
 * With the header `X-OctoAI-Async: 1` the request is queued instead: the answer is an
 * `AsyncInferenceResponse` whose `poll_url` reports progress. Asynchronous request bodies
 * are limited to 10 MB (413 above that).
 *
 * Endpoints that stream answer `text/event-stream` when the inputs ask for it, either
 * OpenAI-style (ended by `data: [DONE]`) or HuggingFace-style (the last event has `"done": true`).
 *
 */
export const infer = <ThrowOnError extends boolean = false>(options: Options<InferData, ThrowOnError>) => (options.client ?? client).post<InferResponses, InferErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/infer/{endpoint}',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Poll the status of an asynchronous inference
 *
 * Answers `pending` (waiting or starting up), `running`, `completed` (with `response_url`)
 * or `failed` (with `error`). Clients must treat any other status as an error rather
 * than poll forever.
 *
 */
export const getRequestStatus = <ThrowOnError extends boolean = false>(options: Options<GetRequestStatusData, ThrowOnError>) => (options.client ?? client).get<GetRequestStatusResponses, GetRequestStatusErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/requests/{response_id}',
    ...options
});

/**
 * Fetch the outputs of a completed asynchronous inference
 *
 * Answers the stored JSON outputs. Outputs are kept for 24 hours after completion and
 * then deleted; after that this answers 404.
 *
 */
export const getResponse = <ThrowOnError extends boolean = false>(options: Options<GetResponseData, ThrowOnError>) => (options.client ?? client).get<GetResponseResponses, GetResponseErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/responses/{response_id}',
    ...options
});

/**
 * Check whether an endpoint is ready
 *
 * Answers 200 once the endpoint is ready and 503 while it is cold-starting. A container
 * has five minutes after its image is pulled to become ready. Needs no token.
 *
 */
export const healthCheck = <ThrowOnError extends boolean = false>(options?: Options<HealthCheckData, ThrowOnError>) => (options?.client ?? client).get<HealthCheckResponses, HealthCheckErrors, ThrowOnError>({ url: '/healthcheck', ...options });
