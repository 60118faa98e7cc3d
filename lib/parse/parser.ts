/**
 * Public entry points of the WhatsApp export parser.
 *
 * - {@link parseChat}: streaming, for files of any size (bounded memory); consume either
 *   `batches()` (arrays of messages, the fast path) or the object itself (one message at a time).
 * - {@link parseString}: synchronous, for tests and small inputs already in memory.
 *
 * Both throw {@link ParseError} for empty or binary input and for text without any message header
 * (`parseChat` when iterated). Messages come in file order, never re-sorted.
 *
 * @module
 */
import { ChatParser } from "./core.ts";
import { decodeChunks } from "./decode.ts";
import { LineBlocks } from "./lines.ts";
import type { Message, ParseOptions, ParseSummary } from "./types.ts";
import { ParseError } from "./types.ts";

/** Messages are handed out in batches of at least this many (except the last). */
const MIN_BATCH = 512;
/** parseString feeds its input in slices of this many characters. */
const SLICE = 1 << 20;

/** A parse in progress: iterate it (or its `batches()`) once, then read `summary()`. */
export interface ChatParse extends AsyncIterable<Message> {
  /** Arrays of messages in file order; the fast path (e.g. for a database COPY). */
  batches(): AsyncIterable<Message[]>;
  /** What was detected and counted; complete once iteration has ended. */
  summary(): ParseSummary;
}

/**
 * Parses an export's chat text from a byte stream, lazily: nothing is read until iteration
 * starts. Only one of `batches()` and the object itself may be consumed, once.
 *
 * @example
 * ```ts
 * const file = await Deno.open("WhatsApp Chat with Ann.txt");
 * const parse = parseChat(file.readable);
 * for await (const batch of parse.batches()) console.log(batch.length);
 * console.log(parse.summary().dateOrder);
 * ```
 */
export function parseChat(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  options: ParseOptions = {},
): ChatParse {
  const parser = new ChatParser(options);
  let consumed = false;

  async function* batches(): AsyncGenerator<Message[]> {
    if (consumed) {
      throw new Error("parseChat: this parse was already consumed (iterate it only once)");
    }
    consumed = true;
    const lines = new LineBlocks();
    let ready: Message[] = [];
    for await (const chunk of decodeChunks(source)) {
      const blocks = lines.push(chunk);
      if (blocks.length === 0) continue;
      for (const block of blocks) parser.feed(block);
      const out = parser.take();
      if (out.length === 0) continue;
      if (ready.length === 0) ready = out;
      else for (const m of out) ready.push(m);
      if (ready.length >= MIN_BATCH) {
        yield ready;
        ready = [];
      }
    }
    const last = lines.end();
    if (last !== null) parser.feed(last);
    parser.end();
    for (const m of parser.take()) ready.push(m);
    if (ready.length > 0) yield ready;
  }

  return {
    batches,
    summary: () => parser.summary(),
    [Symbol.asyncIterator](): AsyncIterator<Message> {
      const source = batches();
      let batch: Message[] = [];
      let i = 0;
      return {
        async next(): Promise<IteratorResult<Message>> {
          while (i >= batch.length) {
            const r = await source.next();
            if (r.done) return { done: true, value: undefined };
            batch = r.value;
            i = 0;
          }
          return { done: false, value: batch[i++] };
        },
        async return(): Promise<IteratorResult<Message>> {
          await source.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * Parses a whole export already in memory, synchronously. Throws {@link ParseError} for an empty
 * or binary text or one without any message.
 *
 * @example
 * ```ts
 * const { messages, summary } = parseString("01/02/2024, 10:00 - Ann: hi\n");
 * // messages[0] → { date: "2024-02-01T10:00:00", author: "Ann", text: "hi", kind: "text", … }
 * ```
 */
export function parseString(
  text: string,
  options: ParseOptions = {},
): { messages: Message[]; summary: ParseSummary } {
  if (text.length === 0) {
    throw new ParseError("Empty chat export: expected WhatsApp chat text, got 0 bytes");
  }
  const nul = text.slice(0, 4096).indexOf("\0");
  if (nul >= 0) {
    throw new ParseError(
      `Not a chat export: expected text, got binary data (a NUL character at offset ${nul})`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parser = new ChatParser(options);
  const lines = new LineBlocks();
  const messages: Message[] = [];
  const drain = () => {
    for (const m of parser.take()) messages.push(m);
  };
  for (let i = 0; i < text.length; i += SLICE) {
    for (const block of lines.push(text.slice(i, i + SLICE))) parser.feed(block);
    drain();
  }
  const last = lines.end();
  if (last !== null) parser.feed(last);
  parser.end();
  drain();
  return { messages, summary: parser.summary() };
}
