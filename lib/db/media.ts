import type { Sql } from "./client.ts";

/** A media file of a conversation, stored in the blob store. */
export interface MediaRow {
  conversationId: string;
  name: string;
  blobKey: string;
  size: number;
  contentType: string;
  /** A picture's size in pixels as drawn (lib/image_dimensions.ts); null when not known. */
  width: number | null;
  height: number | null;
}

/** Records media files (inside the import transaction). */
export async function insertMedia(sql: Sql, rows: MediaRow[]) {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000).map((r) => ({
      conversation_id: r.conversationId,
      name: r.name,
      blob_key: r.blobKey,
      size: r.size,
      content_type: r.contentType,
      width: r.width,
      height: r.height,
    }));
    await sql`insert into media ${sql(batch)}`;
  }
}

/** A media file of one of the user's conversations, or null. */
export async function getMedia(sql: Sql, userId: string, conversationId: string, name: string) {
  const rows = await sql<MediaRow[]>`
    select m.* from media m join conversations c on c.id = m.conversation_id
    where m.conversation_id = ${conversationId} and m.name = ${name} and c.user_id = ${userId}`;
  return rows[0] ?? null;
}

/**
 * A media file of a conversation whatever its owner, or null (the capability URLs of
 * routes/files.ts: the signature, not a session, says who may read it).
 */
export async function getConversationMedia(sql: Sql, conversationId: string, name: string) {
  const rows = await sql<MediaRow[]>`
    select * from media where conversation_id = ${conversationId} and name = ${name}`;
  return rows[0] ?? null;
}
