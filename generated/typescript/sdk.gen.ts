// Generated from openapi.yaml by @hey-api/openapi-ts 0.95.0.
// Do not edit by hand: change the spec and run `make generate`.

import { client } from './client.gen.js';
import type { Client, Options as Options2, TDataShape } from './client/index.js';
import type { CancelTuneData, CancelTuneErrors, CancelTuneResponses, CompleteAssetUploadData, CompleteAssetUploadErrors, CompleteAssetUploadResponses, CreateAssetData, CreateAssetErrors, CreateAssetResponses, CreateChatCompletionData, CreateChatCompletionErrors, CreateChatCompletionResponses, CreateCompletionData, CreateCompletionErrors, CreateCompletionResponses, CreateTuneData, CreateTuneErrors, CreateTuneResponses, DeleteAssetData, DeleteAssetErrors, DeleteAssetResponses, DeleteTuneData, DeleteTuneErrors, DeleteTuneResponses, GenerateSdxlData, GenerateSdxlErrors, GenerateSdxlResponses, GenerateSsdData, GenerateSsdErrors, GenerateSsdResponses, GetAssetData, GetAssetErrors, GetAssetResponses, GetRequestStatusData, GetRequestStatusErrors, GetRequestStatusResponses, GetResponseData, GetResponseErrors, GetResponseResponses, GetTuneData, GetTuneErrors, GetTuneResponses, HealthCheckData, HealthCheckErrors, HealthCheckResponses, InferData, InferErrors, InferResponses, ListAssetsData, ListAssetsErrors, ListAssetsResponses, ListTunesData, ListTunesErrors, ListTunesResponses } from './types.gen.js';

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

/**
 * List assets
 *
 * Lists the caller's own assets, or with `is_public=true` the public assets of every
 * owner (OctoAI's own, owner `octoai`, among them), oldest first. Every filter narrows the
 * list; array filters match any of their values and may be sent as repeated keys
 * (`asset_type=lora&asset_type=vae`) or comma-joined (`asset_type=lora,vae`). Paging is by
 * `offset` and `limit`; `total` counts every match and `has_more` says whether a later page
 * exists. Deleted assets are never listed.
 *
 */
export const listAssets = <ThrowOnError extends boolean = false>(options?: Options<ListAssetsData, ThrowOnError>) => (options?.client ?? client).get<ListAssetsResponses, ListAssetsErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/assets',
    ...options
});

/**
 * Create an asset
 *
 * Creates an asset and answers where to upload its file. With the default transfer API,
 * `presigned-url`, the asset is `ready_to_upload` and `transfer_api.put_url` takes one HTTP
 * `PUT` of the file's bytes, with no `Authorization` header (the URL is signed and expires);
 * then `complete-upload` starts validation (`uploaded`, then `ready`, `rejected` or
 * `error`). With `url` the service fetches the file itself: the asset is `uploading`, then
 * `ready`, and `transfer_api.type` is `none`.
 *
 * Names are unique per owner among assets that are not deleted (409 otherwise).
 *
 */
export const createAsset = <ThrowOnError extends boolean = false>(options: Options<CreateAssetData, ThrowOnError>) => (options.client ?? client).post<CreateAssetResponses, CreateAssetErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/assets',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Delete an asset
 *
 * Deletes one of the caller's own assets, named by its id or by its name. It answers 404
 * from then on and is no longer listed; its name can be used again. Tunes that used it
 * are not affected.
 *
 */
export const deleteAsset = <ThrowOnError extends boolean = false>(options: Options<DeleteAssetData, ThrowOnError>) => (options.client ?? client).delete<DeleteAssetResponses, DeleteAssetErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/assets/{asset_owner_and_name_or_id}',
    ...options
});

/**
 * Retrieve an asset
 *
 * Answers one asset, found by its id (`asset_01...`), by the name of one of the caller's
 * own assets (`origami-paper`), or by `owner:name` (`octoai:default-sdxl`), with fresh
 * transfer credentials: a `presigned-url` transfer API downloads the file with `get_url`
 * (and, while the asset is `ready_to_upload`, uploads it with `put_url`).
 *
 */
export const getAsset = <ThrowOnError extends boolean = false>(options: Options<GetAssetData, ThrowOnError>) => (options.client ?? client).get<GetAssetResponses, GetAssetErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/assets/{asset_owner_and_name_or_id}',
    ...options
});

/**
 * Complete an asset's upload
 *
 * Says the file was uploaded to `put_url`, which starts its validation. A missing or
 * empty file makes the asset `error` and the answer's `error` says why; a file that does
 * not match its declared format (for example weights declared `safetensors` whose header
 * does not parse) makes it `rejected`, with the reason in `status_details`; otherwise it
 * is `uploaded` and becomes `ready` shortly after. Completing again answers the same
 * outcome. Assets created from a `url` have nothing to complete (409).
 *
 */
