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
  version: number;
  summary: unknown;
  createdAt: Date;
  updatedAt: Date;
  participants: string[];
}

const columns = (sql: Sql) =>
  sql`c.id, c.user_id, c.title, c.message_count,
    to_char(c.first_date, 'YYYY-MM-DD"T"HH24:MI:SS') as first_date,
    to_char(c.last_date, 'YYYY-MM-DD"T"HH24:MI:SS') as last_date, c.view_as,
    c.version, c.summary, c.created_at, c.updated_at,
    coalesce((select array_agg(p.name order by p.message_count desc, p.name)
      from participants p where p.conversation_id = c.id), '{}') as participants`;

/** The user's conversations, most recent activity first. */
export function listConversations(sql: Sql, userId: string) {
  return sql<Conversation[]>`
    select ${columns(sql)} from conversations c
    where c.user_id = ${userId} order by c.last_date desc nulls last, c.created_at desc`;
}

/** One conversation of this user, or null (another user's is indistinguishable from none). */
export async function getConversation(sql: Sql, userId: string, id: string) {
  const rows = await sql<Conversation[]>`
    select ${columns(sql)} from conversations c where c.id = ${id} and c.user_id = ${userId}`;
  return rows[0] ?? null;
}

/**
 * Deletes a conversation with (by cascade) its participants, messages and media rows, and the
 * import rows that produced it. The caller removes the blobs (see `conversationBlobPrefixes`).
 */
export async function deleteConversation(sql: Sql, userId: string, id: string) {
  return await sql.begin(async (tx) => {
    await tx`delete from imports where user_id = ${userId} and (conversation_id = ${id} or id = ${id})`;
    const rows = await tx`delete from conversations where id = ${id} and user_id = ${userId} returning id`;
    return rows.length > 0;
  });
}

/** Blob-store prefixes holding a conversation's media and original upload. */
export const conversationBlobPrefixes = (id: string) => [`conversations/${id}/`, `imports/${id}/`];
