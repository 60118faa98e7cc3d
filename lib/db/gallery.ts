/**
 * The media gallery: the messages whose attachment's file is in the export, with the file's
 * size and type, newest first, filtered by media type, author and day, paged by keyset.
 * Media left out of the export ("<Media omitted>", or a file missing from the zip) has no
 * `media` row and is not listed; {@link countOmittedMedia} counts it for the empty state.
 *
 * @module
 */
import { MEDIA_TYPE_SQL, type MediaType } from "../insights/media.ts";
import type { Sql } from "./client.ts";
import { MAX_SEQ } from "./messages.ts";
import { isWallClock } from "../time/day.ts";
import { isUuid } from "../uuid.ts";

/** One gallery item: a message and the file it carries. */
export interface GalleryItem {
  conversationId: string;
  conversationTitle: string;
  /** The message's stable reference (permalinks). */
  ref: number;
  /** Its position in the timeline. */
  seq: number;
  /** Wall clock, `YYYY-MM-DDTHH:MM:SS`. */
  date: string;
  /** The instant (ISO, UTC `…Z`). */
  at: string;
  author: string | null;
  /** The file's name in the export. */
  name: string;
  size: number;
  contentType: string;
  /** Where the file is stored (part of its capability URL's epoch, lib/media_url.ts). */
  blobKey: string;
  /** The media type of lib/insights/media.ts. */
  type: MediaType;
}

/** Where the next page starts: just after this item in newest-first order. */
export interface GalleryCursor {
  /** The item's instant, UTC to the microsecond: `2024-01-02T10:00:00.000000Z`. */
  at: string;
  conversationId: string;
  seq: number;
}

/** What to list; all filters are optional and combine with "and". */
export interface GalleryFilter {
  /** One conversation (it must be the user's, else nothing is listed). */
  conversationId?: string;
  type?: MediaType;
  author?: string;
  /** First day (wall clock, `YYYY-MM-DD`), inclusive. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  cursor?: GalleryCursor;
  limit: number;
}

const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)_(\d{1,10})_([0-9a-f-]{36})$/i;

/** The text form of a cursor (for `?cursor=`): `<instant>_<seq>_<conversation id>`. */
export const encodeCursor = (c: GalleryCursor) => `${c.at}_${c.seq}_${c.conversationId}`;

/** Parses {@link encodeCursor}'s text; null when malformed. */
export function decodeCursor(text: string): GalleryCursor | null {
  const m = CURSOR.exec(text);
  // A seq is a PostgreSQL integer: a larger one is no cursor of ours (not a failing query).
  if (!m || !isWallClock(m[1].slice(0, 19)) || !isUuid(m[3]) || Number(m[2]) > MAX_SEQ) {
    return null;
  }
  return { at: m[1], seq: Number(m[2]), conversationId: m[3].toLowerCase() };
}

/**
 * A page of the user's gallery, newest first, and the cursor of the next page (null: last).
 *
 * @example
 * ```ts
 * const { items, next } = await listGallery(sql, userId, { type: "image", limit: 60 });
 * ```
 */
export async function listGallery(
  sql: Sql,
  userId: string,
  filter: GalleryFilter,
): Promise<{ items: GalleryItem[]; next: GalleryCursor | null }> {
  const f = filter;
  const and = (cond: boolean, frag: () => ReturnType<Sql>) => cond ? frag() : sql``;
  // The type is computed over `messages` alone (MEDIA_TYPE_SQL names its columns bare).
  // Newest first by instant; per conversation that is a backward scan of the partial index
  // messages_attachment_idx (conversation_id, at, seq) of migration 00008, stopped at the limit.
  const rows = await sql<(GalleryItem & { atUtc: string })[]>`
    select m.conversation_id, c.title as conversation_title, m.ref, m.seq,
      to_char(m.date, 'YYYY-MM-DD"T"HH24:MI:SS') as date,
      to_char(m.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, m.author,
      m.attachment as name,
      f.size::float8 as size, f.content_type, f.blob_key, m.type,
      to_char(m.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_utc
    from (
      select conversation_id, seq, ref, date, at, author, attachment,
        ${sql.unsafe(MEDIA_TYPE_SQL)} as type
      from messages where attachment is not null
      ${and(f.conversationId !== undefined, () => sql`and conversation_id = ${f.conversationId!}`)}
    ) m
    join conversations c on c.id = m.conversation_id
    join media f on f.conversation_id = m.conversation_id and f.name = m.attachment
    where c.user_id = ${userId}
      ${and(f.type !== undefined, () => sql`and m.type = ${f.type!}`)}
      ${and(f.author !== undefined, () => sql`and m.author = ${f.author!}`)}
      ${and(f.from !== undefined, () => sql`and m.date >= ${f.from!}::date`)}
      ${and(f.to !== undefined, () => sql`and m.date < ${f.to!}::date + 1`)}
      ${
    and(f.cursor !== undefined, () =>
      sql`and m.at <= ${f.cursor!.at}::timestamptz and (m.at, m.conversation_id, m.seq) <
        (${f.cursor!.at}::timestamptz, ${f.cursor!.conversationId}::uuid, ${f.cursor!.seq})`)
  }
    order by m.at desc, m.conversation_id desc, m.seq desc
    limit ${f.limit + 1}`;
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ atUtc: _, ...item }) => item),
    next: more && last
      ? { at: last.atUtc, conversationId: last.conversationId, seq: last.seq }
      : null,
  };
}

/**
 * Media messages of the user's chats (or of one) whose file is not in the export: text-only
 * exports ("<Media omitted>") and files missing from the zip. Tells the gallery's empty
 * state why there is nothing to show.
 */
export async function countOmittedMedia(
  sql: Sql,
  userId: string,
  conversationId?: string,
): Promise<number> {
  const rows = await sql<{ n: number }[]>`
    select count(*)::int as n from messages m join conversations c on c.id = m.conversation_id
    where c.user_id = ${userId} and m.kind = 'media'
      ${conversationId !== undefined ? sql`and m.conversation_id = ${conversationId}` : sql``}
      and not exists (
        select 1 from media f where f.conversation_id = m.conversation_id and f.name = m.attachment
      )`;
  return rows[0]?.n ?? 0;
}