export const completeAssetUpload = <ThrowOnError extends boolean = false>(options: Options<CompleteAssetUploadData, ThrowOnError>) => (options.client ?? client).post<CompleteAssetUploadResponses, CompleteAssetUploadErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/assets/{asset_id}/complete-upload',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Create a tune
 *
 * Starts training. A `lora_tune` trains a LoRA for the engine of `base_checkpoint` (a
 * `ready` checkpoint: an id, the caller's own asset name, or `owner:name` such as
 * `octoai:default-sdxl`) from `files` (`ready` image file assets: png, jpg or jpeg) with
 * exactly one trigger word. Problems with the details answer 422 naming the field,
 * missing assets included. A training file that was rejected fails the tune unless
 * `continue_on_rejection` is set; it is then listed in `result.rejected_assets`.
 *
 * A tune is `pending`, then `running`, then `succeeded`: its LoRA is then an asset of the
 * tune's owner, named after the tune, listed in `output_lora_ids`. It can also end
 * `failed` (see `status_details`) or `cancelled`. Tune names are unique per owner, and a
 * tune may not take the name of one of the owner's assets, which its LoRA will need (409).
 *
 */
export const createTune = <ThrowOnError extends boolean = false>(options: Options<CreateTuneData, ThrowOnError>) => (options.client ?? client).post<CreateTuneResponses, CreateTuneErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/tune',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Delete a tune
 *
 * Deletes one of the caller's tunes (stopping it if it has not ended). Its LoRA and its
 * training files stay in the asset library. The tune answers 404 from then on.
 *
 */
export const deleteTune = <ThrowOnError extends boolean = false>(options: Options<DeleteTuneData, ThrowOnError>) => (options.client ?? client).delete<DeleteTuneResponses, DeleteTuneErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/tune/{tune_id}',
    ...options
});

/**
 * Retrieve a tune
 *
 * Answers one of the caller's tunes with its current status.
 */
export const getTune = <ThrowOnError extends boolean = false>(options: Options<GetTuneData, ThrowOnError>) => (options.client ?? client).get<GetTuneResponses, GetTuneErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/tune/{tune_id}',
    ...options
});

/**
 * Cancel a tune
 *
 * Cancels a `pending` or `running` tune, which becomes `cancelled` and makes no LoRA. A
 * tune that already ended (`succeeded`, `failed` or `cancelled`) answers 409.
 *
 */
export const cancelTune = <ThrowOnError extends boolean = false>(options: Options<CancelTuneData, ThrowOnError>) => (options.client ?? client).post<CancelTuneResponses, CancelTuneErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/tune/{tune_id}/cancel',
    ...options
});

/**
 * List tunes
 *
 * Lists the caller's tunes, oldest first, one page at a time (`offset`, `limit`; `total`
 * counts every match). Every filter narrows the list; `trigger_words` matches tunes with
 * any of the given words.
 *
 */
export const listTunes = <ThrowOnError extends boolean = false>(options?: Options<ListTunesData, ThrowOnError>) => (options?.client ?? client).get<ListTunesResponses, ListTunesErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/v1/tunes',
    ...options
});

/**
 * Generate images with Stable Diffusion XL
 *
 * Generates `num_images` images from a prompt with Stable Diffusion XL, optionally
 * customised with assets of the library: `checkpoint`, `vae`, `loras` (name to weight) and
 * `textual_inversions` (name to trigger word), each named by the caller's own asset name,
 * `owner:name` or id, and each made for this engine. An unknown asset answers 404, one of
 * the wrong kind or for another engine 400; both name it.
 *
 * With the header `X-OctoAI-Async: 1` the request is queued instead and answers an
 * `AsyncInferenceResponse` (202) whose `poll_url` reports progress.
 *
 */
export const generateSdxl = <ThrowOnError extends boolean = false>(options: Options<GenerateSdxlData, ThrowOnError>) => (options.client ?? client).post<GenerateSdxlResponses, GenerateSdxlErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/generate/sdxl',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});

/**
 * Generate images with Segmind Stable Diffusion (SSD-1B)
 *
 * As `generate_sdxl`, with the SSD-1B engine (`image/stable-diffusion-ssd`): checkpoints,
 * LoRAs and other customisations must be made for that engine.
 *
 */
export const generateSsd = <ThrowOnError extends boolean = false>(options: Options<GenerateSsdData, ThrowOnError>) => (options.client ?? client).post<GenerateSsdResponses, GenerateSsdErrors, ThrowOnError>({
    security: [{ scheme: 'bearer', type: 'http' }],
    url: '/generate/ssd',
    ...options,
    headers: {
        'Content-Type': 'application/json',
        ...options.headers
    }
});
