// The generated package exposes a function per operation and a type per schema of openapi.yaml.
//
// The runtime checks read the spec, so a new operation or schema that the generator drops fails
// here. The declarations at the bottom are checked by tsc: each `@ts-expect-error` line must be a
// type error, so the generated types cannot silently loosen.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import * as api from "../../generated/typescript/index.js";
import type {
  Asset,
  AssetData,
  AsyncInferenceResponse,
  AsyncInferenceState,
  AsyncInferenceStatus,
  ChatCompletionChunk,
  ChatCompletionRequest,
  ChatCompletionResponse,
  CompletionChunk,
  CompletionRequest,
  CreateAssetRequest,
  CreateTuneRequest,
  CompletionResponse,
  ErrorResponse,
  FinishReason,
  HealthStatus,
  HttpValidationError,
  ImageGenerationRequest,
  InferData,
  InferenceOutputs,
  TransferApi,
} from "../../generated/typescript/index.js";
import { repoRoot } from "./devserver.js";

function readRepoFile(...parts: string[]): string {
  return readFileSync(path.join(repoRoot(), ...parts), "utf8");
}

function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The operationIds of openapi.yaml, in order. */
function operationIds(spec: string): string[] {
  return [...spec.matchAll(/^\s+operationId:\s*([A-Za-z0-9_]+)\s*$/gm)].map((match) => match[1] ?? "");
}

/** The keys of `components.schemas` (the lines indented by four spaces below `  schemas:`). */
function schemaNames(spec: string): string[] {
  const lines = spec.split("\n");
  const start = lines.indexOf("  schemas:");
  assert.notEqual(start, -1, "openapi.yaml has no components.schemas");
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!line.startsWith("    ")) break;
    const match = /^ {4}([A-Za-z0-9_]+):\s*$/.exec(line);
    if (match?.[1] !== undefined) names.push(match[1]);
  }
  return names;
}

describe("generated package surface", () => {
  const spec = readRepoFile("openapi.yaml");

  it("exports exactly one function per operation, named after its operationId", () => {
    const expected = operationIds(spec).map(camelCase).sort();
    assert.deepEqual(expected, [
      "cancelTune",
      "completeAssetUpload",
      "createAsset",
      "createChatCompletion",
      "createCompletion",
      "createTune",
      "deleteAsset",
      "deleteTune",
      "generateSdxl",
      "generateSsd",
      "getAsset",
      "getRequestStatus",
      "getResponse",
      "getTune",
      "healthCheck",
      "infer",
      "listAssets",
      "listTunes",
    ]);
    const exported = Object.entries(api)
      .filter(([, value]) => typeof value === "function")
      .map(([name]) => name)
      .sort();
    assert.deepEqual(exported, expected);
  });

  it("declares a type for every schema", () => {
    const names = schemaNames(spec);
    assert.ok(names.length >= 40, `found only ${names.length} schemas; is the spec parsed right?`);
    const types = readRepoFile("generated", "typescript", "types.gen.ts");
    // The generator normalises acronyms (HTTPValidationError -> HttpValidationError, ImageURL -> ImageUrl).
    const declared = new Set([...types.matchAll(/^export type (\w+) =/gm)].map((match) => (match[1] ?? "").toLowerCase()));
    const missing = names.filter((name) => !declared.has(name.toLowerCase()));
    assert.deepEqual(missing, []);
  });
});

// ---- compile-time checks (tsc fails the build if an expected error disappears) ----------------

