import type { Sql } from "./client.ts";

/** A read-only share link of a conversation, or of the messages `fromSeq..toSeq`. */
export interface Share {
  id: string;
  conversationId: string;
  userId: string;
  /** First and last message shared; null is the conversation's start or end. */
  fromSeq: number | null;
  toSeq: number | null;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Creates a share of one of the user's conversations; null when it is not theirs. */
export async function createShare(
  sql: Sql,
  share: {
    userId: string;
    conversationId: string;
    fromSeq?: number | null;
    toSeq?: number | null;
    expiresInHours: number;
  },
) {
  const rows = await sql<Share[]>`
    insert into shares (conversation_id, user_id, from_seq, to_seq, expires_at)
    select c.id, c.user_id, ${share.fromSeq ?? null}, ${share.toSeq ?? null},
      now() + make_interval(secs => ${Math.round(share.expiresInHours * 3600)})
    from conversations c where c.id = ${share.conversationId} and c.user_id = ${share.userId}
    returning *`;
  return rows[0] ?? null;
}

/** The user's live (not revoked, not expired) shares, of one conversation or of all. */
export function listShares(sql: Sql, userId: string, conversationId?: string) {
  return sql<(Share & { title: string })[]>`
    select s.*, c.title from shares s join conversations c on c.id = s.conversation_id
    where s.user_id = ${userId} and s.revoked_at is null and s.expires_at > now()
      ${conversationId ? sql`and s.conversation_id = ${conversationId}` : sql``}
    order by s.created_at desc`;
}

/** Revokes one of the user's shares; false when there is no such live share of this user. */
export async function revokeShare(sql: Sql, userId: string, id: string, conversationId?: string) {
  const rows = await sql`
    update shares set revoked_at = now()
    where id = ${id} and user_id = ${userId} and revoked_at is null
      ${conversationId ? sql`and conversation_id = ${conversationId}` : sql``}
    returning id`;
  return rows.length > 0;
}

/**
 * A share that may be shown now — not revoked, not expired, its conversation still there —
 * with the conversation's title, version and view-as; null otherwise. Called on every request
 * of a shared page, so revoking works at once at the origin.
 */
export async function getLiveShare(sql: Sql, id: string) {
  const rows = await sql<
    (Share & {
      title: string;
      version: number;
      updatedAt: Date;
      viewAs: string | null;
      messageCount: number;
    })[]
  >`
    select s.*, c.title, c.version, c.updated_at, c.view_as, c.message_count
    from shares s join conversations c on c.id = s.conversation_id
    where s.id = ${id} and s.revoked_at is null and s.expires_at > now()`;
  return rows[0] ?? null;
}

/**
 * The media file `name` when a message inside the share's range has it as its attachment,
 * else null: a shared page serves only its own range's media.
 */
export async function shareMedia(sql: Sql, share: Share, name: string) {
  const rows = await sql<{ blobKey: string; contentType: string }[]>`
    select m.blob_key, m.content_type from media m
    where m.conversation_id = ${share.conversationId} and m.name = ${name}
      and exists (
        select 1 from messages
        where conversation_id = ${share.conversationId} and attachment = ${name}
          and seq >= ${share.fromSeq ?? 1} and seq <= ${share.toSeq ?? 2147483647}
      )`;
  return rows[0] ?? null;
}
