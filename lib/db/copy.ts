/**
 * Bulk loading of messages with `COPY … FROM STDIN` (postgres.js `.writable()`), the import's
 * hot path: one TSV chunk per parser batch, written with back-pressure so that at most a few
 * batches wait in memory while PostgreSQL catches up (the parser is paused meanwhile).
 *
 * @module
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Message } from "../parse/types.ts";
import type { Sql } from "./client.ts";
import { copyField } from "./copy_text.ts";

/** Turns a message's wall clock into the instant stored in `at` (called in file order). */
export type ToInstant = (date: string) => string;

/** The wall clock read as UTC: the instant of a conversation whose zone is UTC. */
export const utcInstant: ToInstant = (date) => date + "Z";

/**
 * The TSV lines of a batch, numbered from `seq` (a new import's `ref` is its `seq`).
 *
 * @example
 * ```ts
 * tsvRows("c1", 1, [{ date: "2024-01-02T10:00:00", author: "Ann", text: "a\tb", kind: "text",
 *   attachment: null, edited: false }], utcInstant);
 * // "c1\t1\t1\t2024-01-02T10:00:00\t2024-01-02T10:00:00Z\tAnn\ta\\tb\ttext\t\\N\tf\n"
 * ```
 */
export function tsvRows(
  conversationId: string,
  seq: number,
  batch: readonly Message[],
  toInstant: ToInstant = utcInstant,
): string {
  let chunk = "";
  for (const m of batch) {
    const n = seq++;
    chunk += conversationId + "\t" + n + "\t" + n + "\t" + m.date + "\t" + toInstant(m.date) +
      "\t" + copyField(m.author) + "\t" + copyField(m.text) + "\t" + m.kind + "\t" +
      copyField(m.attachment) + (m.edited ? "\tt\n" : "\tf\n");
  }
  return chunk;
}

/** Waits for `drain`, failing at once if the stream closes first (errored or destroyed). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: Error) => {
      stream.off("drain", onDrain);
      stream.off("close", onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () =>
      settle(stream.errored ?? new Error("COPY stream closed before the data was written"));
    stream.on("drain", onDrain);
    stream.on("close", onClose);
  });
}

/**
 * Writes batches of messages with `COPY … FROM STDIN`, numbering them (seq = ref) from
 * `firstSeq`, their instants from `toInstant`. Pass a
 * transaction so a failed import leaves nothing behind: when `batches` throws (e.g. a
 * ParseError), the COPY is aborted and the error rethrown. Returns the number of rows written.
 *
 * @example
 * ```ts
 * await sql.begin((tx) => copyMessages(tx, conversationId, parseChat(stream).batches()));
 * ```
 */
/**
 * postgres.js detaches a COPY stream once CopyDone is sent: an error PostgreSQL reports after
 * that (a duplicate key in the last rows, a foreign key whose row was deleted meanwhile) only
 * reaches the query's `reject`, a no-op once the stream was handed out, and 'finish' would never
 * come — the caller would hang. This routes such an error to the stream instead.
 */
export function routeCopyErrors(query: unknown, writable: Writable): void {
  const internal = query as { reject?: (err: unknown) => void };
  const reject = internal.reject;
  if (typeof reject !== "function") return;
  internal.reject = (err) => {
    if (!writable.destroyed) writable.destroy(err instanceof Error ? err : new Error(String(err)));
    reject.call(query, err);
  };
}

export async function copyMessages(
  sql: Sql,
  conversationId: string,
  batches: AsyncIterable<Message[]>,
  firstSeq = 1,
  toInstant: ToInstant = utcInstant,
): Promise<number> {
  let seq = firstSeq;
  const query = sql`
    copy messages (conversation_id, seq, ref, date, at, author, text, kind, attachment, edited)
    from stdin`;
  const writable: Writable = await query.writable();
  routeCopyErrors(query, writable);
  const finished = once(writable, "finish");
  finished.catch(() => {}); // observed below; an early error must not go unhandled
  try {
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      const ok = writable.write(tsvRows(conversationId, seq, batch, toInstant));
      seq += batch.length;
      if (!ok) await drained(writable);
    }
  } catch (err) {
    // CopyFail: PostgreSQL ends the COPY with an error and the transaction is aborted.
    writable.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
  writable.end();
  await finished;
  return seq - firstSeq;
}
