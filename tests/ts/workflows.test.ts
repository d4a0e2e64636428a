// The TypeScript SDK workflows of the product docs, run through the generated client against the
// embedded development server: chat, health check, asynchronous inference, authentication
// failure and a streamed chat read with the platform's fetch.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { createClient, type Client } from "../../generated/typescript/client/index.js";
import {
  createChatCompletion,
  getRequestStatus,
  getResponse,
  healthCheck,
  infer,
  type AsyncInferenceResponse,
  type AsyncInferenceStatus,
  type ChatCompletionRequest,
  type ChatCompletionResponse,
  type ErrorResponse,
  type InferenceInputs,
  type InferenceOutputs,
} from "../../generated/typescript/index.js";
import { collectChat, type CollectedChat } from "./chat_stream.js";
import { advanceClock, DEVSERVER_TOKEN, startDevServer, type DevServer } from "./devserver.js";
import { readSse } from "./sse.js";

// Bounded polling: between polls the server's clock moves on (it runs with --test-clock)
// instead of the test sleeping, and a hard cap on attempts makes a stuck job fail the test.
const POLL_INTERVAL_MS = 20;
const POLL_ATTEMPTS = 500;
const KNOWN_STATES = new Set(["pending", "running", "completed", "failed"]);

// The chat request of the product's text-generation guide.
const SEATTLE: ChatCompletionRequest = {
  model: "meta-llama-3-8b-instruct",
  messages: [
    {
      role: "system",
      content: "Below is an instruction that describes a task. Write a response that appropriately completes the request.",
    },
    { role: "user", content: "Write a blog about Seattle" },
  ],
  max_tokens: 150,
};

let server: DevServer | undefined;
let client: Client;
let anonymous: Client;

function baseUrl(): string {
  assert.ok(server, "the development server did not start");
  return server.url;
}

function isQueued(value: InferenceOutputs | AsyncInferenceResponse | undefined): value is AsyncInferenceResponse {
  return typeof value?.["response_id"] === "string" && typeof value["poll_url"] === "string";
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record["message"] === "string" && typeof record["type"] === "string";
}

/** Poll until `completed`; a `failed` job, an unknown status or too many polls fail the test. */
async function waitUntilCompleted(responseId: string): Promise<AsyncInferenceStatus> {
  const seen: string[] = [];
  for (let attempt = 0; attempt < POLL_ATTEMPTS; attempt++) {
    const { data, error, response } = await getRequestStatus({ client, path: { response_id: responseId } });
    assert.equal(response.status, 200, `status poll failed: ${JSON.stringify(error)}`);
    assert.ok(data);
    seen.push(data.status);
    assert.ok(KNOWN_STATES.has(data.status), `unknown status ${data.status}: a client must not wait on it`);
    assert.notEqual(data.status, "failed", `the inference failed: ${data.error ?? "(no error given)"}`);
    if (data.status === "completed") return data;
    assert.ok(server);
    await advanceClock(server, POLL_INTERVAL_MS / 1000);
  }
  assert.fail(`not completed after ${POLL_ATTEMPTS} polls (saw ${seen.join(", ")})`);
}

