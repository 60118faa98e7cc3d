import type { Message } from "../parse/types.ts";
import type { Sql } from "./client.ts";
import { startOfDay } from "../time/day.ts";

/**
 * The largest seq or ref: they are PostgreSQL integers, so a request naming a larger one is a 400
 * (its schema's bound), never a failing query.
 */
export const MAX_SEQ = 2 ** 31 - 1;

/** A stored message: the parser's six fields plus its position in the file. */
export interface StoredMessage extends Message {
  seq: number;
  /** Its stable id (permalinks, anchors): equal to seq until a merge renumbers seqs. */
  ref?: number;
  /** The instant (ISO, UTC `…Z`): the wall clock read in the export's zone (lib/time/zone.ts). */
  at?: string;
}

export { copyMessages } from "./copy.ts";

const COLUMNS =
  "seq, ref, to_char(date, 'YYYY-MM-DD\"T\"HH24:MI:SS') as date, author, text, kind, " +
  "attachment, edited, " +
  "to_char(at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') as at";

/**
 * One page of messages by keyset: `after` gives the `limit` messages following that seq in
 * file order, `before` the `limit` messages preceding it (returned in file order). Never OFFSET.
 * `maxRef` leaves out messages with a higher ref (a share's, see lib/db/shares.ts).
 */
export async function listMessages(
  sql: Sql,
  conversationId: string,
  page: { after?: number; before?: number; limit: number; maxRef?: number },
): Promise<StoredMessage[]> {
  const refs = page.maxRef === undefined ? sql`` : sql`and ref <= ${page.maxRef}`;
  if (page.before !== undefined) {
    const rows = await sql<StoredMessage[]>`
      select ${sql.unsafe(COLUMNS)} from messages
      where conversation_id = ${conversationId} and seq < ${page.before} ${refs}
      order by seq desc limit ${page.limit}`;
    return rows.reverse();
  }
  return await sql<StoredMessage[]>`
    select ${sql.unsafe(COLUMNS)} from messages
    where conversation_id = ${conversationId} and seq > ${page.after ?? 0} ${refs}
    order by seq limit ${page.limit}`;
}

/**
 * A page of `limit` messages around `seq` (it and about half a page before it, in file
 * order). Near either end the page is filled from the other side, so it is short only when
 * the whole conversation is.
 */
export async function listAround(
  sql: Sql,
  conversationId: string,
  seq: number,
  limit: number,
): Promise<StoredMessage[]> {
  const half = Math.floor(limit / 2);
  let [before, after] = await Promise.all([
    listMessages(sql, conversationId, { before: seq, limit: half }),
    listMessages(sql, conversationId, { after: seq - 1, limit: limit - half }),
  ]);
  if (before.length < half && after.length === limit - half && after.length > 0) {
    const more = await listMessages(sql, conversationId, {
      after: after[after.length - 1].seq,
      limit: half - before.length,
    });
    after = after.concat(more);
  } else if (after.length < limit - half && before.length === half && before.length > 0) {
    const more = await listMessages(sql, conversationId, {
      before: before[0].seq,
      limit: limit - half - after.length,
    });
    before = more.concat(before);
  }
  return before.concat(after);
}

/**
 * How far a wall clock can run back at a DST change (one hour almost everywhere; two in a few
 * historical rules), with room to spare.
 */
const FOLD_MARGIN = "3 hours";

/**
 * The seq of the first message (by instant, then file order) on or after the midnight that
 * starts `day` (`YYYY-MM-DD`) in `zone`, the zone the reader reads in; or null when the
 * conversation ends before it. Two short walks of `messages_date_idx`.
 *
 * @example
 * ```ts
 * await seqOnOrAfter(sql, id, "2024-03-10", "Asia/Tokyo"); // first message from 2024-03-09T15:00Z
 * ```
 */
export async function seqOnOrAfter(sql: Sql, conversationId: string, day: string, zone = "UTC") {
  // The reader's midnight M, read on the chat's own wall clock (W), lets messages_date_idx
  // answer without an index on `at` (it would slow every import). Around a DST fold the wall
  // clock runs back, so date order is not instant order there: the first row by date with
  // at >= M is found from W minus the largest fold (FOLD_MARGIN), then the first by instant
  // among the rows within that margin of it.
  const m = startOfDay(day, zone);
  // Scalar subqueries (evaluated once) keep both walks on the index's range bounds.
  const w = sql`((${m}::timestamptz at time zone (
    select time_zone from conversations where id = ${conversationId})) - ${FOLD_MARGIN}::interval)`;
  const rows = await sql<{ seq: number }[]>`
    select seq from messages
    where conversation_id = ${conversationId} and at >= ${m}::timestamptz and date >= ${w}
      and date <= (
        select date from messages
        where conversation_id = ${conversationId} and date >= ${w} and at >= ${m}::timestamptz
        order by date, seq limit 1
      ) + ${FOLD_MARGIN}::interval
    order by at, seq limit 1`;
  return rows[0]?.seq ?? null;
}

/** A media file an attachment on the page refers to. */
export interface AttachedFile {
  size: number;
  contentType: string;
  blobKey: string;
  /** A picture's size in pixels as drawn; null when not known (media imported before it was). */
  width: number | null;
  height: number | null;
}

/**
 * The media files (present in the export) among the attachments of a page of messages, by
 * name: one indexed query for the page rather than every file name of the conversation.
 */
export async function attachedFiles(
  sql: Sql,
  conversationId: string,
  messages: { attachment: string | null }[],
): Promise<Map<string, AttachedFile>> {
  const names = [...new Set(messages.flatMap((m) => (m.attachment ? [m.attachment] : [])))];
  if (names.length === 0) return new Map();
  const rows = await sql<({ name: string } & AttachedFile)[]>`
    select name, size::float8 as size, content_type, blob_key, width, height from media
    where conversation_id = ${conversationId} and name = any(${names})`;
  return new Map(rows.map(({ name, ...file }) => [name, file]));
}
