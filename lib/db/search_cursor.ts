/**
 * Where a page of search results ends ({@link SearchCursor}, the API's opaque `next`), and the SQL
 * that keeps only the hits after it. The results' order is the instant, newest first, then the
 * conversation id, then `ref` newest first; `message_search` holds wall clocks, so the instant of
 * a hit is its wall clock read in its chat's zone (`s.date at time zone <zone>`), and a cursor is
 * translated back to each chat's wall clock to bound the walk of `message_search_date_idx`.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type postgres from "postgres";
import { isWallClock } from "../time/day.ts";
import { isUuid } from "../uuid.ts";

/** A place in the results' order, as the last hit of a page gives it. */
export interface SearchCursor {
  /**
   * The hit's instant as the order reads it (ISO, UTC: `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`): its wall
   * clock read in its chat's zone (which can differ from the hit's `at` in a DST fold).
   */
  at: string;
  conversationId: string;
  ref: number;
}

/**
 * A cursor handed out while results were ordered by wall clock (`date|conversation|ref`): still
 * accepted, its wall clock read in its conversation's zone ({@link cursorInstant}).
 */
export interface WallCursor {
  /** Wall clock `YYYY-MM-DDTHH:MM:SS`. */
  wall: string;
  conversationId: string;
  ref: number;
}

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,6}Z|Z)?\|([0-9a-f-]{36})\|(\d{1,9})$/;

/** A cursor as the API hands it out: opaque (base64url of `instant|conversation|ref`). */
export function encodeCursor(c: SearchCursor | WallCursor): string {
  const place = "at" in c ? c.at : c.wall;
  return Buffer.from(`${place}|${c.conversationId}|${c.ref}`).toString("base64url");
}

/**
 * The cursor in `text`, or null when it is not one of ours (a real date and time, a UUID). An
 * instant ends in `Z`; without it, it is an older cursor's wall clock.
 *
 * @example
 * ```ts
 * const next = encodeCursor({ at: "2024-01-02T09:00:00Z", conversationId, ref: 7 });
 * decodeCursor(next); // { at: "2024-01-02T09:00:00Z", conversationId, ref: 7 }
 * ```
 */
export function decodeCursor(text: string): SearchCursor | WallCursor | null {
  const m = CURSOR.exec(Buffer.from(text, "base64url").toString());
  if (!m || !isWallClock(m[1]) || !isUuid(m[3])) return null;
  const [conversationId, ref] = [m[3], +m[4]];
  return m[2] ? { at: m[1] + m[2], conversationId, ref } : { wall: m[1], conversationId, ref };
}

/**
 * The cursor with its instant: an older cursor's wall clock is read in its conversation's zone
 * (UTC when the conversation is gone or not the user's).
 */
export async function cursorInstant(
  sql: postgres.Sql,
  userId: string,
  c: SearchCursor | WallCursor,
): Promise<SearchCursor> {
  if ("at" in c) return c;
  const zone = sql`coalesce((select time_zone from conversations
    where id = ${c.conversationId} and user_id = ${userId}), 'UTC')`;
  const [{ at }] = await sql<{ at: string }[]>`
    select ${instantText(sql, sql`${c.wall}::timestamp at time zone ${zone}`)} as at`;
  return { at, conversationId: c.conversationId, ref: c.ref };
}

/** A timestamptz in SQL as a cursor's instant (with microseconds only when it has some). */
export function instantText(sql: postgres.Sql, at: postgres.Fragment): postgres.Fragment {
  return sql`regexp_replace(to_char((${at}) at time zone 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS.US'), '\\.0+$', '') || 'Z'`;
}

/**
 * `and …`: only the hits after the cursor in the results' order, `s` being `message_search`.
 * Across conversations (`chat` omitted, `c` being `conversations`) the test is on each row's
 * instant. In one conversation's branch (its id and zone constants) it also bounds the walk of
 * its date index: the hits after the cursor have a wall clock at most the cursor's instant read
 * on that chat's clock. That range holds every one of them, also in a DST fold (PostgreSQL reads
 * a repeated wall clock as the later instant, a skipped one as the hour after), and the exact
 * test on the instant drops the rest (inside a fold, wall clocks of the repeated hour whose
 * later reading is newer than the cursor).
 */
export function afterCursor(
  sql: postgres.Sql,
  c: SearchCursor | undefined,
  chat?: { id: string; zone: string },
): postgres.Fragment {
  if (!c) return sql``;
  const k = sql`${c.at}::timestamptz`;
  if (!chat) {
    const at = sql`(s.date at time zone c.time_zone)`;
    return sql`and (${at} < ${k} or (${at} = ${k} and (c.id > ${c.conversationId}
      or (c.id = ${c.conversationId} and s.ref < ${c.ref}))))`;
  }
  const at = sql`(s.date at time zone ${chat.zone})`;
  const walk = sql`and s.date <= (${k} at time zone ${chat.zone})`;
  // The conversation id is a constant here: the tie on the instant is decided by it.
  if (chat.id > c.conversationId) return sql`${walk} and ${at} <= ${k}`;
  if (chat.id < c.conversationId) return sql`${walk} and ${at} < ${k}`;
  return sql`${walk} and (${at}, s.ref) < (${k}, ${c.ref})`;
}