async function streamChat(request: ChatCompletionRequest): Promise<CollectedChat> {
  const body: ChatCompletionRequest = { ...request, stream: true };
  const response = await fetch(`${baseUrl()}/v1/chat/completions`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${DEVSERVER_TOKEN}`,
      "Content-Type": "application/json",
      Accept: "text/event-stream",
    },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/event-stream/);
  assert.ok(response.body);
  return collectChat(readSse(response.body));
}

async function chat(request: ChatCompletionRequest): Promise<ChatCompletionResponse> {
  const { data, error, response } = await createChatCompletion({ client, body: request });
  assert.equal(response.status, 200, `chat failed: ${JSON.stringify(error)}`);
  assert.equal(error, undefined);
  assert.ok(data);
  return data;
}

describe("TypeScript workflows against the development server", () => {
  before(async () => {
    server = await startDevServer(["--test-clock"]);
    client = createClient({ baseUrl: server.url, auth: () => DEVSERVER_TOKEN });
    anonymous = createClient({ baseUrl: server.url });
  });

  after(async () => {
    await server?.stop();
  });

  it("creates a chat completion", async () => {
    const { data, response } = await createChatCompletion({ client, body: SEATTLE });
    assert.equal(response.status, 200);
    assert.ok(response.headers.get("x-user-request-id"), "every answer carries X-User-Request-ID");
    assert.ok(data);
    assert.equal(data.model, SEATTLE.model);
    assert.equal(data.choices.length, 1);
    const [choice] = data.choices;
    assert.ok(choice);
    assert.equal(choice.index, 0);
    assert.equal(choice.message.role, "assistant");
    assert.equal(typeof choice.message.content, "string");
    assert.ok((choice.message.content as string).trim().length > 0, "the answer has text");
    assert.ok(choice.finish_reason === "stop" || choice.finish_reason === "length", `finish_reason ${choice.finish_reason}`);
    const usage = data.usage;
    assert.ok(usage, "a non-streamed answer reports usage");
    assert.ok(usage.prompt_tokens > 0);
    assert.ok(usage.completion_tokens > 0 && usage.completion_tokens <= (SEATTLE.max_tokens ?? Infinity));
    assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
  });

  it("stops at max_tokens with finish_reason length", async () => {
    const data = await chat({ ...SEATTLE, max_tokens: 3 });
    assert.equal(data.choices[0]?.finish_reason, "length");
    assert.equal(data.usage?.completion_tokens, 3);
  });

  it("answers the health check without a token", async () => {
    const { data, response } = await healthCheck({ client: anonymous });
    assert.equal(response.status, 200);
    assert.equal(data?.status, "ok");
  });

  for (const endpoint of ["echo", "slow"] as const) {
    it(`runs an asynchronous inference on ${endpoint}, polls it and fetches its outputs`, async () => {
      const inputs: InferenceInputs = {
        duration: 0.2,
        prompt: "A photo of a cute cat astronaut in space",
        options: { steps: 20, sizes: [512, 768], note: "naïve 🐙" },
      };
      const queued = await infer({
        client,
        path: { endpoint },
        body: inputs,
        headers: { "X-OctoAI-Async": "1" },
      });
      assert.equal(queued.response.status, 202, `submit failed: ${JSON.stringify(queued.error)}`);
      assert.ok(isQueued(queued.data), `not a queued answer: ${JSON.stringify(queued.data)}`);
      const { response_id: responseId, poll_url: pollUrl } = queued.data;
      assert.ok(pollUrl.endsWith(`/v1/requests/${responseId}`), pollUrl);

      const status = await waitUntilCompleted(responseId);
      assert.ok(status.response_url?.endsWith(`/v1/responses/${responseId}`), `response_url ${status.response_url}`);

      const outputs = await getResponse({ client, path: { response_id: responseId } });
      assert.equal(outputs.response.status, 200);
      assert.ok(outputs.data);
      if (endpoint === "echo") assert.deepEqual(outputs.data, { echo: inputs });
      else assert.deepEqual(outputs.data["echo"], inputs);
    });
  }

  it("runs the same inference synchronously without the async header", async () => {
    const inputs: InferenceInputs = { prompt: "hello", n: 2 };
    const { data, response } = await infer({ client, path: { endpoint: "echo" }, body: inputs });
    assert.equal(response.status, 200);
    assert.deepEqual(data, { echo: inputs });
  });

  it("answers 401 with a typed error body without a token or with a wrong one", async () => {
    const wrongToken = "not-the-devserver-token";
    const wrong = createClient({ baseUrl: baseUrl(), auth: () => wrongToken });
    for (const [who, caller] of [
      ["no token", anonymous],
      ["wrong token", wrong],
    ] as const) {
      const { data, error, response } = await createChatCompletion({ client: caller, body: SEATTLE });
      assert.equal(response.status, 401, who);
      assert.equal(data, undefined, who);
      assert.ok(isErrorResponse(error), `${who}: ${JSON.stringify(error)}`);
      assert.ok(!JSON.stringify(error).includes(wrongToken), "the error body never repeats the token");
    }
  });

  it("types the error of a throttled request and keeps Retry-After", async () => {
    const { error, response } = await createChatCompletion({
      client,
      body: SEATTLE,
      headers: { "X-OctoAI-Fault": "status=429;retry-after=1" },
    });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get("retry-after"), "1");
    assert.ok(isErrorResponse(error), JSON.stringify(error));
  });

  it("streams the same text as the non-streamed answer, ended by [DONE]", async () => {
    const plain = await chat(SEATTLE);
    const streamed = await streamChat(SEATTLE);
    assert.equal(streamed.sawDone, true, "the stream ends with data: [DONE]");
    assert.ok(streamed.chunks.length > 1, "the answer arrives in several chunks");
    assert.equal(new Set(streamed.chunks.map((chunk) => chunk.id)).size, 1, "every chunk has the same id");
    assert.ok(streamed.chunks.every((chunk) => chunk.model === SEATTLE.model));
    assert.equal(streamed.text, plain.choices[0]?.message.content);
    assert.equal(streamed.finishReason, plain.choices[0]?.finish_reason);
  });

  it("streams usage equal to the non-streamed usage when asked for it", async () => {
    const plain = await chat(SEATTLE);
    const streamed = await streamChat({ ...SEATTLE, stream_options: { include_usage: true } });
    assert.equal(streamed.sawDone, true);
    assert.deepEqual(streamed.usage, plain.usage);
    const plainWithoutUsage = await streamChat(SEATTLE);
    assert.equal(plainWithoutUsage.usage, null, "no usage chunk unless include_usage is set");
  });
});
