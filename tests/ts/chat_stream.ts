// Folds the events of a streamed chat completion into the message text, using the generated types.

import type { ChatCompletionChunk, Usage } from "../../generated/typescript/index.js";
import { DONE, type SseEvent } from "./sse.js";

/** What a streamed chat completion adds up to (first choice only). */
export interface CollectedChat {
  /** The concatenated `delta.content` of choice 0. */
  readonly text: string;
  /** The last non-null `finish_reason` of choice 0. */
  readonly finishReason: string | null;
  /** The `usage` of the chunk that carried one, if any. */
  readonly usage: Usage | null;
  /** Every parsed chunk, in order. */
  readonly chunks: readonly ChatCompletionChunk[];
  /** Whether the stream ended with `data: [DONE]` (rather than just stopping). */
  readonly sawDone: boolean;
}

/** Read chunks until `[DONE]`; anything after the sentinel is never parsed. */
export async function collectChat(events: AsyncIterable<SseEvent>): Promise<CollectedChat> {
  let text = "";
  let finishReason: string | null = null;
  let usage: Usage | null = null;
  const chunks: ChatCompletionChunk[] = [];
  let sawDone = false;
  for await (const event of events) {
    if (event.data === DONE) {
      sawDone = true;
      break;
    }
    const chunk = JSON.parse(event.data) as ChatCompletionChunk;
    chunks.push(chunk);
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      if (choice.index !== 0) continue;
      // A choice may come without a delta (some servers end a stream that way).
      text += choice.delta?.content ?? "";
      if (choice.finish_reason != null) finishReason = choice.finish_reason;
    }
  }
  return { text, finishReason, usage, chunks, sawDone };
}
