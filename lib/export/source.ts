/**
 * What an export reads: the messages of a conversation in a range, page by page, and the
 * SHA-256 of every original upload the conversation was built from.
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { Message } from "../parse/types.ts";

/** A message as exported: the parser's six fields, its position, stable ref and instant. */
export interface ExportMessage extends Message {
  /** Position in the current timeline (changes when another export is merged in). */
  seq: number;
  /** Stable reference (permalinks, ranges): equals seq unless the conversation was fused. */
  ref: number;
  /** The instant, ISO 8601 UTC (`2024-01-02T09:05:00Z`). */
  at: string;
}

/** A range as asked for: message refs and/or wall-clock days (`YYYY-MM-DD`), all inclusive. */
export interface RangeQuery {
  from?: number;
  to?: number;
  fromDate?: string;
  toDate?: string;
}

/** A range resolved to seqs (inclusive), with the day filter kept as is. */
export interface ResolvedRange {
  loSeq: number;
  hiSeq: number;
  fromDate?: string;
  toDate?: string;
}

const MAX_SEQ = 2_147_483_647;

async function seqOfRef(sql: Sql, conversationId: string, ref: number, field: string) {
  const rows = await sql<{ seq: number }[]>`
    select seq from messages where conversation_id = ${conversationId} and ref = ${ref}`;
  if (!rows[0]) {
    throw new AppError(400, "invalid_request", `${field}: no message with ref ${ref}`);
  }
  return rows[0].seq;
}

/**
 * Turns refs into seqs (a range is the messages between the two referenced ones in the
 * current timeline). Throws a 400 naming the field for an unknown ref or a reversed range.
 */
export async function resolveRange(
  sql: Sql,
  conversationId: string,
  q: RangeQuery,
): Promise<ResolvedRange> {
  const loSeq = q.from === undefined ? 1 : await seqOfRef(sql, conversationId, q.from, "from");
  const hiSeq = q.to === undefined ? MAX_SEQ : await seqOfRef(sql, conversationId, q.to, "to");
  if (hiSeq < loSeq) {
    throw new AppError(400, "invalid_request", "to: must not come before from");
  }
  return { loSeq, hiSeq, fromDate: q.fromDate, toDate: q.toDate };
}

const COLUMNS = "seq, ref, to_char(date, 'YYYY-MM-DD\"T\"HH24:MI:SS') as date, " +
  "to_char(at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') as at, author, text, " +
  "kind, attachment, edited";

function filter(sql: Sql, conversationId: string, r: ResolvedRange, after: number) {
  return sql`conversation_id = ${conversationId} and seq > ${after} and seq <= ${r.hiSeq}
    ${r.fromDate ? sql`and date >= ${r.fromDate}::date` : sql``}
    ${r.toDate ? sql`and date < ${r.toDate}::date + 1` : sql``}`;
}

/**
 * The messages of a range in file order, `pageSize` per query by keyset on seq. Pages are
 * fetched only as the consumer asks, and no connection is held between them (a cursor would
 * pin a pool connection for as long as a slow client takes to download).
 *
 * @example
 * ```ts
 * for await (const page of exportPages(sql, id, await resolveRange(sql, id, {}))) send(page);
 * ```
 */
export async function* exportPages(
  sql: Sql,
  conversationId: string,
  range: ResolvedRange,
  pageSize = 2000,
): AsyncGenerator<ExportMessage[]> {
  let after = range.loSeq - 1;
  while (true) {
    const page = await sql<ExportMessage[]>`
      select ${sql.unsafe(COLUMNS)} from messages
      where ${filter(sql, conversationId, range, after)}
      order by seq limit ${pageSize}`;
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].seq;
  }
}

/** How many messages a range holds (to refuse a PDF too big before building it). */
export async function countRange(sql: Sql, conversationId: string, range: ResolvedRange) {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from messages
    where ${filter(sql, conversationId, range, range.loSeq - 1)}`;
  return row.n;
}

/** One original upload a conversation was built from. */
export interface SourceFile {
  filename: string;
  sha256: string;
}

/**
 * The original uploads of a conversation, oldest first: every export fused into it
 * (conversation_sources) and the import that created it.
 */
export async function sourceFiles(sql: Sql, conversationId: string): Promise<SourceFile[]> {
  return await sql<SourceFile[]>`
    select i.filename, i.sha256 from imports i
    where i.id = ${conversationId}
      or i.id in (select import_id from conversation_sources where conversation_id = ${conversationId})
    order by i.created_at, i.id`;
}
