// The platform workflow of the fine-tuning guide, through the generated client against the
// development server: upload a training image through its presigned URL, train a LoRA on
// `octoai:default-sdxl`, then generate with the LoRA by name.

import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";

import { createClient, type Client } from "../../generated/typescript/client/index.js";
import {
  completeAssetUpload,
  createAsset,
  createTune,
  generateSdxl,
  getAsset,
  getTune,
  listAssets,
  type Asset,
  type ImageGenerationResponse,
  type Tune,
} from "../../generated/typescript/index.js";
import { DEVSERVER_TOKEN, startDevServer, type DevServer } from "./devserver.js";

const POLL_INTERVAL_MS = 20;
const POLL_ATTEMPTS = 500;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let server: DevServer | undefined;
let client: Client;

/** Poll `read` until its status is one of `until`; too many polls fail the test. */
async function waitFor<T extends { status: string }>(read: () => Promise<T>, until: readonly string[]): Promise<T> {
  const seen: string[] = [];
  for (let attempt = 0; attempt < POLL_ATTEMPTS; attempt++) {
    const value = await read();
    if (seen.at(-1) !== value.status) seen.push(value.status);
    if (until.includes(value.status)) return value;
    await sleep(POLL_INTERVAL_MS);
  }
  assert.fail(`no status in ${until.join(", ")} after ${POLL_ATTEMPTS} polls (saw ${seen.join(", ")})`);
}

async function readAsset(reference: string): Promise<Asset> {
  const { data, response } = await getAsset({ client, path: { asset_owner_and_name_or_id: reference } });
  assert.equal(response.status, 200);
  assert.ok(data);
  return data.asset;
}

async function readTune(tuneId: string): Promise<Tune> {
  const { data, response } = await getTune({ client, path: { tune_id: tuneId } });
  assert.equal(response.status, 200);
  assert.ok(data);
  return data;
}

describe("the platform API through the generated TypeScript client", () => {
  before(async () => {
    server = await startDevServer(["--asset-ready-seconds", "0.1", "--tune-pending-seconds", "0.1", "--tune-seconds", "0.3"]);
    client = createClient({ baseUrl: server.url, auth: () => DEVSERVER_TOKEN });
  });

  after(async () => {
    await server?.stop();
  });

  it("uploads an image, trains a LoRA and generates with it by name", async () => {
    const created = await createAsset({
      client,
      body: { asset_type: "file", name: "dog-1", data: { asset_type: "file", file_format: "png" } },
    });
    assert.equal(created.response.status, 200);
    assert.ok(created.data);
    const transfer = created.data.transfer_api;
    assert.equal(transfer.type, "presigned-url");
    assert.ok(transfer.type === "presigned-url");
    const image = new Uint8Array([...PNG_SIGNATURE, ...new Array<number>(64).fill(7)]);
    // The upload URL is signed: it gets the bytes and no token.
    const put = await fetch(transfer.put_url, { method: "PUT", body: image });
    assert.equal(put.status, 200);
    const assetId = created.data.asset.id;
    const completed = await completeAssetUpload({ client, path: { asset_id: assetId }, body: {} });
    assert.equal(completed.response.status, 200);
    assert.equal(completed.data?.error, null);
    const ready = await waitFor(() => readAsset(assetId), ["ready", "rejected", "error"]);
    assert.equal(ready.status, "ready");
    assert.equal(ready.size_bytes, image.length);

    const tune = await createTune({
      client,
      body: {
        name: "sks1-bulldog-01",
        details: {
          tune_type: "lora_tune",
          base_checkpoint: { checkpoint_id: "octoai:default-sdxl" },
          files: [{ file_id: assetId }],
          steps: 100,
          trigger_words: ["sks1"],
        },
      },
    });
    assert.equal(tune.response.status, 201);
    assert.ok(tune.data);
    const tuneId = tune.data.id;
    const done = await waitFor(() => readTune(tuneId), ["succeeded", "failed", "cancelled"]);
    assert.equal(done.status, "succeeded", done.status_details);
    const [loraId] = done.output_lora_ids;
    assert.ok(loraId);
    const lora = await readAsset("sks1-bulldog-01");
    assert.equal(lora.id, loraId);
    assert.equal(lora.data.asset_type, "lora");

    const listed = await listAssets({ client, query: { asset_type: ["lora", "file"], limit: 10 } });
    assert.equal(listed.data?.total, 2);

    const generated = await generateSdxl({ client, body: { prompt: "sks1 dog on a skateboard", seed: 7, loras: { "sks1-bulldog-01": 0.9 } } });
    assert.equal(generated.response.status, 200);
    const images = (generated.data as ImageGenerationResponse).images;
    assert.equal(images.length, 1);
    const bytes = Buffer.from(images[0]?.image_b64 ?? "", "base64");
    assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);

    const unknown = await generateSdxl({ client, body: { prompt: "x", loras: { "no-such-lora": 1 } } });
    assert.equal(unknown.response.status, 404);
  });
});
