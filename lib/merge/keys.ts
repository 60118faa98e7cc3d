/**
 * The compact keys a merge aligns (lib/merge/align.ts), read from `messages`: position, ref,
 * wall clock, author, kind, whether a file is attached, and 16 hex digits of the MD5 of the
 * normalised text (bidi marks dropped, whitespace collapsed) — never the text itself, so a
 * 400,000-message conversation costs tens of MB, not its size.
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import type { AlignKey } from "./align.ts";

/** One message as a merge sees it. */
export interface MessageKey extends AlignKey {
  seq: number;
  ref: number;
  hasFile: boolean;
}

/** The seq range [lo, hi] of a conversation that a merge re-orders (hi < lo: none). */
export interface Window {
  lo: number;
  hi: number;
}

const columns = (sql: Sql) =>
  sql`seq, ref, to_char(date, 'YYYY-MM-DD"T"HH24:MI:SS') as date, author, kind,
    attachment is not null as has_file,
    case when kind in ('media', 'contact', 'deleted') then ''
      else left(md5(regexp_replace(btrim(regexp_replace(text, E'[\\u200e\\u200f]', '', 'g')),
        '\\s+', ' ', 'g')), 16) end as body`;

/**
 * Keys of a conversation's messages with seq in [lo, hi] (default: all), in file order.
 *
 * @example
 * ```ts
 * const keys = await messageKeys(sql, conversationId);
 * ```
 */
export async function messageKeys(
  sql: Sql,
  conversationId: string,
  range: Window = { lo: 1, hi: 2 ** 31 - 1 },
): Promise<MessageKey[]> {
  if (range.hi < range.lo) return [];
  return await sql<MessageKey[]>`
    select ${columns(sql)} from messages
    where conversation_id = ${conversationId} and seq between ${range.lo} and ${range.hi}
    order by seq`;
}

/**
 * The part of a conversation an export spanning [first, last] (wall clocks) can overlap: the
 * seqs of its messages in those minutes. When none is, an empty window at the seq where the
 * export's messages go (before the first later message, or at the end).
 */
export async function overlapWindow(
  sql: Sql,
  conversationId: string,
  span: { first: string; last: string },
): Promise<Window> {
  const [w] = await sql<{ lo: number | null; hi: number | null }[]>`
    select min(seq) as lo, max(seq) as hi from messages
    where conversation_id = ${conversationId}
      and date >= date_trunc('minute', ${span.first}::timestamp)
      and date < date_trunc('minute', ${span.last}::timestamp) + interval '1 minute'`;
  if (w.lo !== null && w.hi !== null) return { lo: w.lo, hi: w.hi };
  const [next] = await sql<{ seq: number | null; max: number | null }[]>`
    select (select seq from messages where conversation_id = ${conversationId}
        and date > ${span.last}::timestamp order by date, seq limit 1) as seq,
      (select max(seq) from messages where conversation_id = ${conversationId}) as max`;
  const at = next.seq ?? (next.max ?? 0) + 1;
  return { lo: at, hi: at - 1 };
}
