import { notFound } from "../errors.ts";
import type { Sql } from "./client.ts";

/** A conversation as the library and the API show it. */
export interface Conversation {
  id: string;
  userId: string;
  title: string;
  messageCount: number;
  /** Wall-clock `YYYY-MM-DDTHH:MM:SS` of the first and last message. */
  firstDate: string | null;
  lastDate: string | null;
  viewAs: string | null;
  /** The IANA zone its wall clocks were written in (the exporting phone's). */
  timeZone: string;
  version: number;
  summary: unknown;
  createdAt: Date;
  updatedAt: Date;
  participants: string[];
}

const columns = (sql: Sql) =>
  sql`c.id, c.user_id, c.title, c.message_count,
    to_char(c.first_date, 'YYYY-MM-DD"T"HH24:MI:SS') as first_date,
    to_char(c.last_date, 'YYYY-MM-DD"T"HH24:MI:SS') as last_date, c.view_as, c.time_zone,
    c.version, c.summary, c.created_at, c.updated_at,
    coalesce((select array_agg(p.name order by p.message_count desc, p.name)
      from participants p where p.conversation_id = c.id), '{}') as participants`;

/** The last message of a conversation, as the library card previews it. */
export interface LastMessage {
  seq: number;
  /** Its stable id (the anchor `#m<ref>` on the conversation page). */
  ref?: number;
  date: string;
  /** The instant (ISO, UTC). */
  at?: string;
  author: string | null;
  /** At most 200 characters of the text. */
  text: string;
  kind: string;
  attachment: string | null;
}

/** A conversation with its last message. */
export interface ConversationCard extends Conversation {
  lastMessage: LastMessage | null;
}

/** Orders of the library: newest activity, title (A–Z) or size (most messages first). */
export const LIBRARY_SORTS = ["recent", "title", "size"] as const;
export type LibrarySort = typeof LIBRARY_SORTS[number];

/**
 * The user's conversations with their last message (one primary-key probe each), most recent
 * activity first unless another `sort` is asked for.
 */
export function listConversations(sql: Sql, userId: string, sort: LibrarySort = "recent") {
  const order = sort === "title"
    ? sql`lower(c.title), c.title, c.id`
    : sort === "size"
    ? sql`c.message_count desc, lower(c.title), c.id`
    : sql`c.last_date desc nulls last, c.created_at desc, c.id`;
  return sql<ConversationCard[]>`
    select ${columns(sql)},
      (select json_build_object('seq', m.seq, 'ref', m.ref, 'date', to_char(m.date, 'YYYY-MM-DD"T"HH24:MI:SS'),
        'at', to_char(m.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'author', m.author, 'text', left(m.text, 200), 'kind', m.kind, 'attachment', m.attachment)
        from messages m where m.conversation_id = c.id order by m.seq desc limit 1) as last_message
    from conversations c
    where c.user_id = ${userId} order by ${order}`;
}

/** One conversation of this user, or null (another user's is indistinguishable from none). */
export async function getConversation(sql: Sql, userId: string, id: string) {
  const rows = await sql<Conversation[]>`
    select ${columns(sql)} from conversations c where c.id = ${id} and c.user_id = ${userId}`;
  return rows[0] ?? null;
}

/** {@link getConversation}, or a 404 when it is not a conversation of the user's. */
export async function ownConversation(sql: Sql, userId: string, id: string) {
  const conversation = await getConversation(sql, userId, id);
  if (!conversation) throw notFound("conversation");
  return conversation;
}

/**
 * Sets who "me" is in the reader (null: nobody, every bubble on the left) and bumps the
 * version (pages and API answers are cached by it). False when the conversation is not the
 * user's or the name is not one of its participants.
 */
export async function setViewAs(sql: Sql, userId: string, id: string, participant: string | null) {
  const rows = await sql`
    update conversations c set view_as = ${participant}, version = version + 1, updated_at = now()
    where c.id = ${id} and c.user_id = ${userId}
      and (${participant}::text is null
        or exists (select 1 from participants p where p.conversation_id = c.id and p.name = ${participant}))
    returning c.id`;
  return rows.length > 0;
}

/**
 * Renames a conversation and bumps its version (pages, API answers and shared pages are cached
 * by it). False when the conversation is not the user's. A later re-import keeps the name.
 */
export async function renameConversation(sql: Sql, userId: string, id: string, title: string) {
  const rows = await sql`
    update conversations c set title = ${title}, version = version + 1, updated_at = now()
    where c.id = ${id} and c.user_id = ${userId}
    returning c.id`;
  return rows.length > 0;
}

/** Distinct participant names over the user's conversations (search filter suggestions). */
export async function listAuthors(sql: Sql, userId: string, conversationId?: string) {
  const rows = await sql<{ name: string }[]>`
    select distinct p.name from participants p join conversations c on c.id = p.conversation_id
    where c.user_id = ${userId} ${conversationId ? sql`and c.id = ${conversationId}` : sql``}
    order by p.name limit 500`;
  return rows.map((r) => r.name);
}

/** Blob-store prefixes holding a conversation's media and original upload. */
export const conversationBlobPrefixes = (id: string) => [`conversations/${id}/`, `imports/${id}/`];
