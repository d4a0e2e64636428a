// A small server-sent events reader for the streaming tests.
//
// It follows the WHATWG event-stream processing model: lines end with CRLF, LF or CR (a CR at the
// end of a read may be the first half of a CRLF, so it waits for the next read), `data` lines of
// one event are joined with "\n", comment lines are skipped, and an event is dispatched only at a
// blank line, so an event cut off by the end of the stream is dropped rather than half-parsed.

/** One dispatched event. */
export interface SseEvent {
  /** The `event` field, `message` when the event names none. */
  readonly event: string;
  /** The `data` lines joined with "\n". */
  readonly data: string;
  /** The last `id` seen on the stream so far, if any. */
  readonly id: string | undefined;
}

const LINE_END = /\r\n|\r|\n/;

/** Turns decoded text, fed in arbitrary pieces, into events. Holds only buffers. */
export class SseDecoder {
  private buffer = "";
  private dataLines: string[] = [];
  private eventType = "";
  private lastId: string | undefined;

  /** Feed the next piece of text; returns the events it completes. */
  feed(text: string): SseEvent[] {
    this.buffer += text;
    const events: SseEvent[] = [];
    for (;;) {
      const match = LINE_END.exec(this.buffer);
      if (match === null) break;
      // A lone CR at the very end may be followed by the LF of a CRLF in the next read.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.processLine(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  /** Signal the end of the stream; returns the events a final lone CR completes. */
  finish(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.buffer.endsWith("\r")) {
      const event = this.processLine(this.buffer.slice(0, -1));
      if (event !== undefined) events.push(event);
    }
    // Whatever is left is an unterminated line or event, which the model discards.
    this.buffer = "";
    this.dataLines = [];
    this.eventType = "";
    return events;
  }

  private processLine(line: string): SseEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.dataLines.push(value);
        break;
      case "event":
        this.eventType = value;
        break;
      case "id":
        if (!value.includes("\0")) this.lastId = value;
        break;
      default:
        // `retry` and unknown fields do not matter to a reader that does not reconnect.
        break;
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const dataLines = this.dataLines;
    const eventType = this.eventType;
    this.dataLines = [];
    this.eventType = "";
    if (dataLines.length === 0) return undefined;
    return { event: eventType === "" ? "message" : eventType, data: dataLines.join("\n"), id: this.lastId };
  }
}

/**
 * Read the events of a response body. Bytes are decoded as a stream, so a multi-byte character
 * split across two reads survives. Stopping early (breaking out of the loop) cancels the body.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parser = new SseDecoder();
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      yield* parser.feed(decoder.decode(value, { stream: true }));
    }
    yield* parser.feed(decoder.decode());
    yield* parser.finish();
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The sentinel that ends an OpenAI-style stream. */
export const DONE = "[DONE]";