export const goodChat: ChatCompletionRequest = {
  model: "meta-llama-3.1-8b-instruct",
  messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }],
  tool_choice: { function: { name: "lookup" } },
};
// @ts-expect-error `messages` is required
export const chatWithoutMessages: ChatCompletionRequest = { model: "m" };
// @ts-expect-error `temperature` is a number
export const chatWithTextTemperature: ChatCompletionRequest = { ...goodChat, temperature: "hot" };
// @ts-expect-error `prompt` is required
export const completionWithoutPrompt: CompletionRequest = { model: "m" };
// @ts-expect-error a content part is text or image_url, discriminated by `type`
export const badPart: ChatCompletionRequest = { model: "m", messages: [{ role: "user", content: [{ type: "audio" }] }] };
// @ts-expect-error `choices` is required on a response
export const responseWithoutChoices: ChatCompletionResponse = { id: "x", created: 0, model: "m" };
// Nulls OctoAI accepts for "not given".
export const chatWithNulls: ChatCompletionRequest = { ...goodChat, response_format: null, tools: null, tool_choice: null };
export const completionWithNullPrompt: CompletionRequest = { model: "m", prompt: null };
// Streams may end with a choice that has only a finish reason.
export const chunkWithoutDelta: ChatCompletionChunk = { id: "x", created: 0, model: "m", choices: [{ index: 0, finish_reason: "stop" }] };
export const completionChunkWithoutText: CompletionChunk = { id: "x", created: 0, model: "m", choices: [{ index: 0, finish_reason: "stop" }] };
// @ts-expect-error a whole completion's choice carries its `text`
export const completionWithoutText: CompletionResponse = { id: "x", created: 0, model: "m", choices: [{ index: 0 }] };
// @ts-expect-error the queued answer needs a `poll_url`
export const queuedWithoutPollUrl: AsyncInferenceResponse = { response_id: "x" };
// @ts-expect-error `status` is required
export const statusWithoutState: AsyncInferenceStatus = { response_url: null };
// @ts-expect-error an error body has a `type`
export const errorWithoutType: ErrorResponse = { message: "x" };
// @ts-expect-error the async flag only takes "1"
export const asyncFlagTwo: InferData["headers"] = { "X-OctoAI-Async": "2" };
// @ts-expect-error `cancelled` is a finish reason, `timeout` is not
export const unknownFinish: FinishReason = "timeout";
export const knownStates: readonly AsyncInferenceState[] = ["pending", "running", "completed", "failed"];
export const freeFormOutputs: InferenceOutputs = { images: [{ image_b64: "..." }], seed: 1 };
export const validation: HttpValidationError = { detail: [{ loc: ["body", 0], msg: "bad", type: "value_error" }] };
export const health: HealthStatus = { status: "ok" };
export const completion: CompletionResponse = {
  id: "cmpl",
  created: 0,
  model: "m",
  choices: [{ index: 0, text: "t", finish_reason: "length" }],
};

// The platform API: unions select their member by a constant field, and values OctoAI adds later
// (engines, statuses) are accepted where the service answers them.
export const goodAsset: CreateAssetRequest = {
  asset_type: "lora",
  name: "origami-paper",
  data: { asset_type: "lora", engine: "image/stable-diffusion-xl-v1-0", trigger_words: ["origami"] },
};
// @ts-expect-error `data` is required
export const assetWithoutData: CreateAssetRequest = { asset_type: "lora", name: "x" };
// @ts-expect-error a LoRA's data needs an engine
export const loraWithoutEngine: AssetData = { asset_type: "lora" };
// @ts-expect-error `volume` is not an asset type of new assets
export const volumeAsset: CreateAssetRequest = { ...goodAsset, asset_type: "volume" };
export const laterEngine: Asset["data"] = { asset_type: "checkpoint", engine: "image/flux-pro-1.1" };
export const presigned: TransferApi = { type: "presigned-url", put_url: "https://x/put", get_url: "https://x/get" };
// @ts-expect-error a presigned transfer has both URLs
export const presignedWithoutGet: TransferApi = { type: "presigned-url", put_url: "https://x/put" };
export const goodTune: CreateTuneRequest = {
  name: "sks1-bulldog-01",
  details: {
    tune_type: "lora_tune",
    base_checkpoint: { checkpoint_id: "octoai:default-sdxl" },
    files: [{ file_id: "asset_01hf3a2qw7ek6vshbhd9c9yywd" }],
    steps: 500,
    trigger_words: ["sks1"],
  },
};
// @ts-expect-error a LoRA tune needs its training files
export const tuneWithoutFiles: CreateTuneRequest = { name: "x", details: { tune_type: "lora_tune", base_checkpoint: { checkpoint_id: "c" }, steps: 1, trigger_words: ["w"] } };
export const withLoras: ImageGenerationRequest = { prompt: "a dog", loras: { "sks1-bulldog-01": 0.9 }, seed: [1, null] };
// @ts-expect-error LoRA weights are numbers
export const loraWeightAsText: ImageGenerationRequest = { prompt: "a dog", loras: { style: "strong" } };
