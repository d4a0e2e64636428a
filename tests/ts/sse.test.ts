// The SSE reader and the chat collector on hand-written byte streams (no server).

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { collectChat } from "./chat_stream.js";
import { readSse, SseDecoder, type SseEvent } from "./sse.js";

const encoder = new TextEncoder();

function streamOf(chunks: readonly Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      onCancel?.();
    },
  });
}

async function readAll(chunks: readonly Uint8Array[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(streamOf(chunks))) events.push(event);
  return events;
}

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.slice(start, cut));
    start = cut;
  }
  return pieces;
}

function chunkJson(content: string | null, finish: string | null): string {
  return JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  });
}

// Multi-byte text, CRLF and LF endings, a comment, a named event and a multi-line data field.
const SAMPLE =
  ": keep-alive\r\n" +
  'data: {"text": "naïve café 🐙"}\r\n\r\n' +
  "event: update\r\nid: 7\r\ndata: first line\r\ndata: second line\r\n\r\n" +
  "data:no-space\n\n" +
  "data: [DONE]\n\n";

const SAMPLE_EVENTS: SseEvent[] = [
  { event: "message", data: '{"text": "naïve café 🐙"}', id: undefined },
  { event: "update", data: "first line\nsecond line", id: "7" },
  { event: "message", data: "no-space", id: "7" },
  { event: "message", data: "[DONE]", id: "7" },
];

describe("readSse", () => {
  it("parses a whole stream", async () => {
    assert.deepEqual(await readAll([encoder.encode(SAMPLE)]), SAMPLE_EVENTS);
  });

  it("gives the same events however the bytes are split into two reads", async () => {
    const bytes = encoder.encode(SAMPLE);
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.deepEqual(await readAll(splitAt(bytes, [cut])), SAMPLE_EVENTS, `cut at byte ${cut}`);
    }
  });

  it("gives the same events one byte at a time", async () => {
    const bytes = encoder.encode(SAMPLE);
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    assert.deepEqual(await readAll(splitAt(bytes, cuts)), SAMPLE_EVENTS);
  });

  it("treats CR, LF and CRLF line endings alike, including a CRLF split across reads", async () => {
    const lf = await readAll([encoder.encode("data: a\ndata: b\n\ndata: c\n\n")]);
    const cr = await readAll([encoder.encode("data: a\rdata: b\r\rdata: c\r\r")]);
    // Cut between the CR and LF inside an event: the LF must not read as a blank line.
    const crlf = await readAll([encoder.encode("data: a\r"), encoder.encode("\ndata: b\r\n\r\ndata: c\r\n\r\n")]);
    const expected = [
      { event: "message", data: "a\nb", id: undefined },
      { event: "message", data: "c", id: undefined },
    ];
    assert.deepEqual(lf, expected);
    assert.deepEqual(cr, expected);
    assert.deepEqual(crlf, expected);
  });

  it("drops an event the stream cuts off before its blank line", async () => {
    assert.deepEqual(await readAll([encoder.encode("data: kept\n\ndata: cut")]), [
      { event: "message", data: "kept", id: undefined },
    ]);
    assert.deepEqual(await readAll([encoder.encode("data: also cut\n")]), []);
  });

  it("skips events without data and ignores an id containing NUL", () => {
    const decoder = new SseDecoder();
    assert.deepEqual(decoder.feed("id: 1\n\nevent: ping\n\nid: 2\0\ndata: x\n\n"), [
      { event: "message", data: "x", id: "1" },
    ]);
  });

  it("cancels the body when the reader stops early", async () => {
    let cancelled = false;
    const body = streamOf([encoder.encode("data: 1\n\n"), encoder.encode("data: 2\n\n")], () => {
      cancelled = true;
    });
    for await (const event of readSse(body)) {
      assert.equal(event.data, "1");
      break;
    }
    assert.equal(cancelled, true);
  });
});

describe("collectChat", () => {
  it("joins the deltas and stops at [DONE] without parsing what follows", async () => {
    const text =
      `data: ${chunkJson(null, null)}\n\n` +
      `data: ${chunkJson("Hello", null)}\n\n` +
      `data: ${chunkJson(", world", "stop")}\n\n` +
      "data: [DONE]\n\n" +
      "data: {not json\n\n";
    const collected = await collectChat(readSse(streamOf([encoder.encode(text)])));
    assert.equal(collected.text, "Hello, world");
    assert.equal(collected.finishReason, "stop");
    assert.equal(collected.chunks.length, 3);
    assert.equal(collected.sawDone, true);
  });

  it("reports a stream that ends without [DONE]", async () => {
    const collected = await collectChat(readSse(streamOf([encoder.encode(`data: ${chunkJson("x", null)}\n\n`)])));
    assert.equal(collected.text, "x");
    assert.equal(collected.sawDone, false);
  });
});
