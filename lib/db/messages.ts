import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Message } from "../parse/types.ts";
import type { Sql } from "./client.ts";

/** A stored message: the parser's six fields plus its position in the file. */
export interface StoredMessage extends Message {
  seq: number;
}

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
// deno-lint-ignore no-control-regex
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
function field(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(SPECIAL, (c) => ESCAPES[c]);
}

/**
 * Writes batches of messages with `COPY … FROM STDIN` (postgres.js `.writable()`), numbering
 * them from `firstSeq`. Pass a transaction so a failed import leaves nothing behind.
 * Returns the number of rows written.
 */
export async function copyMessages(
  sql: Sql,
  conversationId: string,
  batches: AsyncIterable<Message[]>,
  firstSeq = 1,
): Promise<number> {
  let seq = firstSeq;
  async function* rows() {
    for await (const batch of batches) {
      let chunk = "";
      for (const m of batch) {
        chunk += `${conversationId}\t${seq++}\t${m.date}\t${field(m.author)}\t${field(m.text)}\t${m.kind}\t${
          field(m.attachment)
        }\t${m.edited ? "t" : "f"}\n`;
      }
      yield chunk;
    }
  }
  const writable = await sql`
    copy messages (conversation_id, seq, date, author, text, kind, attachment, edited)
    from stdin`.writable();
  await pipeline(Readable.from(rows()), writable);
  return seq - firstSeq;
}

const COLUMNS = "seq, to_char(date, 'YYYY-MM-DD\"T\"HH24:MI:SS') as date, author, text, kind, " +
  "attachment, edited";

/**
 * One page of messages by keyset: `after` gives the `limit` messages following that seq in
 * file order, `before` the `limit` messages preceding it (returned in file order). Never OFFSET.
 */
export async function listMessages(
  sql: Sql,
  conversationId: string,
  page: { after?: number; before?: number; limit: number },
): Promise<StoredMessage[]> {
  if (page.before !== undefined) {
    const rows = await sql<StoredMessage[]>`
      select ${sql.unsafe(COLUMNS)} from messages
      where conversation_id = ${conversationId} and seq < ${page.before}
      order by seq desc limit ${page.limit}`;
    return rows.reverse();
  }
  return await sql<StoredMessage[]>`
    select ${sql.unsafe(COLUMNS)} from messages
    where conversation_id = ${conversationId} and seq > ${page.after ?? 0}
    order by seq limit ${page.limit}`;
}
