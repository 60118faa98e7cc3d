/**
 * The preview of a re-parse with another date order: both readings of the same chat text are
 * streamed side by side (bounded memory: a parser batch of each at a time, never the chat) and
 * compared message by message.
 *
 * @module
 */
import { parseChat } from "../parse/parser.ts";
import { type DateOrder, type Message, ParseError } from "../parse/types.ts";

/** One message whose date the proposed order reads differently. */
export interface DateChange {
  /** 1-based position of the message in the file. */
  message: number;
  author: string | null;
  /** The start of the message's text (at most 80 characters). */
  text: string;
  /** Wall clock under the current order, `YYYY-MM-DDTHH:MM:SS`. */
  before: string;
  /** Wall clock under the proposed order. */
  after: string;
}

/** What re-parsing with the proposed order would change. */
export interface ReparsePreview {
  currentOrder: DateOrder;
  proposedOrder: DateOrder;
  /** Messages read under each order (they differ when some dates are impossible in one). */
  messagesBefore: number;
  messagesAfter: number;
  /** Messages whose date changes (compared by position in the file). */
  changed: number;
  /** The first few changes, in file order. */
  samples: DateChange[];
  /** Messages dated before the message above them, under each order. */
  inversionsBefore: number;
  inversionsAfter: number;
  /** Lines that could not be placed as a message header, under each order. */
  unplacedBefore: number;
  unplacedAfter: number;
  /** Why the proposed order reads no chat at all (every date impossible), else null. */
  error: string | null;
}

/** Options of {@link previewDateOrder}. */
export interface PreviewOptions {
  /** The order the chat is read with now; null: detected (as the import did). */
  current: DateOrder | null;
  proposed: DateOrder;
  /** How many changes to list (default 20). */
  samples?: number;
}

/** Pulls messages one at a time out of a parse's batches. */
class Cursor {
  #batches: AsyncIterator<Message[]>;
  #batch: Message[] = [];
  #i = 0;
  #prev: string | null = null;
  done = false;
  count = 0;
  inversions = 0;

  constructor(batches: AsyncIterable<Message[]>) {
    this.#batches = batches[Symbol.asyncIterator]();
  }

  async next(): Promise<Message | null> {
    while (this.#i >= this.#batch.length) {
      if (this.done) return null;
      const r = await this.#batches.next();
      if (r.done) {
        this.done = true;
        return null;
      }
      this.#batch = r.value;
      this.#i = 0;
    }
    const m = this.#batch[this.#i++];
    this.count++;
    if (this.#prev !== null && m.date < this.#prev) this.inversions++;
    this.#prev = m.date;
    return m;
  }

  async stop(): Promise<void> {
    if (!this.done) await this.#batches.return?.(undefined);
    this.done = true;
  }
}

/**
 * Reads the chat text of `current` and `proposed` (two streams of the same bytes) with the
 * current and the proposed date order and compares them. Throws `ParseError` when the current
 * reading fails (the text is not a chat); a proposed order that reads no message is reported
 * in `error` instead.
 *
 * @example
 * ```ts
 * const text = "01/02/2024, 10:00 - Ann: hi\n";
 * const stream = () => new Blob([text]).stream();
 * const p = await previewDateOrder(stream(), stream(), { current: "DMY", proposed: "MDY" });
 * // p.changed === 1, p.samples[0] → { before: "2024-02-01T10:00:00", after: "2024-01-02T10:00:00", … }
 * ```
 */
export async function previewDateOrder(
  current: ReadableStream<Uint8Array>,
  proposed: ReadableStream<Uint8Array>,
  options: PreviewOptions,
): Promise<ReparsePreview> {
  const limit = options.samples ?? 20;
  const before = parseChat(current, options.current ? { dateOrder: options.current } : {});
  const after = parseChat(proposed, { dateOrder: options.proposed });
  const a = new Cursor(before.batches()), b = new Cursor(after.batches());
  const samples: DateChange[] = [];
  let changed = 0, error: string | null = null;
  try {
    while (true) {
      const x = await a.next();
      let y: Message | null = null;
      if (error === null) {
        try {
          y = await b.next();
        } catch (err) {
          if (!(err instanceof ParseError)) throw err;
          error = err.message;
          await b.stop();
        }
      }
      if (x === null && y === null) break;
      if (x === null || y === null || x.date === y.date) continue;
      changed++;
      if (samples.length < limit) {
        samples.push({
          message: a.count,
          author: x.author,
          text: x.text.slice(0, 80),
          before: x.date,
          after: y.date,
        });
      }
    }
  } finally {
    await a.stop().catch(() => {});
    await b.stop().catch(() => {});
  }
  const summary = before.summary();
  return {
    currentOrder: options.current ?? summary.dateOrder,
    proposedOrder: options.proposed,
    messagesBefore: a.count,
    messagesAfter: error === null ? b.count : 0,
    changed: error === null ? changed : 0,
    samples: error === null ? samples : [],
    inversionsBefore: a.inversions,
    inversionsAfter: error === null ? b.inversions : 0,
    unplacedBefore: summary.unplacedLines,
    unplacedAfter: error === null ? after.summary().unplacedLines : 0,
    error,
  };
}
